// The own list's add/edit form (keyboard first: Enter saves, Escape cancels, Ctrl/Cmd+Enter saves from a
// text area). The form checks only that a name and a consequence are given; the core checks the rest and
// names the field, shown beside it.
import { h, clear } from './dom.js';
import { t, errorText } from './i18n/index.js';
import { fillCountrySelect } from './countries.js';
import { field, requiredMark } from './field.js';
import { OWN_LIST, merged, nextId } from './own-list-store.js';

const CONSEQUENCES = ['block', 'review'];

// The field of the core's message "name: line 3: field `consequence`: ..." (or undefined).
const fieldOf = (message) => /field `([a-z_.]+)`/.exec(String(message ?? ''))?.[1]?.split('.')[0];

function controls() {
  return {
    name: h('input', { type: 'text', id: 'own-name', name: 'name', autocomplete: 'off', 'aria-required': 'true' }),
    aliases: h('textarea', { id: 'own-aliases', name: 'aliases', rows: 2 }),
    country: h('select', { id: 'own-country', name: 'country' }),
    city: h('input', { type: 'text', id: 'own-city', name: 'city', autocomplete: 'off' }),
    type: h('select', { id: 'own-type', name: 'type' },
      h('option', { value: 'organization', i18n: 'party.type.organization' }),
      h('option', { value: 'person', i18n: 'party.type.person' }),
      h('option', { value: '', i18n: 'own.typeUnknown' })),
    remarks: h('textarea', { id: 'own-remarks', name: 'remarks', rows: 2 }),
    consequences: CONSEQUENCES.map((c) => h('input', { type: 'radio', name: 'consequence', value: c, id: `own-consequence-${c}` })),
  };
}

const consequenceFieldset = (inputs) => h('fieldset', { class: 'consequence', id: 'own-consequence', 'aria-describedby': 'own-consequence-error' },
  h('legend', {}, h('span', { i18n: 'own.consequence' }), requiredMark()),
  inputs.map((input) => h('label', { class: 'radio', for: input.id }, input, ' ',
    h('span', { i18n: `own.consequence.${input.value}` }))),
  h('p', { class: 'error-text', id: 'own-consequence-error', hidden: true }));

// The form as an import-format entry; keeps what the form does not show (further addresses, list name...)
// of `before`, the entry being edited.
function entryFrom(c, before, sourceId) {
  const entry = { ...(before ?? {}), list: OWN_LIST, source_id: sourceId };
  entry.name = c.name.value.trim();
  if (c.type.value) entry.type = c.type.value;
  else if (!['vessel', 'aircraft'].includes(entry.type)) delete entry.type; // kept as imported
  const aliases = c.aliases.value.split(/\n/).map((a) => a.trim()).filter(Boolean);
  if (aliases.length) entry.aliases = aliases; else delete entry.aliases;
  const address = { ...(before?.addresses?.[0] ?? {}) };
  address.country = c.country.value;
  address.city = c.city.value.trim();
  for (const k of Object.keys(address)) if (!address[k]) delete address[k];
  const rest = before?.addresses?.slice(1) ?? [];
  if (Object.keys(address).length) entry.addresses = [address, ...rest];
  else if (rest.length) entry.addresses = rest;
  else delete entry.addresses;
  const remarks = c.remarks.value.trim();
  if (remarks) entry.remarks = remarks; else delete entry.remarks;
  entry.consequence = c.consequences.find((i) => i.checked)?.value ?? '';
  return entry;
}

// An entry's values into the form.
function fill(c, entry) {
  c.name.value = entry.name ?? '';
  c.aliases.value = (entry.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.name)).join('\n');
  const address = entry.addresses?.[0] ?? {};
  fillCountrySelect(c.country, address.country ?? '');
  c.city.value = address.city ?? '';
  c.type.value = ['person', 'organization'].includes(entry.type) ? entry.type : '';
  c.remarks.value = entry.remarks ?? '';
  for (const input of c.consequences) input.checked = input.value === entry.consequence;
}

