// The order form's pieces: a fieldset per party role, an item row, a stop on the route, the payment. Each
// control's name is the field it holds (order-form-data.js reads and fills them by name).
import { h, uid } from './dom.js';
import { t } from './i18n/index.js';
import { countrySelect } from './countries.js';
import { field, textInput as input } from './field.js';

export const PARTY_ROLES = ['buyer', 'ship_to', 'ultimate_consignee', 'end_user', 'forwarder',
  'intermediate_consignee', 'payer', 'payer_bank'];
export const SHOWN_ROLES = ['buyer', 'ship_to', 'end_user']; // always on the form; others are added on demand
export const SAME_AS_BUYER_ROLES = new Set(['ship_to', 'ultimate_consignee', 'end_user', 'payer']);
// Values in the words the core reads (docs/orders.md: R05 looks for cash and crypto); labels from the catalogue.
const PAYMENT_METHODS = [['wire transfer', 'wire'], ['credit card', 'card'], ['letter of credit', 'letter_of_credit'],
  ['cash', 'cash'], ['cryptocurrency', 'crypto'], ['other', 'other']];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CNY', 'HKD', 'SGD', 'other'];

// The form's country pickers carry data-country, so a change of language refills them (order-form.js).
export const formCountrySelect = (name) => countrySelect({ name, dataset: { country: '' } });

// A party's name, type, country and address, always shown.
function partyMain(p) {
  return h('div', { class: 'grid' },
    field({ key: 'party.name', control: input(p('name'), { autocomplete: 'organization' }), required: true, wide: true }),
    field({ key: 'party.type', control: h('select', { name: p('type') },
      h('option', { value: 'organization', i18n: 'party.type.organization' }),
      h('option', { value: 'person', i18n: 'party.type.person' })) }),
    field({ key: 'party.country', control: formCountrySelect(p('country')), required: true }),
    field({ key: 'party.address', control: h('textarea', { name: p('lines'), rows: 2 }), hint: 'party.addressHint', wide: true }),
    field({ key: 'party.city', control: input(p('city')) }),
    field({ key: 'party.postal_code', control: input(p('postal_code')) }));
}

// What a party's "more" fold holds: contact, business, headquarters and parent.
function partyMore(p) {
  return h('details', { class: 'more' },
    h('summary', { i18n: 'party.more' }),
    h('div', { class: 'grid' },
      field({ key: 'party.email', control: input(p('email'), { type: 'email' }) }),
      field({ key: 'party.phone', control: input(p('phone'), { type: 'tel' }) }),
      field({ key: 'party.website', control: input(p('website')), hint: 'party.websiteHint' }),
      field({ key: 'party.business', control: input(p('business')), hint: 'party.businessHint' }),
      field({ key: 'party.established', control: input(p('established'), { inputmode: 'numeric' }), hint: 'party.establishedHint' }),
      field({ key: 'party.headquarters_country', control: formCountrySelect(p('headquarters_country')) }),
      field({ key: 'party.parent_name', control: input(p('parent_name')) }),
      field({ key: 'party.parent_country', control: formCountrySelect(p('parent_country')) })));
}

export function partyFieldset(role, { removable, onRemove }) {
  const p = (name) => `party.${role}.${name}`;
  const legendId = uid('legend');
  const same = SAME_AS_BUYER_ROLES.has(role)
    ? h('input', { type: 'checkbox', name: p('same'), id: uid('same') }) : null;
  const body = h('div', { class: 'party-body' }, partyMain(p), partyMore(p));
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

// An item's technical figures, folded away: TPP, die area, data-centre use.
function itemMore() {
  return h('details', { class: 'more' },
    h('summary', { i18n: 'item.more' }),
    h('div', { class: 'grid' },
      field({ key: 'item.tpp', control: input('tpp', { type: 'number', min: '0', step: 'any' }), hint: 'item.tppHint' }),
      field({ key: 'item.die_area_mm2', control: input('die_area_mm2', { type: 'number', min: '0', step: 'any' }) }),
      field({ key: 'item.datacenter', control: h('select', { name: 'datacenter' },
        h('option', { value: '', i18n: 'item.datacenterUnknown' }),
        h('option', { value: 'true', i18n: 'item.datacenterYes' }),
        h('option', { value: 'false', i18n: 'item.datacenterNo' })) })));
}

// listId: the <datalist> of product suggestions for the description.
export function itemRow(onRemove, listId) {
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
    itemMore(),
    h('button', { type: 'button', class: 'link remove', onclick: () => onRemove(row), i18n: 'item.remove' }));
  return row;
}

export function routeStop(onRemove) {
  const row = h('li', { class: 'stop' },
    field({ key: 'route.country', control: formCountrySelect('route') }),
    h('button', { type: 'button', class: 'link remove', onclick: () => onRemove(row), i18n: 'route.remove' }));
  return row;
}

export function paymentFieldset() {
  return h('fieldset', { class: 'payment' },
    h('legend', { i18n: 'form.payment' }),
    h('div', { class: 'grid' },
      field({ key: 'payment.method', control: h('select', { name: 'payment.method' },
        h('option', { value: '', i18n: 'payment.methodChoose' }),
        PAYMENT_METHODS.map(([value, key]) => h('option', { value, i18n: `payment.method.${key}` }))) }),
      field({ key: 'payment.from_country', control: formCountrySelect('payment.from_country') }),
      field({ key: 'payment.payer', control: input('payment.payer'), hint: 'payment.payerHint' })));
}
