// The own list's files: import (the core reads the file; one with an error changes nothing, and says so)
// and export (the import format's CSV, written by the core, so it imports back the same).
import { h, clear, icon, download } from './dom.js';
import { t, errorText } from './i18n/index.js';
import { merged, toJsonLines } from './own-list-store.js';

// The refusal of a file, with the core's words (file, line and field).
const importRefusal = (file, err) => h('div', { class: 'banner error', id: 'own-import-error', role: 'alert' }, icon('blocked'), h('div', {},
  h('p', {}, h('strong', {}, t('own.importRefused', { file: file.name }))),
  h('p', { class: 'detail' }, errorText(err)),
  h('p', {}, t('own.importNothingChanged'))));

// entries(): the list in use; commit(next, messageKey, params); say(kind, title); status: focused after an import.
export function ownListFiles(ctx, { entries, commit, say, status }) {
  const importInput = h('input', { type: 'file', id: 'own-import', accept: '.csv,.jsonl,.txt,text/csv' });
  const importMessage = h('div', { id: 'own-import-message', role: 'status', tabindex: '-1' });
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (!file) return;
    clear(importMessage);
    let imported;
    try {
      imported = (await ctx.checker.parseOwnList(await file.text(), { name: file.name })).entries;
    } catch (err) {
      importMessage.dataset.result = 'error';
      clear(importMessage, importRefusal(file, err));
      importMessage.focus();
      return;
    }
    const known = new Set(entries().map((e) => String(e.source_id)));
    const replaced = imported.filter((e) => known.has(String(e.source_id))).length;
    const ok = await commit(merged(entries(), imported), 'own.imported', { file: file.name, added: imported.length - replaced, replaced });
    importMessage.dataset.result = ok ? 'ok' : 'error';
    status.focus();
  });
  const exportButton = h('button', { type: 'button', class: 'secondary', id: 'own-export', i18n: 'own.export' });
  exportButton.addEventListener('click', async () => {
    if (!entries().length) return say('error', t('own.exportEmpty'));
    download('own-list.csv', await ctx.checker.ownListCsv(toJsonLines(entries()), { name: 'own list' }), 'text/csv');
  });
  return h('section', { class: 'own-files', 'aria-labelledby': 'own-files-title' },
    h('h3', { id: 'own-files-title', i18n: 'own.filesTitle' }),
    // The file input is hidden by the styles; its label is the button (keyboard focus outlines it).
    h('div', { class: 'field' }, importInput, h('label', { for: importInput.id, class: 'button secondary', i18n: 'own.import' }),
      h('p', { class: 'hint', i18n: 'own.importHint' })),
    importMessage,
    h('div', { class: 'actions' }, exportButton));
}
