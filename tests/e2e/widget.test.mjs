// The <export-check> widget embedded in a shop on ANOTHER origin, under a strict CSP: the shop's page comes
// from one local server, the widget (script, worker, wasm, bundle) from a second one, as a shop would load
// it from the ExportCheck site. The widget starts its Worker from a blob module, styles its shadow root with
// adoptedStyleSheets, screens a clean and a blocked order, reports with composed events, holds back the
// blocked order's submit when the shop asks (block-on), and talks to no origin but the two.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, root, screenshot } from './support.mjs';

// A party on the default bundle's lists (the Entity List; OFAC's CMIC list too), and an ordinary customer.
const LISTED = { billing_company: 'Huawei Technologies Co., Ltd.', billing_address_1: 'Bantian, Longgang District',
  billing_city: 'Shenzhen', billing_postcode: '518129', billing_country: 'CN' };
const CLEAN = { billing_first_name: 'Camille', billing_last_name: 'Martin', billing_company: 'Lumière Calcul SAS',
  billing_address_1: '12 rue de la Charité', billing_city: 'Lyon', billing_postcode: '69002', billing_country: 'FR',
  billing_email: 'achats@lumiere-calcul.fr', order_comments: 'GPU rendering workstations for our animation studio' };
const CART = [{ title: 'NVIDIA GeForce RTX 4090 24GB graphics card', quantity: 2 }];
const CLEAN_ORDER = {
  id: 'PROP-1',
  parties: [{ role: 'buyer', name: 'Lumière Calcul SAS', type: 'organization',
    address: { lines: ['12 rue de la Charité'], city: 'Lyon', postal_code: '69002', country: 'FR' } }],
  items: [{ description: 'NVIDIA GeForce RTX 4090 24GB graphics card', quantity: 2 }],
  end_use: 'GPU rendering workstations for our animation studio',
};
// Where the widget is served from: public/ of this build (EXPORTCHECK_PUBLIC=DIR tests another built site).
const PUBLIC = path.resolve(process.env.EXPORTCHECK_PUBLIC ?? path.join(root, 'public'));

let widget; // the widget's origin: public/
let shop; // the shop's origin: a checkout page written for this test
let shopDir;
let userDataDir;
let context;
const requests = [];

