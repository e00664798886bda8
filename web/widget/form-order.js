// An order (shared/design/ARCHITECTURE.md, "Order and report") from a shop's own checkout form: the
// element's field-* attributes name the form fields, each attribute a space-separated list of field names
// whose values are joined (names with a space, address fields as separate lines). Every export rule stays
// in the core: this only copies what the customer typed.
//
//   field-name field-company field-address field-city field-postal-code field-country field-email field-phone
//   field-ship-name field-ship-company field-ship-address field-ship-city field-ship-postal-code
//   field-ship-country                                   (a ship_to party, when it differs from the buyer)
//   field-end-use                                        (the order's end_use)

export const FIELD_ATTRIBUTES = ['name', 'company', 'address', 'city', 'postal-code', 'country', 'email', 'phone',
  'ship-name', 'ship-company', 'ship-address', 'ship-city', 'ship-postal-code', 'ship-country', 'end-use']
  .map((f) => `field-${f}`);

// The values of the named fields of `form` (a radio group gives its checked value; empty values dropped).
function values(form, names) {
  const out = [];
  for (const name of String(names ?? '').split(/\s+/).filter(Boolean)) {
    const control = form?.elements.namedItem(name) ?? document.getElementsByName(name)[0];
    const value = control && 'value' in control ? String(control.value ?? '').trim() : '';
    if (value) out.push(value);
  }
  return out;
}

// A shop's country value: ISO codes as they are (upper case), anything else passed on for the core to read.
const country = (v) => (/^[a-z]{2}$/i.test(v) ? v.toUpperCase() : v);

function party(element, form, role, prefix) {
  const get = (f) => values(form, element.getAttribute(`field-${prefix}${f}`));
  const person = get('name').join(' ');
  const company = get('company').join(' ');
  const lines = get('address');
  const [city = ''] = get('city');
  const [postal = ''] = get('postal-code');
  const [cc = ''] = get('country');
  if (!person && !company && !cc) return null;
  const p = { role, name: company || person, type: company ? 'organization' : 'person', address: {} };
  if (lines.length) p.address.lines = lines;
  if (city) p.address.city = city;
  if (postal) p.address.postal_code = postal;
  if (cc) p.address.country = country(cc);
  if (!prefix) {
    const [email] = get('email');
    const [phone] = get('phone');
    if (email) p.email = email;
    if (phone) p.phone = phone;
  }
  return p;
}

// Cart lines in the core's item shape; accepts a shop's own names for the usual fields (title/name/
// product_title for the description, sku for the model), numbers as strings too.
export function normaliseItems(items) {
  if (!Array.isArray(items)) return [];
  return items.map((item) => {
    if (typeof item === 'string') return { description: item, quantity: 1 };
    const out = { ...item };
    out.description ??= item.title ?? item.name ?? item.product_title ?? item.model ?? '';
    for (const k of ['title', 'name', 'product_title']) delete out[k];
    if (item.sku !== undefined && out.model === undefined) out.model = String(item.sku);
    delete out.sku;
    for (const k of ['quantity', 'unit_price']) {
      if (typeof out[k] === 'string' && out[k].trim() !== '' && !Number.isNaN(Number(out[k]))) out[k] = Number(out[k]);
    }
    out.quantity ??= 1;
    return out;
  });
}

// The order the form describes, or null while neither a name nor a country is filled in.
export function orderFromForm(element, form, items) {
  const buyer = party(element, form, 'buyer', '');
  if (!buyer || !buyer.name || !buyer.address.country) return null;
  const parties = [buyer];
  const ship = party(element, form, 'ship_to', 'ship-');
  if (ship && (ship.name || ship.address.country)) {
    ship.name ||= buyer.name;
    ship.type = ship.name === buyer.name ? buyer.type : ship.type;
    const same = JSON.stringify({ ...ship, role: '' }) === JSON.stringify({ ...buyer, role: '', email: undefined, phone: undefined });
    if (!same && ship.address.country) parties.push(ship);
  }
  const order = { id: element.getAttribute('order-id') || 'checkout', parties, items: normaliseItems(items) };
  const [endUse] = values(form, element.getAttribute('field-end-use'));
  if (endUse) order.end_use = endUse;
  return order;
}
