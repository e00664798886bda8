// "Batch": a CSV or JSON-lines file of orders (read by the core), screened in Workers with a progress
// bar, rate and time left; then a chart of decisions and frequent findings, a sortable, filterable table
// whose rows open the full report, and exports (CSV, JSON). Every screening goes into the audit log.
import { h, clear, download, icon } from './dom.js';
import { t, formatNumber, formatDate, language } from './i18n/index.js';
import { barChart } from './chart.js';
import { createTable } from './table.js';
import { BY_SEVERITY, decisionBadge, decisionRank, fillDecisionFilter } from './result-view.js';
import { addRecords, loadClearances, makeRecord, recordContext } from './audit-log.js';
import { openReport } from './report-dialog.js';
import { toCsv } from './csv.js';

const PREVIEW_ERRORS = 200; // every bad row, up to a screenful a person can act on

function formatDuration(ms) {
  if (!Number.isFinite(ms)) return '…';
  if (ms < 1000) return t('time.lessThanSecond');
  const s = Math.round(ms / 1000);
  return s < 90 ? t('time.seconds', { s }) : t('time.minutes', { m: Math.floor(s / 60), s: s % 60 });
}

// The first sentence of a message, cut to a table cell's length (the full text is one click away).
const short = (text, max = 110) => {
  const first = String(text ?? '').split(/(?<=\.)\s/)[0];
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
};
const partyNames = (order) => (order?.parties ?? []).map((p) => p?.name).filter(Boolean);
const uniq = (list) => [...new Set(list)];

// Reports here are batch digests (web/lib/batch.js) or, for error rows, { order_id, error }.
const findingCount = (r) => (typeof r?.findings === 'number' ? r.findings : r?.findings?.length ?? 0);
const mainFinding = (r) => r?.main ?? (r?.findings?.[0] ? { rule: r.findings[0].rule, message: r.findings[0].message } : null);
const fullReport = (r) => (r?.json ? JSON.parse(r.json) : r);

// Line errors of JSON lines, found by the browser's JSON parser rather than the core (web/lib/batch.js).
export function decisionCounts(reports) {
  const counts = Object.fromEntries([...BY_SEVERITY, 'error'].map((d) => [d, 0]));
  for (const r of reports) if (r) counts[r.error ? 'error' : BY_SEVERITY.includes(r.decision) ? r.decision : 'error']++;
  return counts;
}

