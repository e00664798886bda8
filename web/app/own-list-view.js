// "Your own list": parties the reseller refuses or wants a second look at, in their own words (list code
// OWN, consequence block or review). A table of the entries; a form to add or edit one (keyboard first:
// Enter saves, Escape cancels); delete with undo; import a CSV in the import format (docs/import-format.md;
// the core reads it, and a file with an error changes nothing); export as CSV (written by the core, so it
// imports back the same). Every change goes to the core first, then into this browser's storage; every
// screening, single or batch, uses the list.
import { h, clear, icon, download } from './dom.js';
import { t, countryName, errorText } from './i18n/index.js';
import { countriesByName } from './countries.js';
import { createRescreenPanel } from './rescreen-view.js';
import { OWN_LIST, applyOwnList, merged, nextId, storeOwnList, toJsonLines } from './own-list-store.js';

const CONSEQUENCES = ['block', 'review'];

// The field of the core's message "name: line 3: field `consequence`: ..." (or undefined).
const fieldOf = (message) => /field `([a-z_.]+)`/.exec(String(message ?? ''))?.[1]?.split('.')[0];

// The entries' table, each row with its edit and delete buttons.
function entriesTable(entries, { onEdit, onDelete }) {
  return h('table', { class: 'data', id: 'own-entries' },
    h('caption', {}, t('own.caption', { count: entries.length })),
    h('thead', {}, h('tr', {}, ['id', 'name', 'country', 'type', 'consequence', 'remarks', 'actions']
      .map((c) => h('th', { scope: 'col' }, t(`own.col.${c}`))))),
    h('tbody', {}, entries.map((e) => {
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
    })));
}

// Import (the core reads the file; one with an error changes nothing) and export (written by the core).
function filesSection(ctx, { entries, commit, say, status }) {
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
      clear(importMessage, h('div', { class: 'banner error', id: 'own-import-error', role: 'alert' }, icon('blocked'), h('div', {},
        h('p', {}, h('strong', {}, t('own.importRefused', { file: file.name }))),
        h('p', { class: 'detail' }, errorText(err)),
        h('p', {}, t('own.importNothingChanged')))));
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
  return { importInput, importMessage, exportButton };
}

