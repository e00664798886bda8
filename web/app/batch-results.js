// A batch's results as the Batch view shows and exports them: counts per decision, the most frequent
// findings, the table's columns, the charts, the CSV and JSON exports. Reports here are batch digests
// (web/lib/batch.js) or, for error rows, { order_id, error }; a row is { index, order, report, recordId }.
import { h, clear, download } from './dom.js';
import { t, formatNumber } from './i18n/index.js';
import { barChart } from './chart.js';
import { BY_SEVERITY, decisionBadge, decisionRank } from './result-view.js';
import { toCsv } from './csv.js';
import { reportJson } from '../lib/report-bytes.js';

// The first sentence of a message, cut to a table cell's length (the full text is one click away).
const short = (text, max = 110) => {
  const first = String(text ?? '').split(/(?<=\.)\s/)[0];
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
};
export const partyNames = (order) => (order?.parties ?? []).map((p) => p?.name).filter(Boolean);
const uniq = (list) => [...new Set(list)];

const findingCount = (r) => (typeof r?.findings === 'number' ? r.findings : r?.findings?.length ?? 0);
const mainFinding = (r) => r?.main ?? (r?.findings?.[0] ? { rule: r.findings[0].rule, message: r.findings[0].message } : null);
export const rowDecision = (r) => (r?.error ? 'error' : r?.decision);

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

function mainCell(report) {
  if (report?.error) return h('span', { class: 'cell-text', title: report.error.message }, short(report.error.message));
  const main = mainFinding(report);
  return main ? [main.rule ? h('code', {}, main.rule) : null, ' ', h('span', { class: 'cell-text', title: main.message }, short(main.message))] : '—';
}

// The results table's columns (web/app/table.js); openRow(row) opens a row's full report.
export function resultColumns(openRow) {
  const orderId = (r) => String(r.report?.order_id ?? r.order?.id ?? '');
  return [
    { id: 'order', label: 'batch.col.order', header: true, sort: orderId,
      cell: (r) => h('button', { type: 'button', class: 'link open-report', onclick: () => openRow(r) },
        String(r.report?.order_id ?? r.order?.id ?? `#${r.index + 1}`)) },
    { id: 'decision', label: 'batch.col.decision', sort: (r) => (r.report?.error ? -2 : decisionRank(r.report?.decision)),
      cell: (r) => decisionBadge(rowDecision(r.report)) },
    { id: 'findings', label: 'batch.col.findings', sort: (r) => findingCount(r.report),
      cell: (r) => formatNumber(findingCount(r.report)) },
    { id: 'main', label: 'batch.col.main', sort: (r) => mainFinding(r.report)?.rule ?? '', cell: (r) => mainCell(r.report) },
    { id: 'parties', label: 'batch.col.parties', sort: (r) => partyNames(r.order)[0] ?? '',
      cell: (r) => h('span', { class: 'cell-text', title: uniq(partyNames(r.order)).join(' · ') }, uniq(partyNames(r.order)).join(' · ')) },
  ];
}

function ruleLabel(rule) {
  const key = `rule.${rule}`;
  const title = t(key);
  return title === key ? String(rule) : `${rule} ${title}`.slice(0, 34);
}

// The decisions' chart and, when there are findings, the most frequent rules'.
export function renderCharts(el, reports) {
  const counts = decisionCounts(reports);
  const rules = topRules(reports);
  clear(el,
    barChart({ title: t('batch.chartDecisions'), bars: [...BY_SEVERITY, 'error'].filter((d) => d !== 'error' || counts.error)
      .map((d) => ({ label: t(`decision.${d}`), value: counts[d], className: `decision-${d}` })) }),
    rules.length ? barChart({ title: t('batch.chartFindings'), width: 520, bars: rules.map((r) => ({
      label: ruleLabel(r.rule), value: r.count, className: 'finding-bar' })) }) : null);
}

// Downloads the results: 'csv' (one row per order) or 'json' (the reports as the core wrote them).
export async function exportResults(kind, { name, startedAt, bundle, reports }, rows) {
  const base = `exportcheck-batch-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
  if (kind === 'csv') {
    download(`${base}.csv`, resultsCsv(rows, bundle), 'text/csv');
    return;
  }
  // Spliced into one document without parsing the reports again.
  const head = JSON.stringify({ file: name, screened_at: startedAt, bundle }).slice(0, -1);
  const texts = await Promise.all(reports.filter(Boolean).map(reportJson));
  download(`${base}.json`, `${head},"reports":[\n${texts.join(',\n')}\n]}\n`, 'application/json');
}
