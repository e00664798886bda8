// The order form: parties by role (one fieldset each), items with suggestions from the product catalogue,
// payment, route, end use and instructions. Its pieces are in order-form-parts.js, the order read from and
// written into it in order-form-data.js, its checks in order-form-validation.js (what the form needs to be
// screened; every export rule is the core's).
import { h, clear, uid } from './dom.js';
import { t } from './i18n/index.js';
import { fillCountrySelect } from './countries.js';
import { field, textInput } from './field.js';
import { PARTY_ROLES, SHOWN_ROLES, SAME_AS_BUYER_ROLES, partyFieldset, itemRow, routeStop, paymentFieldset } from './order-form-parts.js';
import { defaultOrderId, fillOrder, readOrder, setSameAsBuyer } from './order-form-data.js';
import { formValidation } from './order-form-validation.js';

export { PARTY_ROLES };

// The parties, in their usual order, and the picker that adds one of the roles not on the form yet.
function partyList() {
  const parties = h('div', { class: 'parties' });
  const roleSelect = h('select', { id: uid('add-role') });
  const refreshRoleChoices = () => {
    const present = new Set([...parties.children].map((el) => el.dataset.role));
    clear(roleSelect, PARTY_ROLES.filter((r) => !present.has(r)).map((r) => h('option', { value: r }, t(`role.${r}`))));
    roleSelect.closest('.add-party')?.toggleAttribute('hidden', roleSelect.options.length === 0);
  };
  const addParty = (role) => {
    const fieldset = partyFieldset(role, {
      removable: !SHOWN_ROLES.includes(role),
      onRemove: () => {
        fieldset.remove();
        refreshRoleChoices();
        roleSelect.focus();
      },
    });
    const after = [...parties.children].find((el) => PARTY_ROLES.indexOf(el.dataset.role) > PARTY_ROLES.indexOf(role));
    parties.insertBefore(fieldset, after ?? null);
    refreshRoleChoices();
    return fieldset;
  };
  const picker = h('div', { class: 'add-party inline' },
    h('label', { for: roleSelect.id, i18n: 'form.addPartyLabel' }),
    roleSelect,
    h('button', { type: 'button', class: 'secondary', i18n: 'form.addParty', onclick: () => {
      if (!roleSelect.value) return;
      addParty(roleSelect.value).querySelector('input[type=text]')?.focus();
    } }));
  return { parties, picker, addParty, refreshRoleChoices };
}

// The items (at least one) and the <datalist> of product suggestions their descriptions offer.
function itemList(products) {
  const listId = uid('products');
  const productList = h('datalist', { id: listId });
  const items = h('div', { class: 'items' });
  const setProducts = (list) => clear(productList, productSuggestions(list).map(([value, hint]) =>
    h('option', { value, label: hint || null })));
  const removeItem = (row) => {
    if (items.children.length > 1) row.remove();
    items.querySelector('input')?.focus();
  };
  const addItem = () => items.appendChild(itemRow(removeItem, listId));
  setProducts(products);
  return { items, productList, addItem, setProducts };
}

// The countries on the route, in order.
function routeList() {
  const stops = h('ol', { class: 'route' });
  const addStop = () => stops.appendChild(routeStop((row) => row.remove()));
  return { stops, addStop };
}

function formElement({ summary, partySection, itemSection, routeSection, onClear }) {
  const button = (i18n, onclick) => h('button', { type: 'button', class: 'secondary', i18n, onclick });
  return h('form', { class: 'order-form', novalidate: true, 'aria-labelledby': 'order-form-title' },
    h('h2', { id: 'order-form-title', i18n: 'form.title' }),
    h('p', { class: 'hint', i18n: 'form.intro' }),
    summary,
    h('div', { class: 'grid' },
      field({ key: 'form.orderId', control: textInput('id', { value: defaultOrderId() }), required: true })),
    h('h3', { i18n: 'form.parties' }),
    partySection.parties,
    partySection.picker,
    h('h3', { i18n: 'form.items' }),
    itemSection.productList,
    itemSection.items,
    button('form.addItem', () => itemSection.addItem().querySelector('input').focus()),
    paymentFieldset(),
    h('fieldset', { class: 'shipping' },
      h('legend', { i18n: 'form.route' }),
      h('p', { class: 'hint', i18n: 'route.hint' }),
      routeSection.stops,
      button('route.add', () => routeSection.addStop().querySelector('select').focus())),
    h('div', { class: 'grid' },
      field({ key: 'form.endUse', control: h('textarea', { name: 'end_use', rows: 3 }), hint: 'form.endUseHint', wide: true }),
      field({ key: 'form.instructions', control: h('textarea', { name: 'instructions', rows: 2 }), hint: 'form.instructionsHint', wide: true })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', i18n: 'form.submit' }),
      button('form.clear', onClear),
      h('span', { class: 'hint', i18n: 'form.keyboard' })));
}

// Inline re-checks, Ctrl/Cmd+Enter and submit: onSubmit gets the order only when the form is valid.
function wireForm(form, validation, read, onSubmit) {
  // Re-check a field when the user leaves it, once it has been flagged.
  form.addEventListener('focusout', (e) => {
    const control = e.target;
    if (control.matches?.('input, select, textarea') && control.hasAttribute('aria-invalid')) validation.recheck(control);
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
    const errors = validation.validate();
    if (errors.length) validation.showSummary(errors);
    else onSubmit(read());
  });
}

// Builds the form. onSubmit(order) is called with a valid order; the caller shows the report.
export function createOrderForm({ onSubmit, products = [] }) {
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
  const partySection = partyList();
  const itemSection = itemList(products);
  const routeSection = routeList();
  const form = formElement({ summary, partySection, itemSection, routeSection, onClear: () => reset() });
  const sections = { ...partySection, ...itemSection, ...routeSection };
  const validation = formValidation(form, summary);
  const read = () => readOrder(form, sections);

  // An empty form (the shown roles, "same as buyer" ticked, one item), then the order when one is given.
  function reset(order) {
    clear(sections.parties);
    clear(sections.items);
    clear(sections.stops);
    for (const role of SHOWN_ROLES) sections.addParty(role);
    for (const role of SHOWN_ROLES) if (SAME_AS_BUYER_ROLES.has(role)) setSameAsBuyer(form, role, true);
    sections.addItem();
    form.elements.id.value = defaultOrderId();
    for (const name of ['payment.method', 'payment.from_country', 'payment.payer', 'end_use', 'instructions']) form.elements[name].value = '';
    validation.clearErrors();
    if (order) fillOrder(form, order, sections);
  }

  function relabel() {
    for (const select of form.querySelectorAll('select[data-country]')) fillCountrySelect(select);
    partySection.refreshRoleChoices();
    validation.relabel();
  }

  wireForm(form, validation, read, onSubmit);
  reset();
  return { el: form, read, fill: (order) => reset(order), reset: () => reset(), showCoreError: validation.showCoreError,
    relabel, setProducts: itemSection.setProducts };
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
