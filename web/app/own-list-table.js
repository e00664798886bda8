// The own list's entries as a table, each row with its edit and delete buttons.
import { h } from './dom.js';
import { t, countryName } from './i18n/index.js';

// One entry's row, with its edit and delete buttons.
function entryRow(e, { onEdit, onDelete }) {
  const address = e.addresses?.[0] ?? {};
  const aliases = (e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.name));
  return h('tr', { dataset: { id: e.source_id } },
    h('td', {}, h('code', {}, e.source_id)),
    h('th', { scope: 'row' }, e.name, aliases.length ? h('span', { class: 'aliases' }, t('own.aliasesShown', { names: aliases.join('; ') })) : null),
    h('td', {}, [address.city, address.country ? `${countryName(address.country)} (${address.country})` : ''].filter(Boolean).join(', ')),
    h('td', {}, ['person', 'organization'].includes(e.type) ? t(`party.type.${e.type}`) : e.type ?? ''),
    h('td', {}, h('span', { class: `badge decision-${e.consequence === 'block' ? 'blocked' : 'review'}` }, t(`own.consequence.${e.consequence}`))),
    h('td', { class: 'remarks' }, e.remarks ?? ''),
    h('td', { class: 'row-actions' },
      h('button', { type: 'button', class: 'secondary small', dataset: { action: 'edit' }, 'aria-label': t('own.editLabel', { name: e.name }), onclick: () => onEdit(e) }, t('own.edit')),
      h('button', { type: 'button', class: 'link small', dataset: { action: 'delete' }, 'aria-label': t('own.deleteLabel', { name: e.name }), onclick: () => onDelete(e) }, t('own.delete'))));
}

export function entriesTable(entries, actions) {
  return h('table', { class: 'data', id: 'own-entries' },
    h('caption', {}, t('own.caption', { count: entries.length })),
    h('thead', {}, h('tr', {}, ['id', 'name', 'country', 'type', 'consequence', 'remarks', 'actions']
      .map((c) => h('th', { scope: 'col' }, t(`own.col.${c}`))))),
    h('tbody', {}, entries.map((e) => entryRow(e, actions))));
}

