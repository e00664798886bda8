// "Screen an order": the form, and beside it the report of the last screening (recorded in the audit log
// at once, so its hits can be adjudicated right there).
import { h, clear } from './dom.js';
import { t, language } from './i18n/index.js';
import { createOrderForm } from './order-form.js';
import { renderReport } from './result-view.js';
import { addRecord, adjudicate, loadClearances, makeRecord } from './audit-log.js';
import { setSetting } from './db.js';

export const SAMPLE_JSONL = 'samples/orders.jsonl';

// The sample orders (same origin; cached by the service worker), for "try an example".
let samples;
export async function loadSamples() {
  samples ??= fetch(SAMPLE_JSONL).then((r) => (r.ok ? r.text() : ''))
    .then((text) => text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)))
    .catch(() => []);
  return samples;
}

export function createOrderView(ctx) {
  const result = h('div', { class: 'result-panel', id: 'result', 'aria-live': 'polite', tabindex: '-1' },
    h('p', { class: 'placeholder', i18n: 'result.placeholder' }));
  let last; // { report, record }

  const showReport = () => {
    if (!last) return;
    clear(result, h('h2', { i18n: 'result.title' }), renderReport(last.report, {
      record: last.record,
      reviewer: ctx.reviewer,
      onAdjudicate: async (a) => {
        if (a.reviewer && a.reviewer !== ctx.reviewer) {
          ctx.reviewer = a.reviewer;
          setSetting('reviewer', a.reviewer).catch(() => {});
        }
        const updated = await adjudicate(last.record.id, a);
        last.record = updated;
        return updated;
      },
    }));
  };

  const form = createOrderForm({
    onSubmit: async (order) => {
      const checker = ctx.checker;
      const submit = form.el.querySelector('button[type="submit"]');
      submit.disabled = true;
      form.el.setAttribute('aria-busy', 'true');
      let report;
      // In a Worker, like a batch of one: the page never blocks on the core.
      const request = { clearances: await loadClearances(), screened_at: new Date().toISOString(), lang: language() };
      try {
        [report] = await checker.screenBatch([order], { request });
      } catch (err) {
        report = { error: { code: err.code, message: err.message } };
      } finally {
        submit.disabled = false;
        form.el.removeAttribute('aria-busy');
      }
      if (report.error) {
        form.showCoreError(report.error.message);
        return;
      }
      const record = makeRecord({ order, report, checker, kind: 'single' });
      try {
        record.id = await addRecord(record);
      } catch {
        record.id = undefined;
      }
      last = { report, record: record.id === undefined ? undefined : record };
      ctx.view('audit')?.invalidate?.();
      showReport();
      result.focus();
      result.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
  });

  const examples = h('select', { id: 'example' }, h('option', { value: '', i18n: 'form.exampleChoose' }));
  loadSamples().then((list) => {
    for (const [i, order] of list.entries()) {
      examples.append(h('option', { value: String(i) }, `${order.id} — ${order.parties?.[0]?.name ?? ''}`));
    }
  });
  examples.addEventListener('change', async () => {
    const list = await loadSamples();
    const order = list[Number(examples.value)];
    if (!order) return;
    form.fill(structuredClone(order));
    // The "Screen" button is far below a filled form: bring it into view and focus it, ready to press.
    const submit = form.el.querySelector('button[type="submit"]');
    submit?.scrollIntoView({ block: 'center' });
    submit?.focus({ preventScroll: true });
  });

  const el = h('section', { class: 'view view-screen', 'aria-labelledby': 'order-form-title',
    onfocusin: () => warm(), onpointerdown: () => warm(), onchange: () => warm() },
    h('div', { class: 'example-picker' },
      h('label', { for: 'example', i18n: 'form.example' }), examples),
    h('div', { class: 'two-columns' }, form.el, result));

  // One Worker loads the core, the lists and the rules as soon as the user starts on an order (long before
  // "Screen" is pressed), and hands over the product catalogue for the suggestions. Not earlier: a visitor
  // who only reads the page or leaves it starts nothing.
  let warmed;
  const warm = () => {
    warmed ??= ctx.checker.warmUp({ count: 1 })
      .then(({ products }) => form.setProducts(products))
      .catch(() => { warmed = undefined; });
  };
  ctx.manager.addEventListener('change', () => { warmed = undefined; });

  window.addEventListener('languagechange-app', () => {
    form.relabel();
    showReport();
  });
  return { el, form, show: () => {} };
}
