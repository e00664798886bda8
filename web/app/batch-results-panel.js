// The Batch view's results: the summary line, the charts, the filters, the paged table whose rows open the
// full report, and the export buttons. state() is the view's batch state (batch-view.js), or null.
import { h, clear } from './dom.js';
import { t, formatNumber } from './i18n/index.js';
import { createTable } from './table.js';
import { tableFilters } from './table-filters.js';
import { openReport } from './report-dialog.js';
import { reportOfDigest } from '../lib/report-bytes.js';
import { formatDuration } from './batch-progress.js';
import { decisionCounts, exportResults, partyNames, renderCharts, resultColumns, rowDecision } from './batch-results.js';

// The batch's rows in input order: { index, order, report, recordId } for each order screened.
function rowsOf(state) {
  if (!state) return [];
  const out = [];
  for (let i = 0; i < state.orders.length; i++) {
    if (state.reports[i]) out.push({ index: i, order: state.orders[i], report: state.reports[i], recordId: state.recordIds[i] });
  }
  return out;
}

// Rows of decision `decision` (all when empty) whose order id or a party's name contains `query`.
function matching(rows, decision, query) {
  const q = query.trim().toLowerCase();
  return rows.filter((r) => {
    if (decision && rowDecision(r.report) !== decision) return false;
    if (!q) return true;
    return String(r.report.order_id ?? r.order?.id ?? '').toLowerCase().includes(q)
      || partyNames(r.order).some((n) => n.toLowerCase().includes(q));
  });
}

function summaryText(state) {
  const counts = decisionCounts(state.reports.filter(Boolean));
  return [t('batch.summary', {
    count: state.done, file: state.name, time: formatDuration(state.elapsed),
    rate: formatNumber(Math.round(state.rate ?? 0)),
  }), ' ', t('batch.summaryCounts', counts), state.recorded ? ` ${t('batch.recorded')}` : ''];
}

export function createBatchResults(ctx, state) {
  const filters = tableFilters({ id: 'batch', textLabel: 'batch.filterText', onChange: () => applyFilter() });
  const summary = h('p', { class: 'batch-summary', id: 'batch-summary' });
  const charts = h('div', { class: 'charts' });
  const openRow = async (row) => openReport({ report: await reportOfDigest(row.report), recordId: row.recordId, ctx });
  const table = createTable({ caption: 'batch.tableCaption', sort: { id: 'decision', dir: -1 },
    rowAttrs: (row) => ({ dataset: { decision: rowDecision(row.report) ?? '' } }), columns: resultColumns(openRow) });
  const exportButton = (kind, i18n) => h('button', { type: 'button', class: 'secondary', id: `batch-export-${kind}`, i18n,
    onclick: () => state() && exportResults(kind, state(), rowsOf(state())) });
  const el = h('section', { class: 'batch-results', id: 'batch-results', hidden: true, 'aria-labelledby': 'batch-results-title' },
    h('h3', { id: 'batch-results-title', i18n: 'batch.results' }),
    summary,
    charts,
    filters.el,
    table.el,
    h('div', { class: 'actions' }, exportButton('csv', 'batch.exportCsv'), exportButton('json', 'batch.exportJson')));

  const applyFilter = (keepPage = false) =>
    table.setRows(matching(rowsOf(state()), filters.decision, filters.query), { keepPage });
  const renderSummary = () => { if (state()) clear(summary, summaryText(state())); };
  const renderAll = () => {
    renderSummary();
    renderCharts(charts, state().reports.filter(Boolean));
  };

  window.addEventListener('languagechange-app', () => {
    if (state()) {
      renderAll();
      table.refresh();
    }
  });

  return {
    el,
    hide: () => { el.hidden = true; },
    // The batch has stopped: every part shown, from the first page.
    show() {
      el.hidden = false;
      renderAll();
      applyFilter();
    },
    // Records written since: the summary and the rows' links, on the page the user is on.
    update() {
      renderSummary();
      applyFilter(true);
    },
  };
}
