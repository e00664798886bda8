// A sortable, paged table for thousands of rows: only one page is in the DOM. Column headers are buttons
// (keyboard: Tab, Enter/Space) and carry aria-sort.
import { h, clear } from './dom.js';
import { t } from './i18n/index.js';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

// The header row; sort: { id, dir } or null; sortBy(id) when a sortable column's button is pressed.
function headerRow(columns, sort, sortBy) {
  return h('tr', {}, columns.map((c) => {
    const sorted = sort?.id === c.id;
    const ariaSort = sorted ? (sort.dir > 0 ? 'ascending' : 'descending') : (c.sort ? 'none' : null);
    const label = t(c.label);
    return h('th', { scope: 'col', 'aria-sort': ariaSort },
      c.sort ? h('button', { type: 'button', class: 'sort', dataset: { column: c.id }, onclick: () => sortBy(c.id) },
        label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, sorted ? (sort.dir > 0 ? ' ▲' : ' ▼') : ' ↕'))
        : label);
  }));
}

// The rows in the order of `sort` (numbers as numbers, text as a person sorts it).
function sortedRows(rows, columns, sort) {
  const view = rows.slice();
  if (!sort) return view;
  const col = columns.find((c) => c.id === sort.id);
  return view.sort((a, b) => {
    const x = col.sort(a);
    const y = col.sort(b);
    const d = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return d * sort.dir;
  });
}

const bodyRow = (row, columns, rowAttrs) => h('tr', rowAttrs?.(row) ?? {}, columns.map((c) => (c.header
  ? h('th', { scope: 'row' }, c.cell(row)) : h('td', {}, c.cell(row)))));

// "Previous, page 2 of 5 (51–100 of 230), Next", or the count alone when everything fits on one page.
function pagerContent({ page, pages, pageSize, total, go }) {
  if (pages > 1) {
    return [
      h('button', { type: 'button', class: 'secondary small', disabled: page === 0, onclick: () => go(page - 1) }, t('table.previous')),
      h('span', { class: 'page-info' }, t('table.page', { page: page + 1, pages, from: page * pageSize + 1,
        to: Math.min(total, (page + 1) * pageSize), total })),
      h('button', { type: 'button', class: 'secondary small', disabled: page >= pages - 1, onclick: () => go(page + 1) }, t('table.next')),
    ];
  }
  return total ? h('span', { class: 'page-info' }, t('table.count', { total })) : null;
}

// columns: [{ id, label: i18n key, sort?: row -> number|string, cell: row -> Node|string, header?: bool }]
export function createTable({ columns, caption, pageSize = 50, sort: initialSort, className, rowAttrs }) {
  let rows = [];
  let view = [];
  let sort = initialSort ?? null; // { id, dir: 1|-1 }
  let page = 0;
  const tbody = h('tbody');
  const thead = h('thead');
  const captionEl = h('caption', { class: 'visually-hidden' });
  const pager = h('nav', { class: 'pager', 'aria-label': t('table.pages') });
  const table = h('table', { class: ['data', className] }, captionEl, thead, tbody);
  const el = h('div', { class: 'table-block' }, h('div', { class: 'table-wrap' }, table), pager);

  const header = () => clear(thead, headerRow(columns, sort, sortBy));
  function body() {
    const pages = Math.max(1, Math.ceil(view.length / pageSize));
    page = Math.min(page, pages - 1);
    const slice = view.slice(page * pageSize, (page + 1) * pageSize);
    clear(tbody, slice.map((row) => bodyRow(row, columns, rowAttrs)));
    if (!slice.length) tbody.append(h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, t('table.empty'))));
    captionEl.textContent = caption ? t(caption, { count: view.length }) : '';
    clear(pager, pagerContent({ page, pages, pageSize, total: view.length, go }));
  }
  function go(p) {
    page = p;
    body();
    tbody.querySelector('button, a')?.focus();
  }
  function sortBy(id) {
    sort = sort?.id === id ? { id, dir: -sort.dir } : { id, dir: 1 };
    view = sortedRows(rows, columns, sort);
    header();
    body();
    thead.querySelector(`button[data-column="${id}"]`)?.focus();
  }
  // Replaces the rows (already filtered by the caller); keepPage keeps the page when rows are appended.
  function setRows(next, { keepPage = false } = {}) {
    rows = next;
    if (!keepPage) page = 0;
    view = sortedRows(rows, columns, sort);
    header();
    body();
  }

  header();
  body();
  return { el, setRows, refresh: () => { header(); body(); }, get count() { return view.length; } };
}
