// One report, for a non-lawyer: the decision in one sentence (colour, icon and words), then the findings
// grouped (parties, items and licence, destination, red flags), each with its evidence: the name entered
// beside the name listed with the matching words highlighted, the list, entry date, Federal Register
// notice, source link; the rule's text and citation. Hits can be adjudicated (false positive with a
// reason, or confirmed) when the report belongs to an audit record.
import { h, clear, icon, uid } from './dom.js';
import { t, has, formatDate, formatNumber, countryName } from './i18n/index.js';
import { latestAdjudications } from './audit-log.js';

export const DECISIONS = ['blocked', 'license_required', 'review', 'clear'];
export const decisionRank = (d) => { const i = DECISIONS.indexOf(d); return i < 0 ? -1 : DECISIONS.length - i; };

const GROUPS = [
  { id: 'parties', kinds: ['party_match'] },
  { id: 'items', kinds: ['license', 'classification'] },
  { id: 'destination', kinds: ['embargo', 'destination'] },
  { id: 'red_flags', kinds: ['red_flag'] },
];
const groupOf = (finding) => GROUPS.find((g) => g.kinds.includes(finding.kind))?.id ?? 'other';

export const findingKey = (finding, index) => {
  if (finding.id) return String(finding.id);
  const e = finding.evidence ?? {};
  const parts = [finding.rule, e.party_role ?? e.role ?? finding.party_role, e.list, e.source_id].filter((v) => v !== undefined);
  return parts.length > 1 ? parts.join('|') : `${finding.rule ?? finding.kind}#${index}`;
};

// A decision badge: icon + words, coloured by CSS (never colour alone).
export function decisionBadge(decision) {
  const d = DECISIONS.includes(decision) ? decision : 'error';
  return h('span', { class: `badge decision-${d}`, dataset: { decision: d } }, icon(d), h('span', {}, t(`decision.${d}`)));
}