export function topRules(reports, n = 8) {
  const counts = new Map();
  for (const r of reports) {
    const rules = r?.rules ?? uniq((Array.isArray(r?.findings) ? r.findings : []).map((f) => f.rule ?? f.kind));
    for (const rule of rules) {
      const entry = counts.get(rule) ?? { rule, count: 0 };
      entry.count++;
      counts.set(rule, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || String(a.rule).localeCompare(String(b.rule))).slice(0, n);
}

export function resultsCsv(rows, bundle) {
  return toCsv([
    ['order_id', 'decision', 'findings', 'rules', 'main_finding', 'parties', 'error', 'bundle_id', 'bundle_sha256'],
    ...rows.map(({ order, report }) => [report?.order_id ?? order?.id, report?.error ? 'error' : report?.decision,
      findingCount(report), (report?.rules ?? uniq((report?.findings ?? []).map((f) => f.rule))).join(' '),
      mainFinding(report)?.message ?? '', partyNames(order).join('; '), report?.error?.message ?? '',
      bundle?.id, bundle?.sha256]),
  ]);
}

export function createBatchView(ctx) {
  let state = null; // { name, orders, reports[], recordIds[], done, startedAt, elapsed, bundle }
  let controller;
  const fileInput = h('input', { type: 'file', id: 'batch-file', accept: '.csv,.jsonl,.ndjson,.json,.txt,text/csv,application/json' });
  const dropZone = h('div', { class: 'drop-zone', id: 'batch-drop' },
    h('p', {}, h('strong', { i18n: 'batch.drop' })),
    h('label', { for: 'batch-file', class: 'button secondary', i18n: 'batch.choose' }),
    fileInput,
    h('p', { class: 'hint', i18n: 'batch.formats' }));
  const messages = h('div', { class: 'batch-messages', role: 'status' });
  const progressBar = h('progress', { id: 'batch-progress', max: 1, value: 0, 'aria-labelledby': 'batch-progress-label' });
  const progressText = h('p', { id: 'batch-progress-text', class: 'progress-text', 'aria-hidden': 'true' });
  const progressLive = h('p', { class: 'visually-hidden', role: 'status', id: 'batch-progress-live' });
  const cancelButton = h('button', { type: 'button', class: 'secondary', id: 'batch-cancel', i18n: 'batch.cancel',
    onclick: () => controller?.abort() });
  const progress = h('div', { class: 'progress', hidden: true },
    h('p', { id: 'batch-progress-label', class: 'progress-label', i18n: 'batch.progressLabel' }),
    progressBar, progressText, progressLive, cancelButton);
  const charts = h('div', { class: 'charts' });
  const decisionFilter = h('select', { id: 'batch-filter-decision' });
  const textFilter = h('input', { type: 'search', id: 'batch-filter-text' });
  const summary = h('p', { class: 'batch-summary', id: 'batch-summary' });
  const table = createTable({
    caption: 'batch.tableCaption',
    sort: { id: 'decision', dir: -1 },
    rowAttrs: (row) => ({ dataset: { decision: row.report?.error ? 'error' : row.report?.decision ?? '' } }),
    columns: [
      { id: 'order', label: 'batch.col.order', header: true, sort: (r) => String(r.report?.order_id ?? r.order?.id ?? ''),
        cell: (r) => h('button', { type: 'button', class: 'link open-report', onclick: () => openRow(r) },
          String(r.report?.order_id ?? r.order?.id ?? `#${r.index + 1}`)) },
      { id: 'decision', label: 'batch.col.decision', sort: (r) => (r.report?.error ? -2 : decisionRank(r.report?.decision)),
        cell: (r) => decisionBadge(r.report?.error ? 'error' : r.report?.decision) },
      { id: 'findings', label: 'batch.col.findings', sort: (r) => findingCount(r.report),
        cell: (r) => formatNumber(findingCount(r.report)) },
      { id: 'main', label: 'batch.col.main', sort: (r) => mainFinding(r.report)?.rule ?? '',
        cell: (r) => {
          if (r.report?.error) return h('span', { class: 'cell-text', title: r.report.error.message }, short(r.report.error.message));
          const main = mainFinding(r.report);
          return main ? [main.rule ? h('code', {}, main.rule) : null, ' ', h('span', { class: 'cell-text', title: main.message }, short(main.message))] : '—';
        } },
      { id: 'parties', label: 'batch.col.parties', sort: (r) => partyNames(r.order)[0] ?? '',
        cell: (r) => h('span', { class: 'cell-text', title: uniq(partyNames(r.order)).join(' · ') }, uniq(partyNames(r.order)).join(' · ')) },
    ],
  });
  const exportButtons = h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', id: 'batch-export-csv', i18n: 'batch.exportCsv', onclick: () => exportAs('csv') }),
    h('button', { type: 'button', class: 'secondary', id: 'batch-export-json', i18n: 'batch.exportJson', onclick: () => exportAs('json') }));
  const results = h('section', { class: 'batch-results', id: 'batch-results', hidden: true, 'aria-labelledby': 'batch-results-title' },
    h('h3', { id: 'batch-results-title', i18n: 'batch.results' }),
    summary,
    charts,
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: decisionFilter.id, i18n: 'batch.filterDecision' }), decisionFilter),
      h('div', { class: 'field' }, h('label', { for: textFilter.id, i18n: 'batch.filterText' }), textFilter)),
    table.el,
    exportButtons);

  const el = h('section', { class: 'view view-batch', 'aria-labelledby': 'batch-title' },
    h('h2', { id: 'batch-title', i18n: 'batch.title' }),
    h('p', { i18n: 'batch.intro' }),
    h('p', { class: 'samples' }, h('span', { i18n: 'batch.samples' }), ' ',
      h('a', { href: 'samples/orders.csv', download: 'exportcheck-sample-orders.csv', id: 'sample-csv', i18n: 'batch.sampleCsv' }), ' · ',
      h('a', { href: 'samples/orders.jsonl', download: 'exportcheck-sample-orders.jsonl', id: 'sample-jsonl', i18n: 'batch.sampleJsonl' })),
    dropZone, messages, progress, results);

  fillDecisionFilter(decisionFilter);
  decisionFilter.addEventListener('change', () => applyFilter());
  textFilter.addEventListener('input', () => applyFilter());

  function rows() {
    if (!state) return [];
    const out = [];
    for (let i = 0; i < state.orders.length; i++) {
      if (state.reports[i]) out.push({ index: i, order: state.orders[i], report: state.reports[i], recordId: state.recordIds[i] });
    }
    return out;
  }

  function applyFilter(keepPage = false) {
    const d = decisionFilter.value;
    const q = textFilter.value.trim().toLowerCase();
    table.setRows(rows().filter((r) => {
      const decision = r.report.error ? 'error' : r.report.decision;
      if (d && decision !== d) return false;
      if (!q) return true;
      return String(r.report.order_id ?? r.order?.id ?? '').toLowerCase().includes(q)
        || partyNames(r.order).some((n) => n.toLowerCase().includes(q));
    }), { keepPage });
  }

  function renderCharts() {
    const reports = state.reports.filter(Boolean);
    const counts = decisionCounts(reports);
    const rules = topRules(reports);
    clear(charts,
      barChart({ title: t('batch.chartDecisions'), bars: [...BY_SEVERITY, 'error'].filter((d) => d !== 'error' || counts.error)
        .map((d) => ({ label: t(`decision.${d}`), value: counts[d], className: `decision-${d}` })) }),
      rules.length ? barChart({ title: t('batch.chartFindings'), width: 520, bars: rules.map((r) => ({
        label: ruleLabel(r.rule), value: r.count, className: 'finding-bar' })) }) : null);
  }

  function ruleLabel(rule) {
    const key = `rule.${rule}`;
    const title = t(key);
    return title === key ? String(rule) : `${rule} ${title}`.slice(0, 34);
  }

  function renderSummary() {
    if (!state) return;
    const counts = decisionCounts(state.reports.filter(Boolean));
    clear(summary, t('batch.summary', {
      count: state.done, file: state.name, time: formatDuration(state.elapsed),
      rate: formatNumber(Math.round(state.rate ?? 0)),
    }), ' ', t('batch.summaryCounts', counts), state.recorded ? ` ${t('batch.recorded')}` : '');
  }

  function showProgress(p) {
    progressBar.max = Math.max(1, p.total);
    progressBar.value = p.done;
    const text = t('batch.progress', { done: p.done, total: p.total, rate: formatNumber(Math.round(p.rate)),
      eta: p.done >= p.total ? '' : formatDuration(p.etaMs) }); // finished: no time left to announce
    progressText.textContent = text;
    progressBar.dataset.done = String(p.done);
    const step = Math.floor((p.done / Math.max(1, p.total)) * 4);
    if (step !== showProgress.lastStep) {
      showProgress.lastStep = step;
      progressLive.textContent = text;
    }
  }

  async function openRow(row) {
    await openReport({ report: fullReport(row.report), recordId: row.recordId, ctx });
  }

  function exportAs(kind) {
    if (!state) return;
    const base = `exportcheck-batch-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
    if (kind === 'csv') download(`${base}.csv`, resultsCsv(rows(), state.bundle), 'text/csv');
    else {
      // The reports as the core wrote them, spliced into one document without parsing them again.
      const head = JSON.stringify({ file: state.name, screened_at: state.startedAt, bundle: state.bundle }).slice(0, -1);
      const reports = state.reports.filter(Boolean).map((r) => r.json ?? JSON.stringify(r));
      download(`${base}.json`, `${head},"reports":[\n${reports.join(',\n')}\n]}\n`, 'application/json');
    }
  }

  function message(kind, ...children) {
    messages.append(h('p', { class: `message ${kind}` }, kind === 'error' ? icon('error') : null, ...children));
  }

  async function runFile(file) {
    controller?.abort();
    clear(messages);
    results.hidden = true;
    let text;
    try {
      text = await file.text();
    } catch (err) {
      message('error', t('batch.readFailed', { file: file.name, message: err.message }));
      return;
    }
    const format = /\.csv$/i.test(file.name) ? 'csv' : /\.(jsonl|ndjson)$/i.test(file.name) ? 'jsonl' : undefined;
    await run({ text, format }, file.name);
  }

  // The core words every line error itself, in the page's language, naming the file, line and column.
  const lineText = (e) => e.message;

  // What the file held: how many orders, and the lines that hold none (not screened).
  function reportRead(name, orders, errors) {
    message('info', t('batch.read', { count: orders, file: name }));
    if (!errors.length) return;
    message('error', t('batch.lineErrors', { count: errors.length }));
    messages.append(h('ul', { class: 'line-errors' }, errors.slice(0, PREVIEW_ERRORS).map((e) =>
      h('li', {}, lineText(e)))));
  }

  // A whole file that cannot be read (an unknown CSV column, too many orders) is refused before screening.
  const refusesFile = (err) => /^(bad_|batch_too_large)/.test(err.code ?? '');

  // input: the orders (an array), or a file's { text, format }, which the Workers read themselves.
  async function run(input, name) {
    const checker = ctx.checker;
    const context = recordContext(checker);
    const batchId = `batch-${new Date().toISOString()}`;
    state = { name, orders: [], reports: [], recordIds: [], done: 0, startedAt: new Date().toISOString(), bundle: context.bundle };
    controller = new AbortController();
    progress.hidden = false;
    cancelButton.hidden = false;
    showProgress.lastStep = -1;
    showProgress({ done: 0, total: Array.isArray(input) ? input.length : 0, rate: 0, etaMs: NaN });
    el.dataset.state = 'running';
    const writes = [];
    const started = performance.now();
    const onChunk = (from, reports, orders = input.slice(from, from + reports.length)) => {
      const records = [];
      for (let i = 0; i < reports.length; i++) {
        if (!reports[i]) continue; // a line that holds no order
        state.orders[from + i] = orders[i];
        state.reports[from + i] = reports[i];
        records.push({ index: from + i, record: makeRecord({ order: orders[i], digest: reports[i], context, kind: 'batch', batch: batchId }) });
      }
      writes.push(addRecords(records.map((r) => r.record)).then((ids) => {
        ids.forEach((id, i) => { state.recordIds[records[i].index] = id; });
      }));
    };
    try {
      const request = { clearances: await loadClearances(), screened_at: state.startedAt, lang: language() };
      const options = { request, digest: true, signal: controller.signal, onChunk, onProgress: (p) => {
        state.done = p.done;
        state.rate = p.rate;
        showProgress(p);
      } };
      if (Array.isArray(input)) await checker.screenBatch(input, options);
      else {
        const { orders, errors } = await checker.screenText(input.text, { ...options, format: input.format, name });
        reportRead(name, orders.length, errors);
      }
      state.elapsed = performance.now() - started;
      state.rate = (state.done * 1000) / Math.max(1, state.elapsed);
      el.dataset.state = 'done';
      el.dataset.elapsedMs = String(Math.round(state.elapsed));
    } catch (err) {
      state.elapsed = performance.now() - started;
      cancelButton.hidden = true;
      if (err.name === 'AbortError') {
        message('info', t('batch.cancelled', { done: state.done, total: progressBar.max }));
        el.dataset.state = 'cancelled';
      } else if (!state.done && refusesFile(err)) {
        progress.hidden = true;
        message('error', t('batch.parseFailed', { file: name, message: err.message }));
        el.dataset.state = 'refused';
        return;
      } else {
        message('error', t('batch.failed', { message: err.message }));
        el.dataset.state = 'failed';
      }
    } finally {
      cancelButton.hidden = true;
    }
    results.hidden = false;
    renderSummary();
    renderCharts();
    applyFilter();
    try {
      await Promise.all(writes);
      state.recorded = true;
      el.dataset.recorded = 'true';
    } catch (err) {
      message('error', t('batch.recordFailed', { message: err.message }));
    }
    renderSummary();
    applyFilter(true);
    ctx.view('audit')?.invalidate?.();
  }

  fileInput.addEventListener('change', () => {
    if (fileInput.files[0]) runFile(fileInput.files[0]);
    fileInput.value = '';
  });
  for (const type of ['dragenter', 'dragover']) {
    dropZone.addEventListener(type, (e) => {
      e.preventDefault();
      dropZone.classList.add('dragging');
    });
  }
  for (const type of ['dragleave', 'drop']) dropZone.addEventListener(type, () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files?.[0];
    if (file) runFile(file);
  });

  window.addEventListener('languagechange-app', () => {
    fillDecisionFilter(decisionFilter);
    if (state) {
      renderSummary();
      renderCharts();
      table.refresh();
    }
  });

  return {
    el,
    show: () => { ctx.checker.warmUp?.().catch(() => {}); },
    run, // (orders, name): used by tests and the rescreen view
    get state() { return state; },
    formatDate,
  };
}