// The shop's page: its own script and styles only; the widget from the other origin.
function shopFiles(widgetOrigin) {
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Test shop</title>
  <link rel="icon" href="icon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="shop.css">
  <script type="module" src="${widgetOrigin}/export-check.js"></script>
  <script type="module" src="shop.js"></script>
</head>
<body>
  <h1>Checkout</h1>
  <form id="checkout" action="thanks.html" method="get">
    <label>Full name <input name="billing_first_name"></label>
    <label>Last name <input name="billing_last_name"></label>
    <label>Company <input name="billing_company"></label>
    <label>Address <input name="billing_address_1"></label>
    <label>City <input name="billing_city"></label>
    <label>Postcode <input name="billing_postcode"></label>
    <label>Country <select name="billing_country"><option value="">Choose</option><option>FR</option>
      <option>CN</option><option>DE</option></select></label>
    <label>Email <input name="billing_email" type="email"></label>
    <label>What will you use them for? <input name="order_comments"></label>
    <export-check id="checkout-check" mode="checkout" form="checkout"
      field-name="billing_first_name billing_last_name" field-company="billing_company"
      field-address="billing_address_1" field-city="billing_city" field-postal-code="billing_postcode"
      field-country="billing_country" field-email="billing_email" field-end-use="order_comments" block-on="blocked"
      items='${JSON.stringify(CART)}'></export-check>
    <button type="submit" id="place-order">Place order</button>
  </form>
  <h2>Back office</h2>
  <export-check id="panel" mode="panel"></export-check>
  <div id="host"></div>
</body>
</html>
`;
  // Records every widget event at the document: they must cross shadow roots (composed) and bubble.
  const js = `window.events = [];
window.violations = [];
for (const type of ['exportcheck:ready', 'exportcheck:result', 'exportcheck:error', 'exportcheck:blocked']) {
  document.addEventListener(type, (event) => {
    const el = event.composedPath()[0];
    window.events.push({ type, id: el.id, at: performance.now(), decision: event.detail.decision ?? null,
      code: event.detail.code ?? null, message: event.detail.message ?? null,
      report: event.detail.report ?? null });
  });
}
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
// An element inside another component's shadow root, given its order as a property.
window.checkInShadow = (order) => {
  const host = document.getElementById('host');
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const el = document.createElement('export-check');
  el.id = 'in-shadow';
  el.order = order;
  window.insertedAt = performance.now();
  shadow.replaceChildren(el);
};
`;
  const css = 'body { font: 16px/1.4 system-ui, sans-serif; margin: 2rem; max-width: 48rem; }\n' +
    'label { display: block; margin: .3rem 0; }\n' +
    '#panel { --export-check-accent: #6b21a8; margin-top: 1rem; }\n' +
    '#checkout-check::part(status) { font-weight: 600; }\n';
  const icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#234"/></svg>\n';
  const thanks = '<!doctype html><title>Thanks</title><link rel="icon" href="icon.svg"><p id="thanks">Thank you</p>\n';
  return { 'index.html': html, 'shop.js': js, 'shop.css': css, 'icon.svg': icon, 'thanks.html': thanks };
}

before(async () => {
  widget = await startServer({ root: PUBLIC, port: 0 });
  const widgetOrigin = `http://127.0.0.1:${widget.port}`;
  shopDir = await mkdtemp(path.join(os.tmpdir(), 'exportcheck-shop-'));
  for (const [name, content] of Object.entries(shopFiles(widgetOrigin))) await writeFile(path.join(shopDir, name), content);
  const csp = `default-src 'none'; script-src 'self' ${widgetOrigin} 'wasm-unsafe-eval'; ` +
    `worker-src blob: ${widgetOrigin}; connect-src ${widgetOrigin}; style-src 'self'; img-src 'self'`;
  shop = await startServer({ root: shopDir, port: 0, csp, cors: false });
  userDataDir = await mkdtemp(path.join(os.tmpdir(), 'exportcheck-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1000, height: 900 }, locale: 'en-GB',
  });
  context.on('request', (req) => requests.push(req.url()));
});

after(async () => {
  await context?.close().catch(() => {});
  await widget?.close();
  await shop?.close();
  await rm(shopDir, { recursive: true, force: true });
  await rm(userDataDir, { recursive: true, force: true });
});

async function openShop({ allow = [] } = {}) {
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && msg.type() !== 'warning') return;
    const text = `console ${msg.type()}: ${msg.text()}`;
    if (!allow.some((re) => re.test(text))) page.problems.push(text);
  });
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  page.on('worker', (worker) => worker.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`worker console error: ${msg.text()}`);
  }));
  await page.goto(shop.url);
  return page;
}

const events = (page) => page.evaluate(() => window.events);

// Fills the shop's checkout form; the country last, as a customer would (its change event starts a check).
async function fillCheckout(page, fields) {
  for (const [name, value] of Object.entries(fields)) {
    if (name !== 'billing_country') await page.fill(`[name="${name}"]`, value);
  }
  await page.selectOption('[name="billing_country"]', fields.billing_country);
}

// The checkout element's status line as the customer sees it, and what the element says it shows.
const checkoutStatus = (page) => page.evaluate(() => {
  const el = document.getElementById('checkout-check');
  const status = el.shadowRoot.querySelector('[part="status"]');
  return { text: status.querySelector('[part="message"]')?.textContent ?? '', state: el.getAttribute('state'), color: getComputedStyle(status).color,
    role: status.getAttribute('role'), live: status.getAttribute('aria-live') };
});

// The widget is ready and its core can screen orders.
async function screenable(page) {
  const ready = await waitForEvent(page, 'exportcheck:ready', 'checkout-check');
  assert.ok(ready?.type === 'exportcheck:ready', `the widget did not load its lists: ${JSON.stringify(ready)}`);
  return true;
}
async function waitForEvent(page, type, id, count = 1) {
  await page.waitForFunction(([t, i, n]) => window.events.filter((e) => e.type === t && e.id === i).length >= n
    || window.events.some((e) => e.type === 'exportcheck:error'), [type, id, count], { timeout: 30_000 });
  const list = (await events(page)).filter((e) => e.id === id);
  const error = list.find((e) => e.type === 'exportcheck:error');
  assert.equal(error, undefined, `the widget reported an error: ${error?.code} ${error?.message}`);
  return list.filter((e) => e.type === type).at(-1);
}

