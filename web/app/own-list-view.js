// "Your own list": parties the reseller refuses or wants a second look at, in their own words (list code
// OWN, consequence block or review). A table of the entries; the add/edit form (own-list-form.js); delete
// with undo; import and export (own-list-files.js). Every change goes to the core first, then into this
// browser's storage; every screening, single or batch, uses the list.
import { h, clear, icon } from './dom.js';
import { t, errorText } from './i18n/index.js';
import { entriesTable } from './own-list-table.js';
import { createRescreenPanel } from './rescreen-view.js';
import { applyOwnList, merged, storeOwnList } from './own-list-store.js';
import { createOwnListForm } from './own-list-form.js';
import { ownListFiles } from './own-list-files.js';

// The view's status line: a banner that says what the last change did (or why it did not happen).
function statusLine() {
  const el = h('div', { id: 'own-status', class: 'own-status', role: 'status', tabindex: '-1' });
  const say = (kind, title, detail, ...extra) => {
    el.dataset.kind = kind;
    clear(el, h('div', { class: `banner ${kind}` }, icon(kind === 'error' ? 'blocked' : 'clear'),
      h('div', {}, h('p', {}, h('strong', {}, title)), detail ? h('p', { class: 'detail' }, detail) : null, ...extra)));
  };
  return { el, say };
}

// Deletes an entry; the status line then offers to undo it.
async function removeWithUndo(entry, { entries, commit, status }) {
  if (!await commit(merged(entries, [], [entry.source_id]), 'own.deleted', { name: entry.name })) return;
  let undo = { entries };
  status.el.querySelector('.banner > div')?.append(
    h('button', { type: 'button', class: 'secondary small', id: 'own-undo', onclick: async () => {
      if (undo && await commit(undo.entries, 'own.restored', { name: entry.name })) undo = null;
    } }, t('own.undo')));
  document.getElementById('own-undo')?.focus();
}

// A change: the core first, then storage (the core is set back when storage fails). -> null, or the step that
// failed as { key (its message), err }.
async function saveList(checker, previous, next) {
  try {
    await applyOwnList(checker, next);
  } catch (err) {
    return { key: 'own.refused', err };
  }
  try {
    await storeOwnList(previous, next);
  } catch (err) {
    await applyOwnList(checker, previous).catch(() => {});
    return { key: 'own.storageFailed', err };
  }
  return null;
}

export function createOwnListView(ctx) {
  let entries = [];
  const status = statusLine();
  const tableBox = h('div', { class: 'table-wrap', id: 'own-table' });
  const rescreenPanel = createRescreenPanel(ctx, { id: 'own-rescreen', intro: 'rescreen.introOwn' });

  // A change, said in the status line; -> whether it was made.
  async function commit(next, messageKey, params) {
    const failed = await saveList(ctx.checker, entries, next);
    if (failed) {
      status.say('error', t(failed.key), errorText(failed.err));
      return false;
    }
    entries = next;
    render();
    status.say('ok', t(messageKey, { ...params, count: next.length }));
    rescreenPanel.offer({ all: true }).catch(() => {}); // stored orders were screened with the list before
    return true;
  }

  const form = createOwnListForm(ctx, { entries: () => entries, commit });

  function render() {
    document.getElementById('tab-own')?.setAttribute('data-count', String(entries.length));
    if (!entries.length) clear(tableBox, h('p', { class: 'placeholder', id: 'own-empty' }, t('own.empty')));
    else clear(tableBox, entriesTable(entries, { onEdit: form.edit, onDelete: (entry) => removeWithUndo(entry, { entries, commit, status }) }));
  }

  const el = h('section', { class: 'view view-own', 'aria-labelledby': 'own-title' },
    h('h2', { id: 'own-title', i18n: 'own.title' }),
    h('p', { i18n: 'own.intro' }),
    h('p', { class: 'hint', i18n: 'own.local' }),
    status.el,
    tableBox,
    h('div', { class: 'two-columns' }, form.el, ownListFiles(ctx, { entries: () => entries, commit, say: status.say, status: status.el })),
    rescreenPanel.el);

  window.addEventListener('languagechange-app', () => {
    form.relabel();
    render();
  });

  return {
    el,
    show: () => {},
    // The list in use (given to the core of a replaced bundle too).
    entries: () => entries,
    // The stored list, already given to the core at boot (main.js).
    setEntries(list) {
      entries = list;
      render();
    },
    notice(err) {
      status.say('error', t('own.notApplied'), errorText(err));
    },
  };
}
