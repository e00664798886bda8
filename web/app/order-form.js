// The order form: parties by role (one fieldset each), items with suggestions from the product catalogue,
// payment, route, end use and instructions. Reads to and writes from an order object in the core's
// contract (shared/design/ARCHITECTURE.md). Validation here only checks that the form is filled in enough to
// be screened (required fields, numbers, country codes); every export rule is the core's.
import { h, clear, uid } from './dom.js';
import { t } from './i18n/index.js';
import { countriesByName } from './countries.js';

export const PARTY_ROLES = ['buyer', 'ship_to', 'ultimate_consignee', 'end_user', 'forwarder',
  'intermediate_consignee', 'payer', 'payer_bank'];
const SHOWN_ROLES = ['buyer', 'ship_to', 'end_user']; // always on the form; others are added on demand
const SAME_AS_BUYER_ROLES = new Set(['ship_to', 'ultimate_consignee', 'end_user', 'payer']);
// Values in the words the core reads (docs/orders.md: R05 looks for cash and crypto); labels from the catalogue.
const PAYMENT_METHODS = [['wire transfer', 'wire'], ['credit card', 'card'], ['letter of credit', 'letter_of_credit'],
  ['cash', 'cash'], ['cryptocurrency', 'crypto'], ['other', 'other']];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CNY', 'HKD', 'SGD', 'other'];

const text = (v) => (typeof v === 'string' ? v.trim() : '');

// A <select> of countries (name in the page's language, value the ISO code).
function countrySelect(attrs, value = '') {
  const select = h('select', attrs,
    h('option', { value: '', i18n: 'form.countryChoose' }),
    countriesByName().map(({ code, name }) => h('option', { value: code, selected: code === value }, `${name} (${code})`)));
  select.dataset.country = '';
  return select;
}

function refreshCountrySelect(select) {
  const value = select.value;
  clear(select, h('option', { value: '', i18n: 'form.countryChoose' }),
    countriesByName().map(({ code, name }) => h('option', { value: code }, `${name} (${code})`)));
  select.value = value;
}

