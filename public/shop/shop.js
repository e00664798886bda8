// The demo shop's own script: a product list, a cart, a checkout form. The export check is the
// <export-check> element in the form: this script only hands it the cart (the `items` property) and
// listens to its events, as a real shop would.
const PRODUCTS = [
  { id: 'rtx4090', title: 'NVIDIA GeForce RTX 4090 24GB graphics card', price: 1899,
    blurb: 'Workstation and gaming GPU, 24 GB GDDR6X.' },
  { id: 'l40s', title: 'NVIDIA L40S 48GB PCIe', price: 8400, blurb: 'Data-centre GPU for inference and graphics.' },
  { id: 'h100-server', title: 'Supermicro SYS-821GE-TNHR with 8x NVIDIA H100 SXM5 80GB', price: 289000,
    blurb: '8-GPU HGX H100 server for AI training.' },
];
const COUNTRIES = ['AE', 'AU', 'BR', 'CA', 'CH', 'CN', 'DE', 'ES', 'FR', 'GB', 'HK', 'IN', 'IR', 'IT', 'JP', 'KR', 'MY',
  'NL', 'RU', 'SE', 'SG', 'TW', 'US'];
const PRESETS = {
  // An ordinary customer in France.
  clear: { first_name: 'Camille', last_name: 'Martin', company: 'Lumière Calcul SAS', address_1: '12 rue de la Charité',
    city: 'Lyon', postcode: '69002', country: 'FR', email: 'achats@lumiere-calcul.fr',
    end_use: 'GPU rendering workstations for our animation studio' },
  // A company on the US Entity List (and OFAC's CMIC list) in the default bundle.
  blocked: { first_name: 'Wei', last_name: 'Zhang', company: 'Huawei Technologies Co., Ltd.',
    address_1: 'Bantian, Longgang District', city: 'Shenzhen', postcode: '518129', country: 'CN', email: 'procurement@example.cn',
    end_use: 'AI research' },
};

const euro = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const $ = (selector) => document.querySelector(selector);
const cart = new Map(); // product id -> quantity
const check = $('#export-check');
const form = $('#checkout');

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function renderProducts() {
  $('#products').replaceChildren(...PRODUCTS.map((p) => el('li', { className: 'product' },
    el('h3', {}, p.title), el('p', { className: 'hint' }, p.blurb),
    el('p', { className: 'price' }, euro.format(p.price)),
    el('button', { type: 'button', className: 'add', onclick: () => add(p.id) }, 'Add to cart'))));
}

function add(id, quantity = 1) {
  cart.set(id, (cart.get(id) ?? 0) + quantity);
  cartChanged();
}

function cartChanged() {
  const rows = [...cart].map(([id, qty]) => {
    const p = PRODUCTS.find((x) => x.id === id);
    return el('tr', {}, el('td', {}, p.title), el('td', {}, String(qty)), el('td', {}, euro.format(qty * p.price)),
      el('td', {}, el('button', { type: 'button', className: 'link', onclick: () => { cart.delete(id); cartChanged(); } },
        'Remove')));
  });
  $('#cart tbody').replaceChildren(...rows);
  $('#cart-empty').hidden = cart.size > 0;
  $('#cart').hidden = cart.size === 0;
  const total = [...cart].reduce((sum, [id, qty]) => sum + qty * PRODUCTS.find((p) => p.id === id).price, 0);
  $('#cart-total').textContent = euro.format(total);
  // The widget screens the items with the customer's details: it re-checks when they change.
  check.items = [...cart].map(([id, quantity]) => {
    const p = PRODUCTS.find((x) => x.id === id);
    return { description: p.title, quantity, unit_price: p.price, currency: 'EUR' };
  });
}

function fill(preset) {
  if (cart.size === 0) add('rtx4090', 2);
  for (const [name, value] of Object.entries(PRESETS[preset])) form.elements.namedItem(name).value = value;
  $('#placed').hidden = true;
  form.dispatchEvent(new Event('change', { bubbles: true }));
}

function log(text, kind) {
  const item = el('li', { className: kind }, el('time', {}, new Date().toLocaleTimeString('en-GB')), ' ', text);
  $('#event-log').prepend(item);
}

function init() {
  renderProducts();
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  $('#country').append(...COUNTRIES.map((code) => ({ code, name: names.of(code) }))
    .sort((a, b) => a.name.localeCompare(b.name)).map(({ code, name }) => el('option', { value: code }, name)));
  cartChanged();
  $('#preset-clear').addEventListener('click', () => fill('clear'));
  $('#preset-blocked').addEventListener('click', () => fill('blocked'));

  // The shop's own checkout: here it only says the order was placed. A blocked order never gets this far:
  // the widget holds the submit back (block-on="blocked").
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (cart.size === 0) {
      $('#placed').textContent = 'Add something to your cart first.';
    } else {
      $('#placed').textContent = `Order placed (demo: nothing was sent anywhere). Export check: ${check.decision ?? 'not run'}.`;
    }
    $('#placed').hidden = false;
  });

  document.addEventListener('exportcheck:result', (e) => {
    if (e.target.id !== 'export-check') return;
    log(`exportcheck:result: ${e.detail.decision}. ${e.detail.report.summary ?? ''}`, e.detail.decision);
  });
  document.addEventListener('exportcheck:blocked', (e) => log(`exportcheck:blocked: the submit was held back (${e.detail.decision}).`, 'blocked'));
  document.addEventListener('exportcheck:error', (e) => log(`exportcheck:error: ${e.detail.code}: ${e.detail.message}`, 'error'));
  document.addEventListener('exportcheck:ready', (e) => {
    if (e.target.id !== 'export-check') return;
    log(`exportcheck:ready: lists ${e.detail.info.id} built ${String(e.detail.info.built_at).slice(0, 10)}.`, 'ready');
  });
}

init();
