// "Batch": a CSV or JSON-lines file of orders (read by the core), screened in Workers with a progress
// bar, rate and time left (batch-progress.js); then a chart of decisions and frequent findings, a sortable,
// filterable table whose rows open the full report, and exports (batch-results-panel.js, batch-results.js).
// Every screening goes into the audit log.
import { h, clear, icon } from './dom.js';
import { t, formatDate, language } from './i18n/index.js';
import { loadClearances, makeRecord, recordContext, recordWriter } from './audit-log.js';
import { dropZone } from './drop-zone.js';
import { createBatchProgress } from './batch-progress.js';
import { createBatchResults } from './batch-results-panel.js';

export { decisionCounts, topRules, resultsCsv } from './batch-results.js';

const PREVIEW_ERRORS = 200; // every bad row, up to a screenful a person can act on

// The core words every line error itself, in the page's language, naming the file, line and column.
const lineText = (e) => e.message;
// A whole file that cannot be read (an unknown CSV column, too many orders) is refused before screening.
const refusesFile = (err) => /^(bad_|batch_too_large)/.test(err.code ?? '');
const formatOf = (fileName) => (/\.csv$/i.test(fileName) ? 'csv' : /\.(jsonl|ndjson)$/i.test(fileName) ? 'jsonl' : undefined);

// What happened to the file: read, refused, cancelled, lines that hold no order.
function batchMessages() {
  const el = h('div', { class: 'batch-messages', role: 'status' });
  const say = (kind, ...children) =>
    el.append(h('p', { class: `message ${kind}` }, kind === 'error' ? icon('error') : null, ...children));
  // What the file held: how many orders, and the lines that hold none (not screened).
  const reportRead = (name, orders, errors) => {
    say('info', t('batch.read', { count: orders, file: name }));
    if (!errors.length) return;
    say('error', t('batch.lineErrors', { count: errors.length }));
    el.append(h('ul', { class: 'line-errors' }, errors.slice(0, PREVIEW_ERRORS).map((e) => h('li', {}, lineText(e)))));
  };
  return { el, say, reportRead, clear: () => clear(el) };
}

// Each chunk of reports, as it arrives, kept in `state` and queued for the audit log (the chunks that wait
// while one transaction is written go together into the next).
function batchRecorder(state, input, context, batchId) {
  const writes = [];
  const write = recordWriter();
  const onChunk = (from, reports, orders = input.slice(from, from + reports.length)) => {
    const records = [];
    for (let i = 0; i < reports.length; i++) {
      if (!reports[i]) continue; // a line that holds no order
      state.orders[from + i] = orders[i];
      state.reports[from + i] = reports[i];
      records.push({ index: from + i, record: makeRecord({ order: orders[i], digest: reports[i], context, kind: 'batch', batch: batchId }) });
    }
    writes.push(write(records.map((r) => r.record)).then((ids) => {
      ids.forEach((id, i) => { state.recordIds[records[i].index] = id; });
    }));
  };
  return { onChunk, written: () => Promise.all(writes) };
}

// Screens the input in the Workers, handing each chunk to onChunk; says what a file held.
async function screen(checker, input, name, { state, signal, progress, messages, onChunk }) {
  const request = { clearances: await loadClearances(), screened_at: state.startedAt, lang: language() };
  const options = { request, digest: true, signal, onChunk, onProgress: (p) => {
    state.done = p.done;
    state.rate = p.rate;
    progress.show(p);
  } };
  if (Array.isArray(input)) {
    await checker.screenBatch(input, options);
    return;
  }
  const { orders, errors } = await checker.screenText(input.text, { ...options, format: input.format, name });
  messages.reportRead(name, orders.length, errors);
}