function assertOnlyTwoOrigins() {
  const allowed = new Set([new URL(widget.url).origin, new URL(shop.url).origin]);
  const elsewhere = [...new Set(requests)].filter((u) => !/^(data|blob):/.test(u) && !allowed.has(new URL(u).origin));
  assert.deepEqual(elsewhere, [], 'requests went to another origin');
}

async function assertClean(page) {
  assert.deepEqual(await page.evaluate(() => window.violations ?? []), [], 'CSP violations');
  assert.deepEqual(page.problems, [], 'console errors');
  assertOnlyTwoOrigins();
}

test('cross-origin widget under a strict CSP: lists load in a blob-started Worker, styles adopted', async (t) => {
  const page = await openShop();
  const ready = await waitForEvent(page, 'exportcheck:ready', 'checkout-check');
  assert.ok(ready, 'no exportcheck:ready');
  const widgetOrigin = new URL(widget.url).origin;
  for (const file of ['export-check.js', 'export-check-worker.js', 'wasm/exportcheck-core.wasm', 'bundle/default.ecb.gz', 'bundle/default.ecb.gz.sig']) {
    assert.ok(requests.includes(`${widgetOrigin}/${file}`), `${file} was not loaded from the widget's origin`);
  }
  // Both elements share one Worker: the bundle was downloaded once.
  assert.equal(requests.filter((u) => u === `${widgetOrigin}/bundle/default.ecb.gz`).length, 1);
  // The shadow root's stylesheet applies (adoptedStyleSheets under style-src 'self'), themed from outside.
  const styles = await page.evaluate(() => {
    const panel = document.getElementById('panel').shadowRoot;
    const button = panel.querySelector('button');
    return { adopted: panel.adoptedStyleSheets.length, button: getComputedStyle(button).backgroundColor,
      display: getComputedStyle(panel.querySelector('form')).display };
  });
  assert.equal(styles.adopted, 1);
  assert.equal(styles.display, 'grid');
  assert.equal(styles.button, 'rgb(107, 33, 168)', 'the --export-check-accent custom property does not theme the panel');
  await assertClean(page);
  await page.close();
});

test('checkout: a clear order passes and the shop\'s submit goes through', async (t) => {
  const page = await openShop();
  await screenable(page);
  await fillCheckout(page, CLEAN);
  const result = await waitForEvent(page, 'exportcheck:result', 'checkout-check');
  assert.equal(result.decision, 'clear', `expected clear: ${result.report?.summary}`);
  assert.equal(result.report.order_id, 'checkout');
  assert.deepEqual(result.report.parties?.map((p) => p.name), ['Lumière Calcul SAS']);
  const status = await checkoutStatus(page);
  assert.equal(status.text, 'Export check passed');
  assert.equal(status.state, 'clear');
  assert.equal(status.role, 'status');
  assert.equal(status.live, 'polite');
  assert.equal(status.color, 'rgb(26, 127, 55)', 'the shadow stylesheet does not colour the status');
  await screenshot(page, 'widget-checkout-clear');
  await Promise.all([page.waitForURL(/\/thanks\.html\?/), page.click('#place-order')]);
  assert.equal(await page.textContent('#thanks'), 'Thank you');
  await assertClean(page);
  await page.close();
});

