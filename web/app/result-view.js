// One report, for a non-lawyer: the decision in one sentence (colour, icon and words), then the findings
// grouped (parties, items and licence, destination, red flags), each with its evidence: the name entered
// beside the name listed with the matching words highlighted, the list, entry date, Federal Register
// notice, source link; the rule's text and citation. Hits can be adjudicated (false positive with a
// reason, or confirmed) when the report belongs to an audit record.
import { h, clear, icon, uid } from './dom.js';
import { t, has, formatDate, formatNumber, countryName, language } from './i18n/index.js';
import { latestAdjudications } from './audit-log.js';

import { BY_SEVERITY, decisionRank, isDecision } from '../lib/decisions.js';

export { BY_SEVERITY, decisionRank };

// A decision filter's options (all, each decision most severe first, error) in the page's language; keeps
// the choice.
export function fillDecisionFilter(select) {
  const value = select.value;
  clear(select, h('option', { value: '' }, t('batch.filterAll')),
    [...BY_SEVERITY, 'error'].map((d) => h('option', { value: d }, t(`decision.${d}`))));
  select.value = value;
}

const GROUPS = [
  { id: 'parties', kinds: ['party_match'] },
  { id: 'items', kinds: ['license', 'classification'] },
  { id: 'destination', kinds: ['embargo', 'destination'] },
  { id: 'red_flags', kinds: ['red_flag'] },
  { id: 'data', kinds: ['data_quality'] },
];
const groupOf = (finding) => GROUPS.find((g) => g.kinds.includes(finding.kind))?.id ?? 'other';

export const findingKey = (finding, index) => {
  if (finding.id) return String(finding.id);
  const e = finding.evidence ?? {};
  if (finding.kind === 'party_match' && e.party_fingerprint) {
    return [finding.rule, e.party_fingerprint, e.list, e.source_id].join('|');
  }
  return `${finding.rule ?? finding.kind}#${index}`;
};

// What the core needs to clear a list hit later (docs/orders.md, clearances).
export const clearanceOf = (finding) => {
  const e = finding.evidence ?? {};
  return e.party_fingerprint && e.entry_fingerprint
    ? { party_fingerprint: e.party_fingerprint, list: e.list, source_id: e.source_id, entry_fingerprint: e.entry_fingerprint }
    : undefined;
};

// A decision badge: icon + words, coloured by CSS (never colour alone).
export function decisionBadge(decision) {
  const d = isDecision(decision) ? decision : 'error';
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
  const entered = e.name ?? e.entered_name;
  const listed = e.matched_name ?? e.listed_name;
  if (!entered && !listed) return null;
  const { q, l } = tokenSets(entered, listed, e.explanation);
  const primary = e.listed_name && e.matched_name && e.listed_name !== e.matched_name ? e.listed_name : null;
  return h('div', { class: 'names' },
    h('div', { class: 'name entered' },
      h('span', { class: 'name-label' }, t('result.enteredName'), e.role ? ` · ${roleName(e.role)}` : ''),
      h('span', { class: 'name-value' }, highlighted(entered, q))),
    h('div', { class: 'name listed' },
      h('span', { class: 'name-label' }, t('result.listedName'), e.own_list ? ` · ${t('list.OWN')}` : e.list ? ` · ${e.list}` : ''),
      h('span', { class: 'name-value' }, highlighted(listed, l)),
      primary ? h('span', { class: 'name-primary' }, t('result.aliasOf', { name: primary })) : null),
    // Two separate things: how alike the names are, and whether the country backs it up.
    typeof e.score === 'number' ? h('p', { class: 'match-scores' },
      h('span', { class: 'name-score' }, t('result.nameSimilarity', { score: formatNumber(e.score, { style: 'percent' }) })),
      e.corroboration ? h('span', { class: 'country-check', lang: ctxLang(finding) }, t('result.corroboration', { text: e.corroboration })) : null)
      : null);
}

// The language the core wrote a finding's words in (the report's), for the lang attribute.
let reportLang = 'en';
const ctxLang = () => reportLang;

const roleName = (role) => (has(`role.${role}`) ? t(`role.${role}`) : String(role).replace(/_/g, ' '));

// "1.4.0": the engine that wrote the report ({name, version} in the report; a string in older records).
const engineVersion = (report) => {
  const e = report.engine ?? report.engine_version;
  return e && typeof e === 'object' ? [e.name, e.version].filter(Boolean).join(' ') : String(e ?? '');
};