// --- names with the matching words highlighted -------------------------------------------------------
const fold = (word) => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function highlighted(name, tokens) {
  const parts = String(name ?? '').split(/([\p{L}\p{N}][\p{L}\p{N}'’.-]*)/u);
  return parts.map((part, i) => (i % 2 === 1 && tokens.has(fold(part)) ? h('mark', {}, part) : part));
}

function tokenSets(entered, listed, explanation) {
  const q = new Set();
  const l = new Set();
  for (const pair of explanation?.pairs ?? []) {
    for (const w of String(pair.query ?? '').split(/\s+/)) if (w) q.add(fold(w));
    for (const w of String(pair.listed ?? '').split(/\s+/)) if (w) l.add(fold(w));
  }
  if (q.size || l.size) {
    // canonical spellings may differ from the words as written: also mark words both names share
    const enteredWords = new Set(String(entered ?? '').split(/\s+/).map(fold));
    for (const w of String(listed ?? '').split(/\s+/).map(fold)) if (enteredWords.has(w) && w) { q.add(w); l.add(w); }
    return { q, l };
  }
  const a = new Set(String(entered ?? '').split(/[\s,]+/).map(fold).filter(Boolean));
  const shared = new Set(String(listed ?? '').split(/[\s,]+/).map(fold).filter((w) => w && a.has(w)));
  return { q: shared, l: shared };
}

function nameComparison(finding) {
  const e = finding.evidence ?? {};
  const entered = e.entered_name ?? e.query?.name ?? e.party_name ?? finding.party?.name;
  const listed = e.matched_name ?? e.name ?? e.listed_name;
  if (!entered && !listed) return null;
  const { q, l } = tokenSets(entered, listed, e.explanation);
  const primary = e.name && e.matched_name && e.name !== e.matched_name ? e.name : null;
  return h('div', { class: 'names' },
    h('div', { class: 'name entered' },
      h('span', { class: 'name-label', i18n: 'result.enteredName' }),
      h('span', { class: 'name-value' }, highlighted(entered, q))),
    h('div', { class: 'name listed' },
      h('span', { class: 'name-label', i18n: 'result.listedName' }),
      h('span', { class: 'name-value' }, highlighted(listed, l)),
      primary ? h('span', { class: 'name-primary' }, t('result.aliasOf', { name: primary })) : null));
}

// --- evidence ---------------------------------------------------------------------------------------
const SHOWN_ELSEWHERE = new Set(['entered_name', 'name', 'matched_name', 'listed_name', 'explanation', 'query',
  'party_name', 'rule_text', 'text', 'citation']);
const ORDER = ['party_role', 'role', 'list', 'source_id', 'score', 'start_date', 'entry_date', 'listed_on',
  'federal_register', 'fr_citation', 'programs', 'addresses', 'countries', 'license_requirement', 'license_policy',
  'country', 'country_group', 'country_groups', 'eccn', 'basis', 'tpp', 'pd', 'source_url', 'url', 'source_list_url'];

const isUrl = (v) => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);

function evidenceValue(key, value) {
  if (value === null || value === undefined || value === '') return null;
  if (key === 'score' && typeof value === 'number') return formatNumber(value, { style: 'percent', maximumFractionDigits: 0 });
  if ((key === 'list') && has(`list.${value}`)) return `${t(`list.${value}`)} (${value})`;
  if ((key === 'party_role' || key === 'role') && has(`role.${value}`)) return t(`role.${value}`);
  if (/(^|_)date$|_on$/.test(key) && typeof value === 'string') return formatDate(value);
  if ((key === 'country' || key.endsWith('_country')) && typeof value === 'string' && value.length === 2) {
    return `${countryName(value)} (${value})`;
  }
  if (isUrl(value)) return h('a', { href: value, rel: 'noopener noreferrer', target: '_blank' }, value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object')) return value.join(', ');
    return h('ul', {}, value.map((v) => h('li', {}, typeof v === 'object' ? flat(v) : String(v))));
  }
  if (typeof value === 'object') return flat(value);
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  return String(value);
}

const flat = (obj) => Object.entries(obj).filter(([, v]) => v !== null && v !== undefined && v !== '')
  .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : v}`).join('; ');

const evidenceLabel = (key) => (has(`evidence.${key}`) ? t(`evidence.${key}`) : key.replace(/_/g, ' '));

function evidenceList(evidence) {
  const keys = Object.keys(evidence ?? {}).filter((k) => !SHOWN_ELSEWHERE.has(k));
  keys.sort((a, b) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  const rows = keys.map((k) => [k, evidenceValue(k, evidence[k])]).filter(([, v]) => v !== null);
  if (!rows.length) return null;
  return h('dl', { class: 'evidence' }, rows.map(([k, v]) => [h('dt', {}, evidenceLabel(k)), h('dd', {}, v)]));
}

function explanationBlock(explanation) {
  if (!explanation || typeof explanation !== 'object') return null;
  const pairs = explanation.pairs ?? [];
  const notes = explanation.notes ?? [];
  if (!pairs.length && !notes.length) return null;
  return h('details', { class: 'explanation' },
    h('summary', { i18n: 'result.whyMatch' }),
    pairs.length ? h('table', { class: 'pairs' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', i18n: 'result.pairEntered' }), h('th', { scope: 'col', i18n: 'result.pairListed' }),
        h('th', { scope: 'col', i18n: 'result.pairWhy' }))),
      h('tbody', {}, pairs.map((p) => h('tr', {}, h('td', {}, p.query), h('td', {}, p.listed),
        h('td', {}, p.why ?? (p.similarity !== undefined ? formatNumber(p.similarity, { style: 'percent' }) : '')))))) : null,
    (explanation.unmatched_query ?? []).length
      ? h('p', {}, t('result.unmatchedEntered', { words: explanation.unmatched_query.join(', ') })) : null,
    (explanation.unmatched_listed ?? []).length
      ? h('p', {}, t('result.unmatchedListed', { words: explanation.unmatched_listed.join(', ') })) : null,
    notes.length ? h('ul', {}, notes.map((n) => h('li', {}, n))) : null);
}

function ruleBlock(finding) {
  const e = finding.evidence ?? {};
  const text = finding.rule_text ?? e.rule_text ?? e.text;
  const citation = finding.citation ?? e.citation;
  if (!text && !citation) return null;
  return h('div', { class: 'rule' },
    text ? h('blockquote', {}, text) : null,
    citation ? h('p', { class: 'citation' }, h('span', { i18n: 'result.citation' }), ' ', evidenceValue('citation', citation)) : null);
}

// --- adjudication -----------------------------------------------------------------------------------
function adjudicationBlock(finding, key, ctx) {
  const { record, onAdjudicate, reviewer } = ctx;
  if (!record || !onAdjudicate) return null;
  const latest = latestAdjudications(record).get(key);
  const box = h('div', { class: 'adjudication' });
  const render = () => {
    const current = latestAdjudications(record).get(key) ?? latest;
    clear(box,
      current ? h('p', { class: `adjudicated ${current.status}`, dataset: { status: current.status } },
        h('strong', {}, t(`adjudication.${current.status}`)), ' ',
        t('adjudication.by', { reviewer: current.reviewer || t('adjudication.someone'), time: formatDate(current.time, { time: true }) }),
        current.reason ? h('span', {}, ' — ', current.reason) : null) : null,
      h('div', { class: 'adjudication-actions' },
        h('button', { type: 'button', class: 'secondary small', dataset: { action: 'false_positive' }, onclick: () => openForm('false_positive') },
          t('adjudication.markFalse')),
        h('button', { type: 'button', class: 'secondary small', dataset: { action: 'confirmed' }, onclick: () => openForm('confirmed') },
          t('adjudication.markConfirmed'))));
  };
  const openForm = (status) => {
    const reasonId = uid('reason');
    const errorId = `${reasonId}-error`;
    const reason = h('textarea', { id: reasonId, rows: 2, 'aria-describedby': errorId, 'aria-required': status === 'false_positive' ? 'true' : null });
    const who = h('input', { type: 'text', id: uid('reviewer'), value: reviewer ?? '', autocomplete: 'name' });
    const error = h('p', { class: 'error-text', id: errorId, hidden: true });
    const form = h('form', { class: 'adjudication-form', novalidate: true },
      h('p', { class: 'hint' }, t(`adjudication.${status}Help`)),
      h('div', { class: 'field' }, h('label', { for: reasonId }, t(status === 'false_positive' ? 'adjudication.reasonRequired' : 'adjudication.reason')), reason, error),
      h('div', { class: 'field' }, h('label', { for: who.id }, t('adjudication.reviewer')), who),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary small' }, t('adjudication.save')),
        h('button', { type: 'button', class: 'link', onclick: render }, t('common.cancel'))));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (status === 'false_positive' && !reason.value.trim()) {
        reason.setAttribute('aria-invalid', 'true');
        error.hidden = false;
        error.textContent = t('adjudication.reasonMissing');
        reason.focus();
        return;
      }
      const updated = await onAdjudicate({ finding: key, status, reason: reason.value, reviewer: who.value });
      if (updated) record.adjudications = updated.adjudications;
      render();
      box.querySelector('.adjudicated')?.setAttribute('tabindex', '-1');
      box.querySelector('.adjudicated')?.focus();
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
    });
    clear(box, form);
    reason.focus();
  };
  render();
  return box;
}

// --- the report -----------------------------------------------------------------------------------
function findingCard(finding, index, ctx) {
  const key = findingKey(finding, index);
  const title = finding.title ?? (finding.rule && has(`rule.${finding.rule}`) ? t(`rule.${finding.rule}`) : null);
  const severity = finding.severity ?? '';
  return h('li', { class: `finding severity-${severity || 'info'}`, dataset: { rule: finding.rule ?? '', kind: finding.kind ?? '', key } },
    h('div', { class: 'finding-head' },
      severity ? h('span', { class: 'severity' }, has(`severity.${severity}`) ? t(`severity.${severity}`) : severity) : null,
      finding.rule ? h('code', { class: 'rule-id' }, finding.rule) : null,
      title ? h('span', { class: 'finding-title' }, title) : null),
    h('p', { class: 'message' }, finding.message ?? ''),
    finding.kind === 'party_match' ? nameComparison(finding) : null,
    evidenceList(finding.evidence),
    explanationBlock(finding.evidence?.explanation),
    ruleBlock(finding),
    finding.kind === 'party_match' ? adjudicationBlock(finding, key, ctx) : null);
}

function itemsTable(items) {
  if (!items?.length) return null;
  const cell = (v) => h('td', {}, v === undefined || v === null || v === '' ? '—' : String(v));
  return h('section', { class: 'classification' },
    h('h4', { i18n: 'result.items' }),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['item', 'eccn', 'basis', 'tpp', 'pd'].map((k) => h('th', { scope: 'col' }, t(`result.col.${k}`))))),
      h('tbody', {}, items.map((item) => h('tr', {},
        h('th', { scope: 'row' }, item.description ?? item.model ?? ''),
        cell(item.eccn), cell(item.basis ?? item.eccn_basis), cell(item.tpp), cell(item.pd ?? item.performance_density)))))));
}

// record: the audit record (enables adjudication); onAdjudicate(adjudication) -> updated record.
export function renderReport(report, { record, onAdjudicate, reviewer } = {}) {
  if (!report) return h('p', {}, t('result.none'));
  if (report.error) {
    return h('section', { class: 'report', dataset: { decision: 'error' } },
      h('div', { class: 'decision-banner decision-error', role: 'status' },
        icon('error'), h('div', {},
          h('p', { class: 'decision-sentence' }, t('result.refused', { id: report.order_id ?? '' })),
          h('p', {}, report.error.message))));
  }
  const findings = report.findings ?? [];
  const decision = DECISIONS.includes(report.decision) ? report.decision : 'error';
  const groups = new Map();
  findings.forEach((f, i) => {
    const g = groupOf(f);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push([f, i]);
  });
  const ctx = { record, onAdjudicate, reviewer };
  const adjudicated = latestAdjudications(record);
  const hits = findings.filter((f) => f.kind === 'party_match').length;
  const falsePositives = [...adjudicated.values()].filter((a) => a.status === 'false_positive').length;
  const top = findings[0]?.message;
  return h('section', { class: 'report', dataset: { decision, orderId: report.order_id ?? '' } },
    h('div', { class: `decision-banner decision-${decision}` },
      icon(decision),
      h('div', {},
        h('p', { class: 'decision-label' }, t(`decision.${decision}`)),
        h('p', { class: 'decision-sentence', id: 'decision-sentence' },
          t(`decision.${decision}.sentence`, { count: findings.length, id: report.order_id ?? '' })),
        report.summary ? h('p', { class: 'decision-summary' }, report.summary)
          : (top && decision !== 'clear' ? h('p', { class: 'decision-summary' }, t('result.mainReason', { reason: top })) : null),
        hits && record ? h('p', { class: 'adjudication-summary' },
          t('result.adjudicationSummary', { hits, fp: falsePositives, done: adjudicated.size })) : null)),
    findings.length ? null : h('p', { class: 'no-findings' }, t('result.noFindings')),
    [...GROUPS.map((g) => g.id), 'other'].filter((g) => groups.has(g)).map((g) => h('section', { class: 'finding-group', dataset: { group: g } },
      h('h4', {}, t(`group.${g}`), ' ', h('span', { class: 'count' }, `(${groups.get(g).length})`)),
      h('ol', { class: 'findings' }, groups.get(g).map(([f, i]) => findingCard(f, i, ctx))))),
    itemsTable(report.items ?? report.classification),
    h('details', { class: 'report-meta' },
      h('summary', { i18n: 'result.technical' }),
      h('dl', {},
        h('dt', { i18n: 'result.bundle' }), h('dd', {}, `${report.bundle?.id ?? ''} (${formatDate(report.bundle?.built_at)})`),
        h('dt', { i18n: 'result.bundleSha' }), h('dd', {}, h('code', {}, report.bundle?.sha256 ?? '')),
        h('dt', { i18n: 'result.engine' }), h('dd', {}, String(report.engine ?? report.engine_version ?? ''))),
      h('pre', { class: 'json' }, JSON.stringify(report, null, 2))));
}