test('checkout: a listed buyer is blocked and the submit is held back (block-on="blocked")', async (t) => {
  const page = await openShop();
  await screenable(page);
  // The customer submits at once: the submit waits for the check, then stays held back.
  await fillCheckout(page, LISTED);
  await page.click('#place-order');
  const blocked = await waitForEvent(page, 'exportcheck:blocked', 'checkout-check');
  assert.equal(blocked.decision, 'blocked');
  const result = await waitForEvent(page, 'exportcheck:result', 'checkout-check');
  assert.equal(result.decision, 'blocked');
  const match = result.report.findings.find((f) => f.kind === 'party_match' && f.severity === 'blocked');
  assert.ok(match, 'no blocking party match in the report');
  assert.match(JSON.stringify(match.evidence), /Huawei Technologies/i);
  const status = await checkoutStatus(page);
  assert.equal(status.state, 'blocked');
  assert.equal(status.text, 'This order cannot be completed online. Please contact us.');
  assert.doesNotMatch(status.text, /Entity List|Huawei/, 'the customer is told which list matched');
  assert.equal(new URL(page.url()).pathname, '/', 'the blocked order was submitted');
  // A second try is held back at once, from the known result.
  await page.click('#place-order');
  await waitForEvent(page, 'exportcheck:blocked', 'checkout-check', 2);
  assert.equal(new URL(page.url()).pathname, '/');
  await screenshot(page, 'widget-checkout-blocked');
  await assertClean(page);
  await page.close();
});

test('panel: a back-office check of a listed party shows the decision, findings and evidence', async (t) => {
  const page = await openShop();
  await screenable(page);
  const panel = page.locator('#panel');
  await panel.locator('input[name="name"]').fill('Huawei Technologies Co., Ltd.');
  await panel.locator('select[name="country"]').selectOption('CN');
  await panel.locator('input[name="item"]').fill('NVIDIA H100 80GB PCIe');
  await panel.locator('input[name="quantity"]').fill('8');
  await panel.locator('button[type="submit"]').click();
  const result = await waitForEvent(page, 'exportcheck:result', 'panel');
  assert.equal(result.decision, 'blocked');
  const shown = await page.evaluate(() => {
    const root = document.getElementById('panel').shadowRoot;
    return { decision: root.querySelector('[part="decision"]').textContent, summary: root.querySelector('[part="summary"]')?.textContent,
      findings: [...root.querySelectorAll('[part="finding"]')].map((li) => li.textContent),
      footer: root.querySelector('[part="footer"]')?.textContent,
      announced: root.querySelector('[part="status"][role="status"] [part="message"]').textContent };
  });
  // A screen reader hears the decision and its summary once (the status line, visually hidden here).
  assert.equal(shown.announced, `Blocked. ${result.report.summary}`);
  assert.equal(shown.decision, 'Blocked');
  assert.equal(shown.summary, result.report.summary);
  assert.ok(shown.findings.length >= 2, `findings: ${shown.findings}`);
  // Each finding shows its rule, and a list match the entry it matched (list and id in that list).
  const match = result.report.findings.find((f) => f.kind === 'party_match' && f.severity === 'blocked');
  const cite = [match.evidence.list, match.evidence.source_id].filter(Boolean).join(' ');
  assert.ok(cite, `the report's party match names no list entry: ${JSON.stringify(match.evidence).slice(0, 300)}`);
  assert.ok(shown.findings.some((f) => f.includes(match.rule) && f.includes(cite)), `no finding cites ${cite}: ${shown.findings}`);
  assert.ok(shown.findings.some((f) => /LIC-3A090|LIC-H200-CASE/.test(f)), `no licence finding for the H100 to China: ${shown.findings}`);
  // The lists' age in one line; the default bundle's oldest list is years old, so it says what to do.
  assert.match(shown.footer, /^Lists as of \d{4}-\d{2}(-\d{2})? \(\d+ days old\)\. Older than 90 days: ask your list publisher for a newer signed bundle\.$/);
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, 'widget-panel-blocked');
  await assertClean(page);
  await page.close();
});

test('order property, element inside another shadow root: composed events, first result time', async (t) => {
  const page = await openShop();
  await screenable(page);
  await page.evaluate((order) => window.checkInShadow(order), CLEAN_ORDER);
  const result = await waitForEvent(page, 'exportcheck:result', 'in-shadow');
  assert.equal(result.decision, 'clear');
  assert.equal(result.report.order_id, 'PROP-1');
  t.diagnostic(`first result ${(result.at - (await page.evaluate(() => window.insertedAt))).toFixed(0)} ms after insertion (the page's Worker already running)`);
  await assertClean(page);
  await page.close();
});