// A labelled control with its hint and error slots, linked by aria-describedby.
function field({ key, control, hint, required, wide }) {
  const id = control.id || (control.id = uid('f'));
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (required) control.setAttribute('aria-required', 'true');
  return h('div', { class: ['field', wide && 'wide'] },
    h('label', { for: id },
      h('span', { i18n: key }),
      required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    control,
    hint ? h('p', { class: 'hint', id: hintId, i18n: hint }) : null,
    h('p', { class: 'error-text', id: errorId, hidden: true }));
}

const input = (name, attrs = {}) => h('input', { type: 'text', name, autocomplete: 'off', ...attrs });

function partyFieldset(role, { removable, onRemove }) {
  const p = (name) => `party.${role}.${name}`;
  const legendId = uid('legend');
  const same = SAME_AS_BUYER_ROLES.has(role)
    ? h('input', { type: 'checkbox', name: p('same'), id: uid('same') }) : null;
  const body = h('div', { class: 'party-body' },
    h('div', { class: 'grid' },
      field({ key: 'party.name', control: input(p('name'), { autocomplete: 'organization' }), required: true, wide: true }),
      field({ key: 'party.type', control: h('select', { name: p('type') },
        h('option', { value: 'organization', i18n: 'party.type.organization' }),
        h('option', { value: 'person', i18n: 'party.type.person' })) }),
      field({ key: 'party.country', control: countrySelect({ name: p('country') }), required: true }),
      field({ key: 'party.address', control: h('textarea', { name: p('lines'), rows: 2 }), hint: 'party.addressHint', wide: true }),
      field({ key: 'party.city', control: input(p('city')) }),
      field({ key: 'party.postal_code', control: input(p('postal_code')) })),
    h('details', { class: 'more' },
      h('summary', { i18n: 'party.more' }),
      h('div', { class: 'grid' },
        field({ key: 'party.email', control: input(p('email'), { type: 'email' }) }),
        field({ key: 'party.phone', control: input(p('phone'), { type: 'tel' }) }),
        field({ key: 'party.website', control: input(p('website')), hint: 'party.websiteHint' }),
        field({ key: 'party.business', control: input(p('business')), hint: 'party.businessHint' }),
        field({ key: 'party.established', control: input(p('established'), { inputmode: 'numeric' }), hint: 'party.establishedHint' }),
        field({ key: 'party.headquarters_country', control: countrySelect({ name: p('headquarters_country') }) }),
        field({ key: 'party.parent_name', control: input(p('parent_name')) }),
        field({ key: 'party.parent_country', control: countrySelect({ name: p('parent_country') }) }))));
  const fieldset = h('fieldset', { class: 'party', dataset: { role }, 'aria-labelledby': legendId },
    h('legend', { id: legendId }, h('span', { i18n: `role.${role}` })),
    h('p', { class: 'hint', i18n: `role.${role}.hint` }),
    same ? h('div', { class: 'check' }, same, h('label', { for: same.id, i18n: 'party.sameAsBuyer' })) : null,
    body,
    removable ? h('button', { type: 'button', class: 'link remove', onclick: onRemove, i18n: ['party.remove', {}] }) : null);
  if (same) {
    same.addEventListener('change', () => {
      body.hidden = same.checked;
    });
  }
  return fieldset;
}

function itemRow(onRemove, listId) {
  const row = h('fieldset', { class: 'item' },
    h('legend', { class: 'visually-hidden', i18n: 'item.legend' }),
    h('div', { class: 'grid items-grid' },
      field({ key: 'item.description', control: input('description', { list: listId }), hint: 'item.descriptionHint', required: true, wide: true }),
      field({ key: 'item.model', control: input('model') }),
      field({ key: 'item.quantity', control: input('quantity', { type: 'number', min: '1', step: '1', inputmode: 'numeric' }), required: true }),
      field({ key: 'item.unit_price', control: input('unit_price', { type: 'number', min: '0', step: 'any', inputmode: 'decimal' }) }),
      field({ key: 'item.currency', control: h('select', { name: 'currency' },
        CURRENCIES.map((c) => h('option', { value: c === 'other' ? '' : c }, c === 'other' ? t('item.currencyOther') : c))) }),
      field({ key: 'item.eccn', control: input('eccn', { spellcheck: 'false' }), hint: 'item.eccnHint' })),
    h('details', { class: 'more' },
      h('summary', { i18n: 'item.more' }),
      h('div', { class: 'grid' },
        field({ key: 'item.tpp', control: input('tpp', { type: 'number', min: '0', step: 'any' }), hint: 'item.tppHint' }),
        field({ key: 'item.die_area_mm2', control: input('die_area_mm2', { type: 'number', min: '0', step: 'any' }) }),
        field({ key: 'item.datacenter', control: h('select', { name: 'datacenter' },
          h('option', { value: '', i18n: 'item.datacenterUnknown' }),
          h('option', { value: 'true', i18n: 'item.datacenterYes' }),
          h('option', { value: 'false', i18n: 'item.datacenterNo' })) }))),
    h('button', { type: 'button', class: 'link remove', onclick: () => onRemove(row), i18n: 'item.remove' }));
  return row;
}

function routeStop(onRemove) {
  const select = countrySelect({ name: 'route' });
  const row = h('li', { class: 'stop' },
    field({ key: 'route.country', control: select }),
    h('button', { type: 'button', class: 'link remove', onclick: () => onRemove(row), i18n: 'route.remove' }));
  return row;
}

// Puts an order into a freshly reset form (parties, items, payment, route, end use).
function fillOrder(form, order, { parties, items, stops, addParty, addItem, addStop }) {
  form.elements.id.value = order.id ?? defaultOrderId();
  const byRole = new Map();
  for (const party of order.parties ?? []) if (!byRole.has(party.role)) byRole.set(party.role, party);
  const buyer = byRole.get('buyer');
  for (const role of PARTY_ROLES) {
    const party = byRole.get(role);
    let fieldset = parties.querySelector(`[data-role="${role}"]`);
    if (!party) continue;
    fieldset ??= addParty(role);
    const same = form.elements[`party.${role}.same`];
    const isSame = role !== 'buyer' && buyer && sameParty(party, buyer);
    if (same) {
      same.checked = !!isSame;
      same.dispatchEvent(new Event('change'));
    }
    if (!isSame) fillParty(form, fieldset, role, party);
  }
  for (const role of SAME_AS_BUYER_ROLES) {
    const same = form.elements[`party.${role}.same`];
    if (same && !byRole.has(role)) {
      same.checked = false;
      same.dispatchEvent(new Event('change'));
    }
  }
  clear(items);
  for (const item of order.items?.length ? order.items : [{}]) {
    const row = addItem();
    const set = (name, v) => { if (v !== undefined && v !== null) row.querySelector(`[name="${name}"]`).value = String(v); };
    for (const k of ['description', 'model', 'quantity', 'unit_price', 'currency', 'eccn', 'tpp', 'die_area_mm2', 'datacenter']) set(k, item[k]);
    if (item.tpp || item.die_area_mm2 || item.datacenter !== undefined) row.querySelector('details').open = true;
  }
  const method = form.elements['payment.method'];
  const given = order.payment?.method ?? '';
  if (given && ![...method.options].some((o) => o.value === given)) method.append(h('option', { value: given }, given));
  method.value = given;
  form.elements['payment.from_country'].value = order.payment?.from_country ?? '';
  form.elements['payment.payer'].value = typeof order.payment?.payer === 'string' ? order.payment.payer : order.payment?.payer?.name ?? '';
  clear(stops);
  for (const country of order.shipping?.route ?? []) addStop().querySelector('select').value = country;
  form.elements.end_use.value = order.end_use ?? '';
  form.elements.instructions.value = order.instructions ?? '';
}

function fillParty(form, fieldset, role, party) {
  const set = (name, v) => {
    const el = form.elements[`party.${role}.${name}`];
    if (el && v !== undefined && v !== null) el.value = String(v);
  };
  set('name', party.name);
  set('type', party.type === 'person' ? 'person' : 'organization');
  set('country', party.address?.country ?? party.country);
  set('lines', (party.address?.lines ?? []).join('\n'));
  set('city', party.address?.city);
  set('postal_code', party.address?.postal_code);
  const more = ['email', 'phone', 'website', 'business', 'established', 'headquarters_country'];
  for (const k of more) set(k, party[k]);
  set('parent_name', party.parent?.name);
  set('parent_country', party.parent?.headquarters_country);
  if (more.some((k) => party[k]) || party.parent) fieldset.querySelector('details').open = true;
}

// The order as the core expects it (empty fields left out), from the form and its parties, items and route.
function readOrder(form, { parties, items, stops }) {
  const f = form.elements;
  const order = { id: text(f.id.value) };
  const readParty = (role) => {
    const v = (name) => text(f[`party.${role}.${name}`]?.value);
    const party = { role, name: v('name'), type: v('type') || 'organization' };
    const address = {};
    const lines = (f[`party.${role}.lines`]?.value ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length) address.lines = lines;
    if (v('city')) address.city = v('city');
    if (v('postal_code')) address.postal_code = v('postal_code');
    if (v('country')) address.country = v('country');
    party.address = address;
    for (const k of ['email', 'phone', 'website', 'business', 'established', 'headquarters_country']) if (v(k)) party[k] = v(k);
    if (v('parent_name') || v('parent_country')) {
      party.parent = {};
      if (v('parent_name')) party.parent.name = v('parent_name');
      if (v('parent_country')) party.parent.headquarters_country = v('parent_country');
    }
    return party;
  };
  const buyer = readParty('buyer');
  order.parties = [...parties.children].map((fieldset) => {
    const role = fieldset.dataset.role;
    if (role === 'buyer') return buyer;
    if (f[`party.${role}.same`]?.checked) return { ...structuredClone(buyer), role };
    return partyIsEmpty(fieldset) ? null : readParty(role); // an empty party is not part of the order
  }).filter(Boolean);
  order.items = [...items.children].map((row) => {
    const v = (name) => text(row.querySelector(`[name="${name}"]`).value);
    const item = { description: v('description') };
    if (v('model')) item.model = v('model');
    for (const k of ['quantity', 'unit_price', 'tpp', 'die_area_mm2']) if (v(k) !== '') item[k] = Number(v(k));
    if (v('currency')) item.currency = v('currency');
    if (v('eccn')) item.eccn = v('eccn').toUpperCase();
    if (v('datacenter')) item.datacenter = v('datacenter') === 'true';
    return item;
  });
  const payment = {};
  if (text(f['payment.method'].value)) payment.method = text(f['payment.method'].value);
  if (text(f['payment.from_country'].value)) payment.from_country = text(f['payment.from_country'].value);
  if (text(f['payment.payer'].value)) payment.payer = text(f['payment.payer'].value);
  if (Object.keys(payment).length) order.payment = payment;
  const route = [...stops.querySelectorAll('select')].map((s) => s.value).filter(Boolean);
  if (route.length) order.shipping = { route };
  if (text(f.end_use.value)) order.end_use = text(f.end_use.value);
  if (text(f.instructions.value)) order.instructions = text(f.instructions.value);
  return order;
}

// --- validation: each control as the user leaves it, and all of them on submit -------------------------------
function setError(control, key, params) {
  const error = document.getElementById(`${control.id}-error`);
  control.setAttribute('aria-invalid', 'true');
  if (error) {
    error.hidden = false;
    error.textContent = t(key, params);
    error.dataset.key = key;
  }
  return { control, key, params };
}

function clearError(control) {
  control.removeAttribute('aria-invalid');
  const error = document.getElementById(`${control.id}-error`);
  if (error) {
    error.hidden = true;
    error.textContent = '';
  }
}

function clearErrorsIn(form, summary) {
  for (const el of form.querySelectorAll('[aria-invalid]')) clearError(el);
  summary.hidden = true;
}

// Checks one control; returns an error or null. What the form itself needs; every export rule is the core's.
function check(control) {
  if (control.closest('[hidden]')) return null; // "same as buyer" parties
  const party = control.closest('fieldset.party');
  if (party && party.dataset.role !== 'buyer' && partyIsEmpty(party)) return null; // left out of the order
  const name = control.name ?? '';
  const value = text(control.value);
  const required = control.getAttribute('aria-required') === 'true';
  if (required && !value) return { key: name.endsWith('country') ? 'error.countryRequired' : 'error.required' };
  if (name === 'quantity' && value && !(Number.isInteger(Number(value)) && Number(value) >= 1)) return { key: 'error.quantity' };
  if (['unit_price', 'tpp', 'die_area_mm2'].includes(name) && value && !(Number(value) >= 0)) return { key: 'error.number' };
  if (control.type === 'email' && value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { key: 'error.email' };
  if (name === 'eccn' && value && !/^([0-9][A-E][0-9]{3}(\.[a-z0-9.]+)?|EAR99)$/i.test(value)) return { key: 'error.eccn' };
  if (name.endsWith('.established') && value && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return { key: 'error.established' };
  return null;
}

function validateForm(form, summary) {
  clearErrorsIn(form, summary);
  const errors = [];
  for (const control of form.querySelectorAll('input, select, textarea')) {
    const problem = check(control);
    if (problem) errors.push(setError(control, problem.key, problem.params));
  }
  return errors;
}

function showSummaryIn(form, summary, errors) {
  clear(summary,
    h('h3', {}, t('error.summary', { count: errors.length })),
    h('ul', {}, errors.map(({ control, key, params }) => h('li', {},
      h('a', { href: `#${control.id}`, onclick: (e) => { e.preventDefault(); control.focus(); } },
        `${labelOf(form, control)}: ${t(key, params)}`)))));
  summary.hidden = false;
  summary.focus();
}

function labelOf(form, control) {
  const label = form.querySelector(`label[for="${control.id}"] span`)?.textContent ?? control.name;
  const legend = control.closest('fieldset.party')?.querySelector('legend')?.textContent;
  return legend ? `${legend} — ${label}` : label;
}


function formValidation(form, summary) {
  return {
    validate: () => validateForm(form, summary),
    clearErrors: () => clearErrorsIn(form, summary),
    showSummary: (errors) => showSummaryIn(form, summary, errors),
    recheck: (control) => {
      const problem = check(control);
      if (problem) setError(control, problem.key, problem.params);
      else clearError(control);
    },
  };
}

// Builds the form. onSubmit(order) is called with a valid order; the caller shows the report.
export function createOrderForm({ onSubmit, products = [] }) {
  const listId = uid('products');
  const productList = h('datalist', { id: listId });
  const setProducts = (list) => clear(productList, productSuggestions(list).map(([value, hint]) =>
    h('option', { value, label: hint || null })));
  setProducts(products);
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
  const parties = h('div', { class: 'parties' });
  const items = h('div', { class: 'items' });
  const stops = h('ol', { class: 'route' });
  const addRoleSelect = h('select', { id: uid('add-role') });

  const removeItem = (row) => {
    if (items.children.length > 1) row.remove();
    items.querySelector('input')?.focus();
  };
  const addItem = () => {
    const row = itemRow(removeItem, listId);
    items.append(row);
    return row;
  };
  const removeStop = (row) => row.remove();
  const addStop = () => {
    const row = routeStop(removeStop);
    stops.append(row);
    return row;
  };
  const addParty = (role) => {
    const fieldset = partyFieldset(role, {
      removable: !SHOWN_ROLES.includes(role),
      onRemove: () => {
        fieldset.remove();
        refreshRoleChoices();
        addRoleSelect.focus();
      },
    });
    // Keep the roles in their usual order on the page.
    const after = [...parties.children].find((el) => PARTY_ROLES.indexOf(el.dataset.role) > PARTY_ROLES.indexOf(role));
    parties.insertBefore(fieldset, after ?? null);
    refreshRoleChoices();
    return fieldset;
  };
  function refreshRoleChoices() {
    const present = new Set([...parties.children].map((el) => el.dataset.role));
    clear(addRoleSelect, PARTY_ROLES.filter((r) => !present.has(r))
      .map((r) => h('option', { value: r }, t(`role.${r}`))));
    addRoleSelect.closest('.add-party')?.toggleAttribute('hidden', addRoleSelect.options.length === 0);
  }

  const form = h('form', { class: 'order-form', novalidate: true, 'aria-labelledby': 'order-form-title' },
    h('h2', { id: 'order-form-title', i18n: 'form.title' }),
    h('p', { class: 'hint', i18n: 'form.intro' }),
    summary,
    h('div', { class: 'grid' },
      field({ key: 'form.orderId', control: input('id', { value: defaultOrderId() }), required: true })),
    h('h3', { i18n: 'form.parties' }),
    parties,
    h('div', { class: 'add-party inline' },
      h('label', { for: addRoleSelect.id, i18n: 'form.addPartyLabel' }),
      addRoleSelect,
      h('button', { type: 'button', class: 'secondary', i18n: 'form.addParty', onclick: () => {
        if (!addRoleSelect.value) return;
        addParty(addRoleSelect.value).querySelector('input[type=text]')?.focus();
      } })),
    h('h3', { i18n: 'form.items' }),
    productList,
    items,
    h('button', { type: 'button', class: 'secondary', i18n: 'form.addItem', onclick: () => addItem().querySelector('input').focus() }),
    h('fieldset', { class: 'payment' },
      h('legend', { i18n: 'form.payment' }),
      h('div', { class: 'grid' },
        field({ key: 'payment.method', control: h('select', { name: 'payment.method' },
          h('option', { value: '', i18n: 'payment.methodChoose' }),
          PAYMENT_METHODS.map(([value, key]) => h('option', { value, i18n: `payment.method.${key}` }))) }),
        field({ key: 'payment.from_country', control: countrySelect({ name: 'payment.from_country' }) }),
        field({ key: 'payment.payer', control: input('payment.payer'), hint: 'payment.payerHint' }))),
    h('fieldset', { class: 'shipping' },
      h('legend', { i18n: 'form.route' }),
      h('p', { class: 'hint', i18n: 'route.hint' }),
      stops,
      h('button', { type: 'button', class: 'secondary', i18n: 'route.add', onclick: () => addStop().querySelector('select').focus() })),
    h('div', { class: 'grid' },
      field({ key: 'form.endUse', control: h('textarea', { name: 'end_use', rows: 3 }), hint: 'form.endUseHint', wide: true }),
      field({ key: 'form.instructions', control: h('textarea', { name: 'instructions', rows: 2 }), hint: 'form.instructionsHint', wide: true })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', i18n: 'form.submit' }),
      h('button', { type: 'button', class: 'secondary', i18n: 'form.clear', onclick: () => reset() }),
      h('span', { class: 'hint', i18n: 'form.keyboard' })));

  function reset(order) {
    clear(parties);
    clear(items);
    clear(stops);
    for (const role of SHOWN_ROLES) addParty(role);
    for (const role of SAME_AS_BUYER_ROLES) {
      const same = form.elements[`party.${role}.same`];
      if (same && SHOWN_ROLES.includes(role)) {
        same.checked = true;
        same.dispatchEvent(new Event('change'));
      }
    }
    addItem();
    form.elements.id.value = defaultOrderId();
    for (const name of ['payment.method', 'payment.from_country', 'payment.payer', 'end_use', 'instructions']) form.elements[name].value = '';
    clearErrors();
    if (order) fillOrder(form, order, { parties, items, stops, addParty, addItem, addStop });
  }

  const { validate, clearErrors, showSummary, recheck } = formValidation(form, summary);

  // Inline: re-check a field when the user leaves it, once it has been flagged.
  form.addEventListener('focusout', (e) => {
    const control = e.target;
    if (control.matches?.('input, select, textarea') && control.hasAttribute('aria-invalid')) recheck(control);
  });
  // Ctrl/Cmd+Enter submits from a text area (Enter alone adds a line there; elsewhere it submits).
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target.tagName === 'TEXTAREA') {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const errors = validate();
    if (errors.length) {
      showSummary(errors);
      return;
    }
    onSubmit(readOrder(form, { parties, items, stops }));
  });

  // A refusal from the core (bad_order) shown at the top of the form.
  function showCoreError(message) {
    clear(summary, h('h3', {}, t('error.coreRefused')), h('p', {}, message));
    summary.hidden = false;
    summary.focus();
  }

  function relabel() {
    for (const select of form.querySelectorAll('select[data-country]')) refreshCountrySelect(select);
    refreshRoleChoices();
    for (const error of form.querySelectorAll('.error-text:not([hidden])')) error.textContent = t(error.dataset.key);
  }

  reset();
  return { el: form, read: () => readOrder(form, { parties, items, stops }), fill: (order) => reset(order), reset: () => reset(), showCoreError, relabel, setProducts };
}

// Suggestions from the core's product catalogue: "NVIDIA H100 SXM5 80GB" with its likely ECCN as the hint.
export function productSuggestions(products) {
  const seen = new Set();
  const out = [];
  for (const p of Array.isArray(products) ? products : []) {
    if (!p || p.kind === 'generic') continue; // "laptop or notebook computer" is no product name
    const name = typeof p === 'string' ? p : String(p.name ?? p.description ?? p.model ?? '').replace(/\s*\([^)]*\)/g, '').trim();
    if (!name) continue;
    const vendor = p.vendor && !name.toLowerCase().startsWith(String(p.vendor).toLowerCase()) ? `${p.vendor} ` : '';
    const value = `${vendor}${name}`;
    if (seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push([value, p.likely_eccn ?? p.eccn ?? '']);
  }
  return out;
}

function defaultOrderId() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `ORD-${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

// True when nothing was typed into a party's fields (its type and "same as buyer" do not count).
function partyIsEmpty(fieldset) {
  if (fieldset.querySelector('input[type="checkbox"]')?.checked) return false;
  return [...fieldset.querySelectorAll('input[type="text"], input[type="email"], input[type="tel"], textarea, select')]
    .filter((el) => !el.name.endsWith('.type'))
    .every((el) => !el.value.trim());
}

function sameParty(a, b) {
  return a.name === b.name && (a.address?.country ?? '') === (b.address?.country ?? '')
    && JSON.stringify(a.address ?? {}) === JSON.stringify(b.address ?? {});
}
