// "Screen an order": the form, and beside it the report of the last screening (recorded in the audit log
// at once, so its hits can be adjudicated right there).
import { h, clear } from './dom.js';
import { language } from './i18n/index.js';
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

// One order screened in a Worker, like a batch of one (the page never blocks on the core), the form busy
// meanwhile. -> the report, or { error } when the core refused the order.
async function screenOne(checker, order, formEl) {
  const submit = formEl.querySelector('button[type="submit"]');
  submit.disabled = true;
  formEl.setAttribute('aria-busy', 'true');
  const request = { clearances: await loadClearances(), screened_at: new Date().toISOString(), lang: language() };
  try {
    return (await checker.screenBatch([order], { request }))[0];
  } catch (err) {
    return { error: { code: err.code, message: err.message } };
  } finally {
    submit.disabled = false;
    formEl.removeAttribute('aria-busy');
  }
}

// The audit record of one screening, stored; without an id when storing failed (then no adjudication).
async function recordOf(checker, order, report) {
  const record = makeRecord({ order, report, checker, kind: 'single' });
  try {
    record.id = await addRecord(record);
  } catch {
    record.id = undefined;
  }
  return record.id === undefined ? undefined : record;
}

// The report panel: the last report, its hits adjudicated in place (the reviewer's name remembered).
function reportPanel(ctx) {
  const el = h('div', { class: 'result-panel', id: 'result', 'aria-live': 'polite', tabindex: '-1' },
    h('p', { class: 'placeholder', i18n: 'result.placeholder' }));
  let last; // { report, record }
  const onAdjudicate = async (a) => {
    if (a.reviewer && a.reviewer !== ctx.reviewer) {
      ctx.reviewer = a.reviewer;
      setSetting('reviewer', a.reviewer).catch(() => {});
    }
    const updated = await adjudicate(last.record.id, a);
    last.record = updated;
    return updated;
  };
  const render = () => {
    if (last) clear(el, h('h2', { i18n: 'result.title' }), renderReport(last.report, { record: last.record, reviewer: ctx.reviewer, onAdjudicate }));
  };
  return {
    el,
    render,
    show(report, record) {
      last = { report, record };
      render();
      el.focus();
      el.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
  };
}

// "Try an example": the sample orders; one picked fills the form, its "Screen" button in view and focused.
function examplePicker(form) {
  const examples = h('select', { id: 'example' }, h('option', { value: '', i18n: 'form.exampleChoose' }));
  loadSamples().then((list) => {
    for (const [i, order] of list.entries()) {
      examples.append(h('option', { value: String(i) }, `${order.id} — ${order.parties?.[0]?.name ?? ''}`));
    }
  });
  examples.addEventListener('change', async () => {
    const order = (await loadSamples())[Number(examples.value)];
    if (!order) return;
    form.fill(structuredClone(order));
    const submit = form.el.querySelector('button[type="submit"]');
    submit?.scrollIntoView({ block: 'center' });
    submit?.focus({ preventScroll: true });
  });
  return h('div', { class: 'example-picker' }, h('label', { for: 'example', i18n: 'form.example' }), examples);
}

export function createOrderView(ctx) {
  const result = reportPanel(ctx);
  const form = createOrderForm({
    onSubmit: async (order) => {
      const report = await screenOne(ctx.checker, order, form.el);
      if (report.error) {
        form.showCoreError(report.error.message);
        return;
      }
      const record = await recordOf(ctx.checker, order, report);
      ctx.view('audit')?.invalidate?.();
      result.show(report, record);
    },
  });

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

  const el = h('section', { class: 'view view-screen', 'aria-labelledby': 'order-form-title',
    onfocusin: () => warm(), onpointerdown: () => warm(), onchange: () => warm() },
    examplePicker(form),
    h('div', { class: 'two-columns' }, form.el, result.el));

  window.addEventListener('languagechange-app', () => {
    form.relabel();
    result.render();
  });
  return { el, form, show: () => {} };
}
