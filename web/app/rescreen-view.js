// The "rescreen stored orders" panel: after a newer bundle (on the Lists page, started at once) and after the
// own list changed (on the Own list page, offered). The orders whose decision changed are listed first,
// with their decision before and now; every new screening goes into the audit log.
import { h, clear } from './dom.js';
import { t, formatDate, errorText } from './i18n/index.js';
import { createTable } from './table.js';
import { decisionBadge } from './result-view.js';
import { openReport } from './report-dialog.js';
import { rescreen, rescreenCandidates } from './rescreen.js';

// id: the panel's element id (its parts get `${id}-start`, `${id}-result` ...); intro: the i18n key of the
// sentence that says why (rescreen.intro after a bundle, rescreen.introOwn after the own list).
export function createRescreenPanel(ctx, { id, intro = 'rescreen.intro' }) {
  const el = h('section', { class: 'rescreen', id, hidden: true, 'aria-labelledby': `${id}-title` });

  // all: every stored order's latest screening (the own list changed), else those of another bundle.
  async function offer({ auto = false, all = false } = {}) {
    const candidates = await rescreenCandidates(ctx.checker, { all }).catch(() => []);
    el.hidden = false;
    const progress = h('progress', { id: `${id}-progress`, max: Math.max(1, candidates.length), value: 0, hidden: true, 'aria-label': t('rescreen.progress') });
    const out = h('div', { id: `${id}-result`, role: 'status' });
    const button = h('button', { type: 'button', class: 'primary', id: `${id}-start`, disabled: !candidates.length },
      t('rescreen.start', { count: candidates.length }));
    const start = async () => {
      button.disabled = true;
      progress.hidden = false;
      try {
        const { total, changed } = await rescreen(ctx.checker, candidates, { onProgress: (p) => { progress.value = p.done; } });
        showChanges(out, total, changed);
      } catch (err) {
        clear(out, h('p', { class: 'error' }, errorText(err)));
      }
      ctx.view('audit')?.invalidate?.();
    };
    button.addEventListener('click', start);
    clear(el,
      h('h3', { id: `${id}-title`, i18n: 'rescreen.title' }),
      h('p', {}, candidates.length ? t(intro, { count: candidates.length }) : t('rescreen.none')),
      button, progress, out);
    if (auto && candidates.length) await start();
  }

  function showChanges(out, total, changed) {
    const table = createTable({
      caption: 'rescreen.caption',
      columns: [
        { id: 'order', label: 'batch.col.order', header: true, sort: (r) => r.record.order_id,
          cell: (r) => h('button', { type: 'button', class: 'link open-report', onclick: () => openReport({ report: r.report, ctx }) }, r.record.order_id) },
        { id: 'before', label: 'rescreen.before', sort: (r) => r.before, cell: (r) => decisionBadge(r.before) },
        { id: 'after', label: 'rescreen.after', sort: (r) => r.after, cell: (r) => decisionBadge(r.after) },
        { id: 'when', label: 'rescreen.previousTime', sort: (r) => r.record.time, cell: (r) => formatDate(r.record.time, { time: true }) },
      ],
    });
    table.setRows(changed);
    out.dataset.changed = String(changed.length);
    clear(out, h('p', { id: `${id}-summary` }, t('rescreen.done', { total, changed: changed.length })), changed.length ? table.el : null);
  }

  return { el, offer };
}