// --- evidence ---------------------------------------------------------------------------------------
// Shown by the name comparison, the rule block, or technical only (the JSON view has everything).
const SHOWN_ELSEWHERE = new Set(['name', 'entered_name', 'listed_name', 'matched_name', 'explanation', 'citation',
  'party_fingerprint', 'entry_fingerprint', 'thresholds', 'title', 'flag', 'list', 'source', 'party', 'sources',
  'confidence', 'list_confidence', 'own_list', 'effect']); // effect: the finding's sentence says it, in the page's language
const ORDER = ['role', 'consequence', 'remarks', 'list_name', 'score', 'strength', 'entry_date', 'fr_notice', 'programs', 'effect',
  'license_requirement', 'license_policy', 'listed_addresses', 'matched_address', 'party_address', 'address_entry',
  'corroboration', 'source_id', 'source_url', 'destination', 'counts_as', 'roles', 'groups', 'items', 'headquarters',
  'basis', 'exception', 'review_policy', 'case_by_case', 'note', 'red_flag', 'country', 'where', 'inputs', 'item',
  'maker_eccn', 'tool_eccn'];

// Evidence quoted from the official lists and regulations as published (in English whatever the page's
// language): marked as such, for screen readers and for the eye.
const LIST_TEXT = new Set(['license_requirement', 'license_policy', 'rs_text', 'remarks', 'programs', 'listed_addresses']);

const isUrl = (v) => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);

function evidenceValue(key, value) {
  if (value === null || value === undefined || value === '') return null;
  if (key === 'score' && typeof value === 'number') return formatNumber(value, { style: 'percent', maximumFractionDigits: 0 });
  if (key === 'strength' && has(`strength.${value}`)) return t(`strength.${value}`);
  if (key === 'consequence' && has(`consequence.${value}`)) return t(`consequence.${value}`);
  if ((key === 'list') && has(`list.${value}`)) return `${t(`list.${value}`)} (${value})`;
  if (key === 'party_role' || key === 'role') return roleName(value);
  if (key === 'roles' && Array.isArray(value)) return value.map(roleName).join(', ');
  if (key === 'items' && Array.isArray(value)) return value.map((i) => i?.label ?? i?.item ?? JSON.stringify(i)).join('; ');
  if ((key === 'destination' || key === 'counts_as') && typeof value === 'string' && value.length === 2) return `${countryName(value)} (${value})`;
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
  return typeof value === 'string' ? pathWords(value) : String(value);
}

// A field path as a reseller reads it: "parties[2].business" -> "party 3 (business)".
function pathWords(v) {
  const m = /^(parties|items)\[(\d+)\](?:\.(.+))?$/.exec(v);
  if (!m) return v;
  return t(m[1] === 'parties' ? 'evidence.partyPath' : 'evidence.itemPath', { n: Number(m[2]) + 1, field: m[3] ? ` (${m[3]})` : '' });
}

// Nested evidence in one line: a party or item by its name (role, country), other objects as key: value.
function brief(v) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(brief).join(', ');
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  if (typeof v === 'string') return has(`role.${v}`) ? roleName(v) : pathWords(v);  // a role code: its name
  if (typeof v !== 'object') return String(v);
  const name = v.name ?? v.label ?? v.description;
  if (name) {
    const extra = [v.role ? roleName(v.role) : null, v.country].filter(Boolean).join(', ');
    return extra ? `${name} (${extra})` : String(name);
  }
  return flat(v);
}
const evidenceLabel = (key) => (has(`evidence.${key}`) ? t(`evidence.${key}`) : key.replace(/_/g, ' '));
const flat = (obj) => Object.entries(obj).filter(([, v]) => v !== null && v !== undefined && v !== '')
  .map(([k, v]) => `${evidenceLabel(k)}: ${brief(v)}`).join('; ');

// The message id and parameters the core puts beside a text it rendered ("role" -> "role_id", "role_params"):
// for machines and the JSON view, not for the person reading.
const isMessageKey = (evidence, k) => k !== 'source_id' && /_(id|params)$/.test(k) && k.replace(/_(id|params)$/, '') in evidence;

