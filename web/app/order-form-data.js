// The order form and an order in the core's contract (docs/orders.md), both ways: readOrder takes what the
// form holds (empty fields left out), fillOrder puts an order into a freshly reset form.
// sections: { parties, items, stops } (the form's three lists); fillOrder also needs their add functions.
import { h, clear } from './dom.js';
import { PARTY_ROLES, SAME_AS_BUYER_ROLES } from './order-form-parts.js';

const text = (v) => (typeof v === 'string' ? v.trim() : '');
const PARTY_MORE = ['email', 'phone', 'website', 'business', 'established', 'headquarters_country'];
const ITEM_FIELDS = ['description', 'model', 'quantity', 'unit_price', 'currency', 'eccn', 'tpp', 'die_area_mm2', 'datacenter'];

export function defaultOrderId() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `ORD-${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

// True when nothing was typed into a party's fields (its type and "same as buyer" do not count).
export function partyIsEmpty(fieldset) {
  if (fieldset.querySelector('input[type="checkbox"]')?.checked) return false;
  return [...fieldset.querySelectorAll('input[type="text"], input[type="email"], input[type="tel"], textarea, select')]
    .filter((el) => !el.name.endsWith('.type'))
    .every((el) => !el.value.trim());
}

function sameParty(a, b) {
  return a.name === b.name && (a.address?.country ?? '') === (b.address?.country ?? '')
    && JSON.stringify(a.address ?? {}) === JSON.stringify(b.address ?? {});
}

// Ticks or unticks a role's "same as buyer" box (when it has one), showing or hiding the party's fields.
export function setSameAsBuyer(form, role, same) {
  const box = form.elements[`party.${role}.same`];
  if (!box) return;
  box.checked = same;
  box.dispatchEvent(new Event('change'));
}

// --- reading ---------------------------------------------------------------------------------------------
function readParty(f, role) {
  const v = (name) => text(f[`party.${role}.${name}`]?.value);
  const party = { role, name: v('name'), type: v('type') || 'organization' };
  const address = {};
  const lines = (f[`party.${role}.lines`]?.value ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length) address.lines = lines;
  if (v('city')) address.city = v('city');
  if (v('postal_code')) address.postal_code = v('postal_code');
  if (v('country')) address.country = v('country');
  party.address = address;
  for (const k of PARTY_MORE) if (v(k)) party[k] = v(k);
  if (v('parent_name') || v('parent_country')) {
    party.parent = {};
    if (v('parent_name')) party.parent.name = v('parent_name');
    if (v('parent_country')) party.parent.headquarters_country = v('parent_country');
  }
  return party;
}

function readParties(f, parties) {
  const buyer = readParty(f, 'buyer');
  return [...parties.children].map((fieldset) => {
    const role = fieldset.dataset.role;
    if (role === 'buyer') return buyer;
    if (f[`party.${role}.same`]?.checked) return { ...structuredClone(buyer), role };
    return partyIsEmpty(fieldset) ? null : readParty(f, role); // an empty party is not part of the order
  }).filter(Boolean);
}

function readItem(row) {
  const v = (name) => text(row.querySelector(`[name="${name}"]`).value);
  const item = { description: v('description') };
  if (v('model')) item.model = v('model');
  for (const k of ['quantity', 'unit_price', 'tpp', 'die_area_mm2']) if (v(k) !== '') item[k] = Number(v(k));
  if (v('currency')) item.currency = v('currency');
  if (v('eccn')) item.eccn = v('eccn').toUpperCase();
  if (v('datacenter')) item.datacenter = v('datacenter') === 'true';
  return item;
}

function readPayment(f) {
  const payment = {};
  if (text(f['payment.method'].value)) payment.method = text(f['payment.method'].value);
  if (text(f['payment.from_country'].value)) payment.from_country = text(f['payment.from_country'].value);
  if (text(f['payment.payer'].value)) payment.payer = text(f['payment.payer'].value);
  return payment;
}

// The order as the core expects it (empty fields left out), from the form and its parties, items and route.
export function readOrder(form, { parties, items, stops }) {
  const f = form.elements;
  const order = { id: text(f.id.value) };
  order.parties = readParties(f, parties);
  order.items = [...items.children].map(readItem);
  const payment = readPayment(f);
  if (Object.keys(payment).length) order.payment = payment;
  const route = [...stops.querySelectorAll('select')].map((s) => s.value).filter(Boolean);
  if (route.length) order.shipping = { route };
  if (text(f.end_use.value)) order.end_use = text(f.end_use.value);
  if (text(f.instructions.value)) order.instructions = text(f.instructions.value);
  return order;
}

// --- filling -------------------------------------------------------------------------------------------
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
  for (const k of PARTY_MORE) set(k, party[k]);
  set('parent_name', party.parent?.name);
  set('parent_country', party.parent?.headquarters_country);
  if (PARTY_MORE.some((k) => party[k]) || party.parent) fieldset.querySelector('details').open = true;
}

// The first party of each role; a party equal to the buyer ticks "same as buyer" instead of being typed again.
function fillParties(form, order, { parties, addParty }) {
  const byRole = new Map();
  for (const party of order.parties ?? []) if (!byRole.has(party.role)) byRole.set(party.role, party);
  const buyer = byRole.get('buyer');
  for (const role of PARTY_ROLES) {
    const party = byRole.get(role);
    if (!party) continue;
    const fieldset = parties.querySelector(`[data-role="${role}"]`) ?? addParty(role);
    const isSame = role !== 'buyer' && buyer && sameParty(party, buyer);
    setSameAsBuyer(form, role, !!isSame);
    if (!isSame) fillParty(form, fieldset, role, party);
  }
  for (const role of SAME_AS_BUYER_ROLES) if (!byRole.has(role)) setSameAsBuyer(form, role, false);
}

function fillItems(order, { items, addItem }) {
  clear(items);
  for (const item of order.items?.length ? order.items : [{}]) {
    const row = addItem();
    const set = (name, v) => { if (v !== undefined && v !== null) row.querySelector(`[name="${name}"]`).value = String(v); };
    for (const k of ITEM_FIELDS) set(k, item[k]);
    if (item.tpp || item.die_area_mm2 || item.datacenter !== undefined) row.querySelector('details').open = true;
  }
}

function fillPayment(form, payment) {
  const method = form.elements['payment.method'];
  const given = payment?.method ?? '';
  if (given && ![...method.options].some((o) => o.value === given)) method.append(h('option', { value: given }, given));
  method.value = given;
  form.elements['payment.from_country'].value = payment?.from_country ?? '';
  form.elements['payment.payer'].value = typeof payment?.payer === 'string' ? payment.payer : payment?.payer?.name ?? '';
}

// Puts an order into a freshly reset form (parties, items, payment, route, end use).
export function fillOrder(form, order, sections) {
  form.elements.id.value = order.id ?? defaultOrderId();
  fillParties(form, order, sections);
  fillItems(order, sections);
  fillPayment(form, order.payment);
  clear(sections.stops);
  for (const country of order.shipping?.route ?? []) sections.addStop().querySelector('select').value = country;
  form.elements.end_use.value = order.end_use ?? '';
  form.elements.instructions.value = order.instructions ?? '';
}