// The form's errors: beside the field the core named, or under the form when it names none the form shows.
function errorDisplay(form, c, consequenceBox) {
  const formError = h('p', { class: 'error-text', id: 'own-form-error', role: 'alert', hidden: true });
  const fields = { name: c.name, aliases: c.aliases, country: c.country, addresses: c.country, city: c.city, type: c.type,
    remarks: c.remarks, consequence: c.consequences[0] };
  return {
    formError,
    clear() {
      formError.hidden = true;
      for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
      for (const el of form.querySelectorAll('.error-text')) { el.hidden = true; el.textContent = ''; }
    },
    show(name, message) {
      const control = fields[name];
      const box = name === 'consequence' ? consequenceBox : control;
      const errorEl = control ? document.getElementById(name === 'consequence' ? 'own-consequence-error' : `${control.id}-error`) : null;
      if (!control || !errorEl) {
        formError.textContent = message;
        formError.hidden = false;
        return;
      }
      box.setAttribute('aria-invalid', 'true');
      errorEl.textContent = message;
      errorEl.hidden = false;
      control.focus();
    },
  };
}

// The form's elements: its controls (controls()), title, error slots and buttons.
function formElements(c) {
  const parts = {
    consequenceBox: consequenceFieldset(c.consequences),
    title: h('h3', { id: 'own-form-title' }),
    saveButton: h('button', { type: 'submit', class: 'primary', id: 'own-save' }),
    cancelButton: h('button', { type: 'button', class: 'link', id: 'own-cancel', i18n: 'common.cancel', hidden: true }),
  };
  parts.form = h('form', { class: 'own-form', id: 'own-form', novalidate: true, 'aria-labelledby': 'own-form-title' },
    parts.title,
    h('div', { class: 'grid' },
      field({ key: 'own.name', control: c.name, required: true }),
      field({ key: 'own.type', control: c.type }),
      field({ key: 'own.aliases', control: c.aliases, hint: 'own.aliasesHint' }),
      field({ key: 'own.country', control: c.country }),
      field({ key: 'own.city', control: c.city }),
      field({ key: 'own.remarks', control: c.remarks, hint: 'own.remarksHint' })),
    parts.consequenceBox);
  parts.errors = errorDisplay(parts.form, c, parts.consequenceBox);
  parts.form.append(parts.errors.formError, h('div', { class: 'actions' }, parts.saveButton, parts.cancelButton));
  return parts;
}

// The entry as the core reads it (a one-entry list), or undefined after showing why it is refused.
async function checkedEntry(ctx, entry, errors) {
  if (!entry.name) return errors.show('name', t('error.required'));
  if (!entry.consequence) return errors.show('consequence', t('own.consequenceMissing'));
  try {
    return (await ctx.checker.parseOwnList(JSON.stringify(entry), { name: entry.source_id })).entries[0];
  } catch (err) {
    return errors.show(fieldOf(err.message), errorText(err));
  }
}

// entries(): the list in use; commit(next, messageKey, params) -> true once the core and storage took it.
export function createOwnListForm(ctx, { entries, commit }) {
  let editing = null; // the source_id being edited, or null when adding
  const c = controls();
  const { form, title, saveButton, cancelButton, errors } = formElements(c);
  const label = () => {
    title.textContent = editing ? t('own.editTitle', { id: editing }) : t('own.addTitle');
    saveButton.textContent = t(editing ? 'own.save' : 'own.add');
    cancelButton.hidden = !editing;
  };
  const reset = () => {
    editing = null;
    form.reset();
    errors.clear();
    fillCountrySelect(c.country, '');
    label();
  };
  const edit = (entry) => {
    reset();
    editing = String(entry.source_id);
    fill(c, entry);
    label();
    c.name.focus();
  };
  async function save() {
    errors.clear();
    const before = editing ? entries().find((e) => String(e.source_id) === editing) : undefined;
    const checked = await checkedEntry(ctx, entryFrom(c, before, editing ?? nextId(entries())), errors);
    if (!checked) return;
    if (await commit(merged(entries(), [checked]), editing ? 'own.saved' : 'own.added', { name: checked.name })) {
      reset();
      c.name.focus();
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && editing) { e.preventDefault(); reset(); c.name.focus(); }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
  });
  cancelButton.addEventListener('click', () => { reset(); c.name.focus(); });
  reset();
  return { el: form, edit, relabel: () => { fillCountrySelect(c.country); label(); } };
}