function evidenceList(evidence) {
  const keys = Object.keys(evidence ?? {}).filter((k) => !SHOWN_ELSEWHERE.has(k) && !isMessageKey(evidence, k));
  keys.sort((a, b) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  const rows = keys.map((k) => [k, evidenceValue(k, evidence[k])]).filter(([, v]) => v !== null);
  if (!rows.length) return null;
  return h('dl', { class: 'evidence' }, rows.map(([k, v]) => [h('dt', {}, evidenceLabel(k)), h('dd', LIST_TEXT.has(k) ? { lang: 'en', class: 'list-text' } : {}, v)]));
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
  const text = finding.rule_text ?? e.rule_text ?? (finding.kind === 'red_flag' ? e.title : undefined);
  const citation = finding.citation ?? e.citation;
  const confidence = e.confidence ?? e.list_confidence;
  const sources = Array.isArray(e.sources) ? e.sources : [];
  if (!text && !citation && !confidence && !sources.length) return null;
  return h('div', { class: 'rule' },
    text ? h('blockquote', {}, text) : null,
    citation ? h('p', { class: 'citation' }, h('span', { i18n: 'result.citation' }), ' ', evidenceValue('citation', citation)) : null,
    confidence ? h('p', { class: 'citation' },
      t('result.confidence', { mark: confidence, meaning: has(`confidence.${confidence}`) ? t(`confidence.${confidence}`) : '' })) : null,
    // The brief's source keys mean something to the publisher, not to a reseller: kept, but folded away.
    sources.length ? h('details', { class: 'sources' }, h('summary', { i18n: 'result.sourcesTitle' }),
      h('p', { class: 'citation' }, t('result.sources', { keys: sources.join(', ') }))) : null);
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
      const updated = await onAdjudicate({ finding: key, status, reason: reason.value, reviewer: who.value, clearance: clearanceOf(finding) });
      if (updated) record.adjudications = updated.adjudications;
      render();
      ctx.afterAdjudicate?.();
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
  // The rule's title in the page's language when the catalogue has it, else the core's (English) title.
  const title = finding.rule && has(`rule.${finding.rule}`) ? t(`rule.${finding.rule}`) : finding.evidence?.title ?? finding.title ?? null;
  const severity = finding.severity ?? '';
  const level = finding.level ? (has(`level.${finding.level}`) ? t(`level.${finding.level}`) : finding.level) : null;
  const own = finding.evidence?.own_list === true; // the reseller's own list, not an official one
  return h('li', { class: ['finding', `severity-${severity || 'info'}`, own && 'own-list-hit'],
    dataset: { rule: finding.rule ?? '', kind: finding.kind ?? '', key, ...(own ? { ownList: 'true' } : {}) } },
    h('div', { class: 'finding-head' },
      own ? h('span', { class: 'badge own-list' }, t('own.badge')) : null,
      severity ? h('span', { class: `severity sev-${severity}` }, has(`severity.${severity}`) ? t(`severity.${severity}`) : severity) : null,
      level ? h('span', { class: 'level' }, t('result.level', { level })) : null,
      finding.rule ? h('code', { class: 'rule-id' }, finding.rule) : null,
      title ? h('span', { class: 'finding-title' }, title) : null),
    h('p', { class: 'message', lang: ctx?.lang ?? 'en' }, finding.message ?? ''), // in the language the core wrote it
    own ? h('p', { class: 'own-note' }, t('own.notOfficial')) : null,
    finding.kind === 'party_match' ? nameComparison(finding) : null,
    evidenceList(finding.evidence),
    explanationBlock(finding.evidence?.explanation),
    ruleBlock(finding),
    finding.kind === 'party_match' ? adjudicationBlock(finding, key, ctx) : null);
}

// What is left to do (keep the record until a date; why no licence is needed; NAC/ACA notification).
function nextSteps(report) {
  const steps = report.next_steps ?? [];
  if (!steps.length) return null;
  return h('section', { class: 'next-steps' },
    h('h4', {}, t('result.nextSteps')),
    h('ul', { lang: report.lang ?? 'en' }, steps.map((s) => h('li', {}, s.message))));
}

// The lists the order was screened against, each with its own data date (for the printed report).
function listDates(report) {
  const lists = Object.entries(report.bundle?.list_dates ?? {});
  if (!lists.length) return null;
  return h('section', { class: 'list-dates' },
    h('h4', {}, t('result.listDates')),
    h('p', {}, lists.map(([list, date]) => `${has(`list.${list}`) ? t(`list.${list}`) : list}: ${formatDate(date)}`).join(' · ')));
}

function itemsTable(items) {
  if (!items?.length) return null;
  const cell = (v) => h('td', {}, v === undefined || v === null || v === '' ? '—' : typeof v === 'number' ? formatNumber(v) : String(v));
  return h('section', { class: 'classification' },
    h('h4', { i18n: 'result.items' }),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['item', 'quantity', 'eccn', 'basis', 'tpp', 'pd'].map((k) => h('th', { scope: 'col' }, t(`result.col.${k}`))))),
      h('tbody', {}, items.map((item) => {
        const c = item.classification ?? item;
        return h('tr', {},
          h('th', { scope: 'row' }, item.description ?? item.model ?? item.item ?? ''),
          cell(item.quantity), cell(c.eccn), cell(c.basis), cell(c.tpp),
          cell(typeof c.pd === 'number' ? Math.round(c.pd * 100) / 100 : c.pd));
      })))));
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
  const decision = isDecision(report.decision) ? report.decision : 'error';
  const groups = new Map();
  findings.forEach((f, i) => {
    const g = groupOf(f);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push([f, i]);
  });
  const hits = findings.filter((f) => f.kind === 'party_match').length;
  const adjudicationSummary = h('p', { class: 'adjudication-summary' });
  const updateSummary = () => {
    const adjudicated = latestAdjudications(record);
    const falsePositives = [...adjudicated.values()].filter((a) => a.status === 'false_positive').length;
    adjudicationSummary.textContent = t('result.adjudicationSummary', { hits, fp: falsePositives, done: adjudicated.size });
  };
  updateSummary();
  const ctx = { record, onAdjudicate, reviewer, afterAdjudicate: updateSummary, lang: report.lang ?? 'en' };
  reportLang = ctx.lang;
  const top = findings[0]?.message;
  return h('section', { class: 'report', dataset: { decision, orderId: report.order_id ?? '' } },
    h('div', { class: `decision-banner decision-${decision}` },
      icon(decision),
      h('div', {},
        h('p', { class: 'decision-label' }, t(`decision.${decision}`)),
        h('p', { class: 'decision-sentence', id: 'decision-sentence' },
          t(`decision.${decision}.sentence`, { count: findings.length, id: report.order_id ?? '' })),
        report.summary ? h('p', { class: 'decision-summary', lang: report.lang ?? 'en' }, report.summary)
          : (top && decision !== 'clear' ? h('p', { class: 'decision-summary' }, t('result.mainReason', { reason: top })) : null),
        hits && record ? adjudicationSummary : null)),
    findings.length ? null : h('p', { class: 'no-findings' }, t('result.noFindings')),
    findings.length && (report.lang ?? 'en') !== language() && t('result.coreLanguage') ? h('p', { class: 'hint' }, t('result.coreLanguage')) : null,
    [...GROUPS.map((g) => g.id), 'other'].filter((g) => groups.has(g)).map((g) => h('section', { class: 'finding-group', dataset: { group: g } },
      h('h4', {}, t(`group.${g}`), ' ', h('span', { class: 'count' }, `(${groups.get(g).length})`)),
      h('ol', { class: 'findings' }, groups.get(g).map(([f, i]) => findingCard(f, i, ctx))))),
    nextSteps(report),
    itemsTable(report.items ?? report.classification),
    listDates(report),
    h('p', { class: 'print-actions' },
      h('button', { type: 'button', class: 'secondary print-report', onclick: () => globalThis.print?.() }, t('result.print'))),
    h('details', { class: 'report-meta' },
      h('summary', { i18n: 'result.technical' }),
      h('dl', {},
        h('dt', { i18n: 'result.bundle' }), h('dd', {}, `${report.bundle?.id ?? ''} (${formatDate(report.bundle?.built_at)})`),
        h('dt', { i18n: 'result.bundleSha' }), h('dd', {}, h('code', {}, report.bundle?.sha256 ?? '')),
        h('dt', { i18n: 'result.engine' }), h('dd', {}, engineVersion(report)),
        report.own_list ? [h('dt', { i18n: 'result.ownList' }), h('dd', { id: 'report-own-list' }, t('result.ownListValue', report.own_list))] : null),
      h('pre', { class: 'json' }, JSON.stringify(report, null, 2))));
}
