// What the bundle in use holds, as the Lists view shows it: its facts, every list with its date and age,
// the source files (folded away), the rules documents. Pure renderers of the bundle's info.
import { h, icon } from './dom.js';
import { t, formatDate, formatNumber, has, sourceName } from './i18n/index.js';

export function ageText(days) {
  if (!Number.isFinite(days)) return t('age.unknown');
  if (days < 60) return t('age.days', { n: days });
  const months = Math.floor(days / 30.44);
  if (months < 24) return t('age.months', { n: months });
  return t('age.years', { n: Math.floor(days / 365.25), m: Math.floor(months % 12) });
}

const headRow = (prefix, columns) => h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, t(`${prefix}.${c}`)))));

// The bundle in use: id, dates, origin, signature, counts, hashes.
export function bundleFacts(info, record, fileSha256) {
  return h('dl', { class: 'bundle-facts' },
    h('dt', {}, t('lists.bundle')), h('dd', { id: 'bundle-id' }, info.id),
    h('dt', {}, t('lists.builtAt')), h('dd', {}, h('time', { id: 'built-at', datetime: info.built_at }, formatDate(info.built_at, { time: true }))),
    h('dt', {}, t('lists.origin')), h('dd', { id: 'bundle-origin' }, t(`lists.origin.${record.source ?? 'default'}`, { name: record.origin ?? '' })),
    h('dt', {}, t('lists.signature')), h('dd', { class: 'ok-text' }, t('lists.signatureOk')),
    h('dt', {}, t('lists.entries')), h('dd', { id: 'entries' }, formatNumber(info.entries)),
    h('dt', {}, t('lists.sha256')), h('dd', {}, h('code', { id: 'sha256' }, info.sha256)),
    h('dt', {}, t('lists.fileSha256')), h('dd', {}, h('code', {}, fileSha256)),
    record.stored_at ? [h('dt', {}, t('lists.storedAt')), h('dd', {}, formatDate(record.stored_at, { time: true }))] : null);
}

// A list as a reseller knows it: its full official title (from the bundle's metadata; older bundles: the
// page's short name) and its publisher.
function listTitle(info, code) {
  const meta = info.list_names?.[code];
  const title = meta?.title || (has(`list.${code}`) ? t(`list.${code}`) : code);
  return { title: title === code ? code : `${title} (${code})`, publisher: meta?.publisher ?? '' };
}

// Bundles before list_dates: each list code, its date unknown.
const listRows = (info, ages) => (info.list_dates ? ages.lists
  : Object.keys(info.lists ?? {}).map((key) => ({ key, date: '', days: NaN, old: true })));

function listRow(info, l) {
  const { title, publisher } = listTitle(info, l.key);
  return h('tr', { dataset: { list: l.key, old: String(l.old) } },
    h('th', { scope: 'row' }, h('span', { class: 'list-title' }, title),
      publisher ? h('span', { class: 'list-publisher' }, publisher) : null),
    h('td', { class: 'date' }, l.date || '—'),
    h('td', { class: 'age' }, ageText(l.days)),
    h('td', { class: 'num' }, formatNumber(info.lists?.[l.key] ?? 0)),
    h('td', {}, l.old ? h('span', { class: 'badge old' }, icon('warning'), t('lists.tooOld')) : h('span', { class: 'badge fresh' }, t('lists.recent'))));
}

// Every list screened against: one row each (the rows the age warning counts), with its data's date, its age
// and its entries; the old ones marked.
export function listsTable(info, ages) {
  return h('div', { class: 'table-wrap' }, h('table', { id: 'lists', class: 'data' },
    h('caption', {}, t('lists.screenedCaption')),
    headRow('lists.col', ['list', 'date', 'age', 'entries', 'status']),
    h('tbody', {}, listRows(info, ages).map((l) => listRow(info, l)))));
}

// What a source file gives: entries of some lists, or only detail for parties a newer source lists.
function sourceRole(s) {
  const lists = (s.lists?.length ? s.lists : Object.keys(s.dropped ?? {})).join(', ');
  const role = s.entries > 0 ? t('lists.supplies', { count: s.entries, lists })
    : s.merged > 0 ? t('lists.addsDetail', { count: s.merged, lists })
      : t('lists.superseded');
  const dropped = Object.values(s.dropped ?? {}).reduce((a, n) => a + n, 0);
  return dropped ? `${role} ${t('lists.delisted', { count: dropped })}` : role;
}

const sourceRow = (s) => h('tr', { dataset: { source: s.key, role: s.entries > 0 ? 'lists' : 'detail' } },
  h('th', { scope: 'row' }, s.title || sourceName(s.key),
    s.url ? h('span', { class: 'source-url' }, h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, t('lists.official'))) : null),
  h('td', { class: 'date', title: s.date_basis ?? '' }, s.date || '—'),
  h('td', {}, sourceRole(s)));

// The files the lists were built from, folded away: a reseller reads the lists above; an auditor opens this.
export function sourcesTable(ages) {
  return h('details', { class: 'sources', id: 'sources-details' },
    h('summary', {}, t('lists.sourcesSummary', { count: ages.sources.length })),
    h('div', { class: 'table-wrap' }, h('table', { id: 'sources', class: 'data compact' },
      headRow('lists.col', ['source', 'date', 'role']),
      h('tbody', {}, ages.sources.map(sourceRow)))));
}

// The rules documents and their versions (none in a bundle without rules).
export function rulesTable(info) {
  return Object.keys(info.rules ?? {}).length ? h('div', { class: 'table-wrap' }, h('table', { id: 'rules', class: 'data compact' },
    h('caption', {}, t('lists.rulesCaption')),
    headRow('lists.col', ['document', 'version', 'asOf']),
    h('tbody', {}, Object.entries(info.rules).map(([name, doc]) => h('tr', {},
      h('th', { scope: 'row' }, has(`rules.${name}`) ? t(`rules.${name}`) : name),
      h('td', {}, String(doc?.version ?? '')), h('td', {}, formatDate(doc?.as_of))))))) : null;
}