export function createOwnListView(ctx) {
  let entries = [];
  let editing = null; // the source_id being edited, or null when adding
  let undo = null; // { entries } before the last delete

  const status = h('div', { id: 'own-status', class: 'own-status', role: 'status', tabindex: '-1' });
  const tableBox = h('div', { class: 'table-wrap', id: 'own-table' });

  // --- the form ---------------------------------------------------------------------------------------
  const nameInput = h('input', { type: 'text', id: 'own-name', name: 'name', autocomplete: 'off', 'aria-required': 'true' });
  const aliasesInput = h('textarea', { id: 'own-aliases', name: 'aliases', rows: 2 });
  const countrySelect = h('select', { id: 'own-country', name: 'country' });
  const cityInput = h('input', { type: 'text', id: 'own-city', name: 'city', autocomplete: 'off' });
  const typeSelect = h('select', { id: 'own-type', name: 'type' },
    h('option', { value: 'organization', i18n: 'party.type.organization' }),
    h('option', { value: 'person', i18n: 'party.type.person' }),
    h('option', { value: '', i18n: 'own.typeUnknown' }));
  const remarksInput = h('textarea', { id: 'own-remarks', name: 'remarks', rows: 2 });
  const consequenceInputs = CONSEQUENCES.map((c) => h('input', { type: 'radio', name: 'consequence', value: c, id: `own-consequence-${c}` }));
  const formTitle = h('h3', { id: 'own-form-title' });
  const formError = h('p', { class: 'error-text', id: 'own-form-error', role: 'alert', hidden: true });
  const saveButton = h('button', { type: 'submit', class: 'primary', id: 'own-save' });
  const cancelButton = h('button', { type: 'button', class: 'link', id: 'own-cancel', i18n: 'common.cancel', hidden: true });

  const fields = { name: nameInput, aliases: aliasesInput, country: countrySelect, addresses: countrySelect, city: cityInput,
    type: typeSelect, remarks: remarksInput, consequence: consequenceInputs[0] };

  const fieldBox = (key, control, { hint, required } = {}) => {
    const errorId = `${control.id}-error`;
    control.setAttribute('aria-describedby', [hint ? `${control.id}-hint` : null, errorId].filter(Boolean).join(' '));
    return h('div', { class: 'field' },
      h('label', { for: control.id }, h('span', { i18n: key }), required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
      control,
      hint ? h('p', { class: 'hint', id: `${control.id}-hint`, i18n: hint }) : null,
      h('p', { class: 'error-text', id: errorId, hidden: true }));
  };
  const consequenceBox = h('fieldset', { class: 'consequence', id: 'own-consequence', 'aria-describedby': 'own-consequence-error' },
    h('legend', {}, h('span', { i18n: 'own.consequence' }), h('span', { class: 'required', 'aria-hidden': 'true' }, ' *')),
    consequenceInputs.map((input) => h('label', { class: 'radio', for: input.id }, input, ' ',
      h('span', { i18n: `own.consequence.${input.value}` }))),
    h('p', { class: 'error-text', id: 'own-consequence-error', hidden: true }));

  const form = h('form', { class: 'own-form', id: 'own-form', novalidate: true, 'aria-labelledby': 'own-form-title' },
    formTitle,
    h('div', { class: 'grid' },
      fieldBox('own.name', nameInput, { required: true }),
      fieldBox('own.type', typeSelect),
      fieldBox('own.aliases', aliasesInput, { hint: 'own.aliasesHint' }),
      fieldBox('own.country', countrySelect),
      fieldBox('own.city', cityInput),
      fieldBox('own.remarks', remarksInput, { hint: 'own.remarksHint' })),
    consequenceBox,
    formError,
    h('div', { class: 'actions' }, saveButton, cancelButton));

  function fillCountries(value = '') {
    clear(countrySelect, h('option', { value: '', i18n: 'form.countryChoose' }),
      countriesByName().map(({ code, name }) => h('option', { value: code }, `${name} (${code})`)));
    countrySelect.value = value;
  }

  function clearErrors() {
    formError.hidden = true;
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const el of form.querySelectorAll('.error-text')) { el.hidden = true; el.textContent = ''; }
  }

  function showFieldError(field, message) {
    const control = fields[field];
    const box = field === 'consequence' ? consequenceBox : control;
    const errorEl = control ? document.getElementById(field === 'consequence' ? 'own-consequence-error' : `${control.id}-error`) : null;
    if (!control || !errorEl) {
      formError.textContent = message;
      formError.hidden = false;
      return;
    }
    box.setAttribute('aria-invalid', 'true');
    errorEl.textContent = message;
    errorEl.hidden = false;
    control.focus();
  }

  function resetForm() {
    editing = null;
    form.reset();
    clearErrors();
    fillCountries();
    formTitle.textContent = t('own.addTitle');
    saveButton.textContent = t('own.add');
    cancelButton.hidden = true;
  }

  function edit(entry) {
    resetForm();
    editing = String(entry.source_id);
    nameInput.value = entry.name ?? '';
    aliasesInput.value = (entry.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.name)).join('\n');
    const address = entry.addresses?.[0] ?? {};
    fillCountries(address.country ?? '');
    cityInput.value = address.city ?? '';
    typeSelect.value = ['person', 'organization'].includes(entry.type) ? entry.type : '';
    remarksInput.value = entry.remarks ?? '';
    for (const input of consequenceInputs) input.checked = input.value === entry.consequence;
    formTitle.textContent = t('own.editTitle', { id: entry.source_id });
    saveButton.textContent = t('own.save');
    cancelButton.hidden = false;
    nameInput.focus();
  }

  // The form as an import-format entry; keeps what the form does not show (further addresses, list name...).
  function entryFromForm() {
    const before = editing ? entries.find((e) => String(e.source_id) === editing) : undefined;
    const entry = { ...(before ?? {}), list: OWN_LIST, source_id: editing ?? nextId(entries) };
    entry.name = nameInput.value.trim();
    if (typeSelect.value) entry.type = typeSelect.value;
    else if (!['vessel', 'aircraft'].includes(entry.type)) delete entry.type; // kept as imported
    const aliases = aliasesInput.value.split(/\n/).map((a) => a.trim()).filter(Boolean);
    if (aliases.length) entry.aliases = aliases; else delete entry.aliases;
    const address = { ...(before?.addresses?.[0] ?? {}) };
    address.country = countrySelect.value;
    address.city = cityInput.value.trim();
    for (const k of Object.keys(address)) if (!address[k]) delete address[k];
    const rest = before?.addresses?.slice(1) ?? [];
    if (Object.keys(address).length) entry.addresses = [address, ...rest];
    else if (rest.length) entry.addresses = rest;
    else delete entry.addresses;
    const remarks = remarksInput.value.trim();
    if (remarks) entry.remarks = remarks; else delete entry.remarks;
    entry.consequence = consequenceInputs.find((i) => i.checked)?.value ?? '';
    return entry;
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    const entry = entryFromForm();
    // What the form itself needs; the core checks the rest (and names the field).
    if (!entry.name) return showFieldError('name', t('error.required'));
    if (!entry.consequence) return showFieldError('consequence', t('own.consequenceMissing'));
    let checked;
    try {
      [checked] = (await ctx.checker.parseOwnList(JSON.stringify(entry), { name: entry.source_id })).entries;
    } catch (err) {
      return showFieldError(fieldOf(err.message), errorText(err));
    }
    const wasEditing = editing;
    const ok = await commit(merged(entries, [checked]), wasEditing ? 'own.saved' : 'own.added', { name: checked.name });
    if (ok) {
      resetForm();
      nameInput.focus();
    }
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && editing) { e.preventDefault(); resetForm(); nameInput.focus(); }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
  });
  cancelButton.addEventListener('click', () => { resetForm(); nameInput.focus(); });

  // --- changes: the core first, then storage ----------------------------------------------------------
  async function commit(next, messageKey, params) {
    const previous = entries;
    try {
      await applyOwnList(ctx.checker, next);
    } catch (err) {
      say('error', t('own.refused'), errorText(err));
      return false;
    }
    try {
      await storeOwnList(previous, next);
    } catch (err) {
      await applyOwnList(ctx.checker, previous).catch(() => {});
      say('error', t('own.storageFailed'), errorText(err));
      return false;
    }
    entries = next;
    render();
    say('ok', t(messageKey, { ...params, count: next.length }));
    rescreenPanel.offer({ all: true }).catch(() => {}); // stored orders were screened with the list before
    return true;
  }

  function say(kind, title, detail, ...extra) {
    status.dataset.kind = kind;
    clear(status, h('div', { class: `banner ${kind}` }, icon(kind === 'error' ? 'blocked' : 'clear'),
      h('div', {}, h('p', {}, h('strong', {}, title)), detail ? h('p', { class: 'detail' }, detail) : null, ...extra)));
  }

  async function remove(entry) {
    const before = entries;
    if (await commit(merged(entries, [], [entry.source_id]), 'own.deleted', { name: entry.name })) {
      undo = { entries: before };
      status.querySelector('.banner > div')?.append(
        h('button', { type: 'button', class: 'secondary small', id: 'own-undo', onclick: async () => {
          if (undo && await commit(undo.entries, 'own.restored', { name: entry.name })) undo = null;
        } }, t('own.undo')));
      document.getElementById('own-undo')?.focus();
    }
  }

  // --- the table ----------------------------------------------------------------------------------------
  function render() {
    document.getElementById('tab-own')?.setAttribute('data-count', String(entries.length));
    if (!entries.length) {
      clear(tableBox, h('p', { class: 'placeholder', id: 'own-empty' }, t('own.empty')));
      return;
    }
    clear(tableBox, entriesTable(entries, { onEdit: edit, onDelete: remove }));
  }

  const { importInput, importMessage, exportButton } = filesSection(ctx, { entries: () => entries, commit, say, status });

  const rescreenPanel = createRescreenPanel(ctx, { id: 'own-rescreen', intro: 'rescreen.introOwn' });
  const el = h('section', { class: 'view view-own', 'aria-labelledby': 'own-title' },
    h('h2', { id: 'own-title', i18n: 'own.title' }),
    h('p', { i18n: 'own.intro' }),
    h('p', { class: 'hint', i18n: 'own.local' }),
    status,
    tableBox,
    h('div', { class: 'two-columns' },
      form,
      h('section', { class: 'own-files', 'aria-labelledby': 'own-files-title' },
        h('h3', { id: 'own-files-title', i18n: 'own.filesTitle' }),
        // The file input is hidden by the styles; its label is the button (keyboard focus outlines it).
        h('div', { class: 'field' }, importInput, h('label', { for: importInput.id, class: 'button secondary', i18n: 'own.import' }),
          h('p', { class: 'hint', i18n: 'own.importHint' })),
        importMessage,
        h('div', { class: 'actions' }, exportButton))),
    rescreenPanel.el);

  resetForm();
  window.addEventListener('languagechange-app', () => {
    const id = editing;
    const value = countrySelect.value;
    fillCountries(value);
    formTitle.textContent = id ? t('own.editTitle', { id }) : t('own.addTitle');
    saveButton.textContent = t(id ? 'own.save' : 'own.add');
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
      say('error', t('own.notApplied'), errorText(err));
    },
  };
}