// Why the batch stopped, said in the messages; -> the view's state ('refused': nothing was screened).
function stoppedBy(err, name, { state, progress, messages }) {
  if (err.name === 'AbortError') {
    messages.say('info', t('batch.cancelled', { done: state.done, total: progress.total }));
    return 'cancelled';
  }
  if (!state.done && refusesFile(err)) {
    progress.hide();
    messages.say('error', t('batch.parseFailed', { file: name, message: err.message }));
    return 'refused';
  }
  messages.say('error', t('batch.failed', { message: err.message }));
  return 'failed';
}

// Once every record is in the audit log, the view says so (data-recorded, and in the summary).
async function recorded(recorder, { state, el, messages }) {
  try {
    await recorder.written();
    state.recorded = true;
    el.dataset.recorded = 'true';
  } catch (err) {
    messages.say('error', t('batch.recordFailed', { message: err.message }));
  }
}

// The sample files to try the view with.
const samplesLine = () => h('p', { class: 'samples' }, h('span', { i18n: 'batch.samples' }), ' ',
  h('a', { href: 'samples/orders.csv', download: 'exportcheck-sample-orders.csv', id: 'sample-csv', i18n: 'batch.sampleCsv' }), ' · ',
  h('a', { href: 'samples/orders.jsonl', download: 'exportcheck-sample-orders.jsonl', id: 'sample-jsonl', i18n: 'batch.sampleJsonl' }));

export function createBatchView(ctx) {
  let state = null; // { name, orders, reports[], recordIds[], done, startedAt, elapsed, rate, bundle, recorded }
  let controller;
  const progress = createBatchProgress({ onCancel: () => controller?.abort() });
  const messages = batchMessages();
  const results = createBatchResults(ctx, () => state);
  const fileInput = h('input', { type: 'file', id: 'batch-file', accept: '.csv,.jsonl,.ndjson,.json,.txt,text/csv,application/json' });

  const el = h('section', { class: 'view view-batch', 'aria-labelledby': 'batch-title' },
    h('h2', { id: 'batch-title', i18n: 'batch.title' }),
    h('p', { i18n: 'batch.intro' }),
    samplesLine(),
    dropZone({ id: 'batch-drop', input: fileInput, keys: { title: 'batch.drop', choose: 'batch.choose', hint: 'batch.formats' },
      onFiles: (files) => files?.[0] && runFile(files[0]) }),
    messages.el, progress.el, results.el);

  async function runFile(file) {
    controller?.abort();
    messages.clear();
    results.hide();
    const text = await file.text().catch((err) => {
      messages.say('error', t('batch.readFailed', { file: file.name, message: err.message }));
    });
    if (text !== undefined) await run({ text, format: formatOf(file.name) }, file.name);
  }

  // input: the orders (an array), or a file's { text, format }, which the Workers read themselves.
  async function run(input, name) {
    const checker = ctx.checker;
    const context = recordContext(checker);
    state = { name, orders: [], reports: [], recordIds: [], done: 0, startedAt: new Date().toISOString(), bundle: context.bundle };
    const recorder = batchRecorder(state, input, context, `batch-${new Date().toISOString()}`);
    controller = new AbortController();
    progress.start(Array.isArray(input) ? input.length : 0);
    el.dataset.state = 'running';
    const started = performance.now();
    try {
      await screen(checker, input, name, { state, signal: controller.signal, progress, messages, onChunk: recorder.onChunk });
      state.elapsed = performance.now() - started;
      state.rate = (state.done * 1000) / Math.max(1, state.elapsed);
      el.dataset.state = 'done';
      el.dataset.elapsedMs = String(Math.round(state.elapsed));
    } catch (err) {
      state.elapsed = performance.now() - started;
      progress.stopped();
      el.dataset.state = stoppedBy(err, name, { state, progress, messages });
      if (el.dataset.state === 'refused') return;
    } finally {
      progress.stopped();
    }
    results.show();
    await recorded(recorder, { state, el, messages });
    results.update();
    ctx.view('audit')?.invalidate?.();
  }

  return {
    el,
    show: () => { ctx.checker.warmUp?.().catch(() => {}); },
    run, // (orders, name): used by tests and the rescreen view
    get state() { return state; },
    formatDate,
  };
}