test('own list: the shop\'s list (own-list attribute, then the ownList property) is screened with the order', async () => {
  const page = await openShop();
  await screenable(page);
  const list = 'list,source_id,name,type,country,consequence\nOWN,SHOP-1,Lumière Calcul SAS,organization,FR,block\n';
  await page.evaluate(([order, text]) => {
    const el = document.createElement('export-check');
    el.id = 'own-list';
    el.setAttribute('own-list', text);
    el.order = order;
    document.body.append(el);
  }, [CLEAN_ORDER, list]);
  const blocked = await waitForEvent(page, 'exportcheck:result', 'own-list');
  assert.equal(blocked.decision, 'blocked', 'the own list\'s entry did not block the order');
  assert.ok(blocked.report.findings.some((f) => f.rule === 'OWN' && f.evidence?.source_id === 'SHOP-1'));
  // The back office clears the list (property): the order is screened again, without it.
  await page.evaluate(() => { document.getElementById('own-list').ownList = ''; });
  const clear = await waitForEvent(page, 'exportcheck:result', 'own-list', 2);
  assert.equal(clear.decision, 'clear');
  assert.ok(!clear.report.findings.some((f) => f.rule === 'OWN'));
  // Elements without a list, sharing the same Worker, are not screened with another element's list.
  await page.evaluate(() => { document.getElementById('own-list').ownList = 'list,source_id,name,consequence\nOWN,X-1,Nobody Ltd,review\n'; });
  await page.evaluate((order) => window.checkInShadow(order), CLEAN_ORDER);
  assert.equal((await waitForEvent(page, 'exportcheck:result', 'in-shadow')).decision, 'clear');
  await assertClean(page);
  await page.close();
});

test('lists that cannot load: exportcheck:error with a code, the shop\'s checkout is not held', async () => {
  const page = await openShop({ allow: [/Failed to load resource: the server responded with a status of 404/] });
  await waitForEvent(page, 'exportcheck:ready', 'checkout-check');
  const widgetOrigin = new URL(widget.url).origin;
  await page.evaluate(([origin, order]) => {
    const el = document.createElement('export-check');
    el.id = 'missing-lists';
    el.setAttribute('bundle', `${origin}/bundle/missing.ecb.gz`);
    el.order = order;
    document.body.append(el);
  }, [widgetOrigin, CLEAN_ORDER]);
  await page.waitForFunction(() => window.events.some((e) => e.type === 'exportcheck:error' && e.id === 'missing-lists'));
  const errors = (await events(page)).filter((e) => e.type === 'exportcheck:error');
  assert.deepEqual(errors.map((e) => [e.id, e.code]), [['missing-lists', 'bundle_unavailable']], 'one error, for that element');
  assert.match(errors[0].message, /could not be loaded/);
  assert.equal(await page.evaluate(() => document.getElementById('missing-lists').getAttribute('state')), 'error');
  await assertClean(page);
  await page.close();
});

test('configured bundle and key: the signing key loads the lists, another key is refused', async () => {
  const page = await openShop();
  await waitForEvent(page, 'exportcheck:ready', 'checkout-check');
  // The key the build signed the default bundle with (scripts/build.sh).
  const pem = await readFile(process.env.EXPORTCHECK_PUBLIC_KEY ?? path.join(root, 'tests/keys/test-ed25519-public.pem'), 'utf8');
  const rawKey = createPublicKey(pem).export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  const bundle = `${new URL(widget.url).origin}/bundle/default.ecb.gz`;
  const add = (id, key) => page.evaluate(([i, b, k]) => {
    const el = document.createElement('export-check');
    el.id = i;
    el.setAttribute('bundle', b);
    el.setAttribute('public-key', k);
    document.body.append(el);
  }, [id, bundle, key]);
  await add('own-key', rawKey);
  assert.ok((await waitForEvent(page, 'exportcheck:ready', 'own-key'))?.type === 'exportcheck:ready');
  await add('other-key', randomBytes(32).toString('base64'));
  await page.waitForFunction(() => window.events.some((e) => e.type === 'exportcheck:error' && e.id === 'other-key'));
  const error = (await events(page)).find((e) => e.type === 'exportcheck:error' && e.id === 'other-key');
  assert.equal(error.code, 'bundle_signature_invalid');
  assert.ok(!(await events(page)).some((e) => e.type === 'exportcheck:ready' && e.id === 'other-key'), 'lists loaded with the wrong key');
  await assertClean(page);
  await page.close();
});
