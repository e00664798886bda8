// "Audit log": every screening recorded in this browser, newest first, with its bundle, adjudications and
// how long to keep it; export (JSON, CSV) and import (either, merged without duplicates).
import { h, download } from './dom.js';
import { t, formatDate, formatNumber } from './i18n/index.js';
import { createTable } from './table.js';
import { decisionBadge, decisionRank } from './result-view.js';
import { tableFilters } from './table-filters.js';
import { allRecords, allFullRecords, exportCsv, exportJson, importRecords, parseExport, latestAdjudications } from './audit-log.js';
import { openReport } from './report-dialog.js';

// "2 false positives, 1 confirmed" from the latest adjudication of each hit, or a dash.
function adjudicationText(record) {
  const latest = [...latestAdjudications(record).values()];
  if (!latest.length) return '—';
  const fp = latest.filter((a) => a.status === 'false_positive').length;
  return t('audit.adjudicationCounts', { fp, confirmed: latest.length - fp });
}

// The table's columns (web/app/table.js) over record summaries (audit-log.js allRecords).
function auditColumns(ctx) {
  return [
    { id: 'time', label: 'audit.col.time', sort: (r) => r.time, cell: (r) => h('time', { datetime: r.time }, formatDate(r.time, { time: true })) },
    { id: 'order', label: 'audit.col.order', header: true, sort: (r) => r.order_id,
      cell: (r) => h('button', { type: 'button', class: 'link open-report', onclick: () => openReport({ report: r.report, recordId: r.id, ctx }) }, r.order_id || '—') },
    { id: 'decision', label: 'audit.col.decision', sort: (r) => (r.decision === 'error' ? -2 : decisionRank(r.decision)), cell: (r) => decisionBadge(r.decision) },
    { id: 'kind', label: 'audit.col.kind', sort: (r) => r.kind, cell: (r) => t(`audit.kind.${r.kind}`) },
    { id: 'adjudications', label: 'audit.col.adjudications', sort: (r) => (r.adjudications ?? []).length, cell: adjudicationText },
    { id: 'bundle', label: 'audit.col.bundle', sort: (r) => r.bundle?.built_at ?? '',
      cell: (r) => h('span', { title: r.bundle?.sha256 ?? '' }, `${r.bundle?.id ?? ''} · `, h('code', {}, (r.bundle?.sha256 ?? '').slice(0, 12))) },
    { id: 'keep', label: 'audit.col.keep', sort: (r) => r.retention?.keep_until ?? '',
      cell: (r) => h('span', { class: 'retention' }, formatDate(r.retention?.keep_until),
        r.retention?.ofac_until ? h('span', { class: 'hint' }, ` (${t('audit.earOnly', { date: formatDate(r.retention.ear_until) })})`) : null) },
  ];
}

// Records of decision `decision` (all when empty) whose order id or a party's name contains `query`.
const matching = (records, decision, query) => {
  const q = query.trim().toLowerCase();
  return records.filter((r) => (!decision || r.decision === decision)
    && (!q || String(r.order_id).toLowerCase().includes(q)
      || (r.summary?.parties ?? []).some((name) => String(name).toLowerCase().includes(q))));
};

// Export and import: the buttons, and the line that says what they did.
function auditFiles(onImported) {
  const status = h('p', { class: 'audit-status', role: 'status', id: 'audit-status' });
  const importInput = h('input', { type: 'file', id: 'audit-import', accept: '.json,.csv,application/json,text/csv' });
  const exportAs = async (kind) => {
    const all = await allFullRecords();
    const stamp = new Date().toISOString().slice(0, 10);
    if (kind === 'json') download(`exportcheck-audit-${stamp}.json`, exportJson(all), 'application/json');
    else download(`exportcheck-audit-${stamp}.csv`, exportCsv(all), 'text/csv');
    status.textContent = t('audit.exported', { count: all.length });
  };
  importInput.addEventListener('change', async () => {
    const file = importInput.files[0];
    importInput.value = '';
    if (!file) return;
    try {
      const { added, skipped } = await importRecords(parseExport(await file.text()));
      status.textContent = t('audit.imported', { added, skipped, file: file.name });
      await onImported();
    } catch (err) {
      status.textContent = t('audit.importFailed', { file: file.name, message: err.message });
    }
  });
  const actions = h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', id: 'audit-export-json', i18n: 'audit.exportJson', onclick: () => exportAs('json') }),
    h('button', { type: 'button', class: 'secondary', id: 'audit-export-csv', i18n: 'audit.exportCsv', onclick: () => exportAs('csv') }),
    h('label', { for: importInput.id, class: 'button secondary', i18n: 'audit.import' }), importInput);
  return { actions, status };
}

export function createAuditView(ctx) {
  let records = [];
  let stale = true;
  const filters = tableFilters({ id: 'audit', textLabel: 'audit.filterText', onChange: () => applyFilter() });
  const count = h('p', { class: 'audit-count', id: 'audit-count' });
  const table = createTable({ caption: 'audit.tableCaption', sort: { id: 'time', dir: -1 },
    rowAttrs: (r) => ({ dataset: { id: String(r.id), decision: r.decision } }), columns: auditColumns(ctx) });
  const files = auditFiles(() => load());
  const el = h('section', { class: 'view view-audit', 'aria-labelledby': 'audit-title' },
    h('h2', { id: 'audit-title', i18n: 'audit.title' }),
    h('p', { i18n: 'audit.intro' }),
    h('p', { class: 'hint', i18n: 'audit.retentionRule' }),
    files.actions,
    files.status,
    filters.el,
    count,
    table.el);

  function applyFilter() {
    const shown = matching(records, filters.decision, filters.query);
    table.setRows(shown);
    count.textContent = t('audit.count', { shown: shown.length, total: records.length });
  }

  async function load() {
    try {
      records = await allRecords();
      stale = false;
      applyFilter();
      el.dataset.records = String(records.length);
    } catch (err) {
      files.status.textContent = t('audit.unavailable', { message: err.message });
    }
  }

  window.addEventListener('languagechange-app', () => {
    table.refresh();
    count.textContent = t('audit.count', { shown: table.count, total: records.length });
  });

  return {
    el,
    show: () => { if (stale) load(); },
    invalidate: () => { stale = true; if (!el.hidden) load(); },
    reload: load,
    formatNumber,
  };
}
