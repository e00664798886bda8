// The demo shop (public/shop/), served with the app under the site's own CSP: the main page links to it,
// the "clear" preset passes and the order is placed, the "blocked" preset (a company on the Entity List)
// is held back, the shop's page receives the widget's events, and nothing leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openApp, screenshot } from './support.mjs';

let env;
before(async () => { env = await launch({ viewport: { width: 1200, height: 900 } }); });
after(async () => { await env?.close(); });

async function openShop(page) {
  await page.goto(new URL('shop/', env.server.url).href);
  await page.waitForSelector('#event-log li.ready', { timeout: 30_000 });
}

test('the main page links to the demo shop', async () => {
  // Leaving a page aborts what it was still fetching in the background (the service worker's precache, a
  // Worker's wasm): that is the browser's doing, not an error of the app.
  const page = await env.newPage({ allowErrors: [/^request failed: .* net::ERR_ABORTED$/] });
  await openApp(page, env.server.url); // the app's own download finishes before the page is left
  const href = await page.getAttribute('a[href="shop/"]', 'href');
  assert.equal(href, 'shop/');
  await Promise.all([page.waitForURL(/\/shop\/$/), page.click('a[href="shop/"]')]);
  assert.match(await page.title(), /demo shop/);
  env.assertClean();
  await page.close();
});

test('demo shop: a clear order is placed, a blocked order is held back', async (t) => {
  const page = await env.newPage();
  await openShop(page);
  const screen = await page.evaluate(() => document.getElementById('export-check').ready().then(() => true, () => false));
  assert.ok(screen, 'the widget did not load its lists');
  const status = () => page.evaluate(() => {
    const el = document.getElementById('export-check');
    return { state: el.getAttribute('state'), text: el.shadowRoot.querySelector('[part="message"]')?.textContent ?? '' };
  });
  await page.click('#preset-clear');
  await page.waitForFunction(() => ['clear', 'review', 'license_required', 'blocked', 'error']
    .includes(document.getElementById('export-check').getAttribute('state')));
  assert.deepEqual(await status(), { state: 'clear', text: 'Export check passed' });
  await page.click('#place-order');
  await page.waitForSelector('#placed:not([hidden])');
  assert.match(await page.textContent('#placed'), /Order placed .* Export check: clear\./);
  await screenshot(page, 'widget-shop-clear');

  await page.click('#preset-blocked');
  await page.waitForFunction(() => document.getElementById('export-check').getAttribute('state') === 'blocked');
  assert.deepEqual(await status(), { state: 'blocked', text: 'This order cannot be completed online. Please contact us.' });
  await page.click('#place-order');
  await page.waitForSelector('#event-log li.blocked >> text=/submit was held back/');
  assert.equal(await page.isHidden('#placed'), true, 'the blocked order was placed');
  const log = await page.$$eval('#event-log li', (items) => items.map((li) => li.textContent));
  assert.ok(log.some((l) => /exportcheck:result: clear\./.test(l)), log.join('\n'));
  assert.ok(log.some((l) => /exportcheck:result: blocked\. .*Huawei/.test(l)), log.join('\n'));
  await screenshot(page, 'widget-shop-blocked');
  env.assertClean();
  await page.close();
});
