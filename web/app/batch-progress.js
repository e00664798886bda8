// A batch's progress: a bar, "done of total, rate, time left", a cancel button, and a screen-reader
// announcement at each quarter (not at every step).
import { h } from './dom.js';
import { t, formatNumber, bindText } from './i18n/index.js';

export function formatDuration(ms) {
  if (!Number.isFinite(ms)) return '…';
  if (ms < 1000) return t('time.lessThanSecond');
  const s = Math.round(ms / 1000);
  return s < 90 ? t('time.seconds', { s }) : t('time.minutes', { m: Math.floor(s / 60), s: s % 60 });
}

export function createBatchProgress({ onCancel }) {
  const bar = h('progress', { id: 'batch-progress', max: 1, value: 0, 'aria-labelledby': 'batch-progress-label' });
  const text = h('p', { id: 'batch-progress-text', class: 'progress-text', 'aria-hidden': 'true' });
  const live = h('p', { class: 'visually-hidden', role: 'status', id: 'batch-progress-live' });
  const cancelButton = h('button', { type: 'button', class: 'secondary', id: 'batch-cancel', i18n: 'batch.cancel', onclick: onCancel });
  const label = h('p', { id: 'batch-progress-label', class: 'progress-label', i18n: 'batch.progressLabel' });
  const el = h('div', { class: 'progress', hidden: true }, label, bar, text, live, cancelButton);
  let lastStep = -1;

  // p: { done, total, rate, etaMs } (web/lib/batch.js Progress).
  function show(p) {
    bar.max = Math.max(1, p.total);
    bar.value = p.done;
    const line = t('batch.progress', { done: p.done, total: p.total, rate: formatNumber(Math.round(p.rate)),
      eta: p.done >= p.total ? '' : formatDuration(p.etaMs) }); // finished: no time left to announce
    text.textContent = line;
    bar.dataset.done = String(p.done);
    const step = Math.floor((p.done / Math.max(1, p.total)) * 4);
    if (step !== lastStep) {
      lastStep = step;
      live.textContent = line;
    }
  }

  return {
    el,
    show,
    get total() { return bar.max; },
    start(total) {
      el.hidden = false;
      cancelButton.hidden = false;
      bindText(label, 'batch.progressLabel');
      lastStep = -1;
      show({ done: 0, total, rate: 0, etaMs: NaN });
    },
    // The batch ended (every order screened, or cancelled, or refused): the heading no longer says it runs.
    stopped() {
      cancelButton.hidden = true;
      bindText(label, bar.value >= bar.max ? 'batch.progressDone' : 'batch.progressStopped');
    },
    hide() { el.hidden = true; },
  };
}
