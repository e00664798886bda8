// First visit in a real browser (Debian's Chromium, headless, fresh profile): the page downloads the signed
// default bundle, checks it, stores it, says plainly that the lists are old, and screens an order; talking
// to no other origin and logging no error. A tampered default bundle is refused with a plain message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openApp, screenshot } from './support.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('first visit: the signed default bundle is verified, stored, and its lists and dates are shown', async (t) => {
  const page = await env.newPage();
  const state = await openApp(page, env.server.url);
  const status = await page.textContent('#status');
  assert.equal(state, 'ready', `the page did not load the bundle: ${status}\n${page.problems.join('\n')}`);
  assert.match(status, /downloaded, their signature checked and stored/);

  // The lists are old and the page says so on every view, with how to refresh.
  // The lists' age in one line, and one more line when a list is older than the warning age (90 days).
  assert.match(await page.textContent('#bundle-chip'), /^Lists as of \S.* \d{4} \([\d,]+ days old\)$/);
  assert.equal(await page.isVisible('#age-warning'), true, 'no warning that the lists are old');
  assert.match(await page.textContent('#age-warning'), /\d+ of \d+ lists are older than 90 days[\s\S]*newer signed bundle/);
  const tall = await page.evaluate(() => document.querySelector('#age-warning').getBoundingClientRect().height);
  assert.ok(tall <= 48, `the age warning takes ${tall} px`);

  await page.click('#tab-lists');
  await page.waitForSelector('#view-lists:not([hidden])');
  assert.match(await page.textContent('#bundle-id'), /\S/);
  assert.match(await page.textContent('#lists-eu'), /EU consolidated sanctions list is not included/);
  for (const list of ['EL', 'SDN', 'DPL', 'UN']) {
    const count = Number((await page.textContent(`#lists tr[data-list="${list}"] td`)).replace(/\D/g, ''));
    assert.ok(count > 0, `no ${list} count shown`);
  }
  const dates = await page.$$eval('#sources tbody td.date', (cells) => cells.map((c) => c.textContent));
  assert.ok(dates.length >= 4, `expected the sources' dates, got ${dates}`);
  for (const date of dates) assert.match(date, /^\d{4}-\d{2}(-\d{2})?$/);
  assert.ok(await page.$('#sources tr[data-old="true"]'), 'no list is flagged as too old');
  await screenshot(page, 'first-visit-lists');

  for (const file of ['app.js', 'wasm/exportcheck-core.wasm', 'bundle/default.ecb.gz', 'bundle/default.ecb.gz.sig']) {
    assert.ok(env.requests.includes(new URL(file, env.server.url).href), `${file} was not requested`);
  }
  t.diagnostic(`page ready after ${await page.getAttribute('body', 'data-ready-ms')} ms (first visit, cold)`);

  // A second visit starts from the stored bundle.
  const state2 = await openApp(page, env.server.url);
  assert.equal(state2, 'ready');
  assert.match(await page.textContent('#status'), /signature checked\. Works offline/);
  t.diagnostic(`page ready after ${await page.getAttribute('body', 'data-ready-ms')} ms (second visit, stored bundle)`);
  env.assertClean();
  await page.close();
});

test('first visit: screen an order, the decision is shown in one sentence', async (t) => {
  const page = await env.newPage();
  await openApp(page, env.server.url, '#/screen');
  await page.waitForSelector('#example option:nth-child(2)', { state: 'attached' });
  await page.selectOption('#example', { index: 1 }); // SAMPLE-001, an ordinary order
  await page.click('button[type="submit"]');
  await page.waitForSelector('#result .report[data-decision]');
  const decision = await page.getAttribute('#result .report', 'data-decision');
  assert.ok(['clear', 'review', 'license_required', 'blocked'].includes(decision), decision);
  assert.match(await page.textContent('#decision-sentence'), /\w+/);
  await screenshot(page, 'first-visit-screened');
  env.assertClean();
  await page.close();
});

test('a tampered default bundle is refused with a plain message', async () => {
  const page = await env.newPage({ allowErrors: [/Failed to load resource/] });
  // A first visit again: no stored bundle, no service worker.
  await page.goto(env.server.url + 'icon.svg');
  await page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    for (const key of await caches.keys()) await caches.delete(key);
    await new Promise((resolve, reject) => {
      const req = indexedDB.deleteDatabase('exportcheck');
      req.onsuccess = resolve;
      req.onerror = () => reject(req.error);
    });
  });
  await page.route('**/bundle/default.ecb.gz', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[body.length >> 1] ^= 1;
    await route.fulfill({ response, body });
  });
  const state = await openApp(page, env.server.url);
  assert.equal(state, 'error');
  assert.equal(await page.getAttribute('#status', 'data-error'), 'bundle_signature_invalid');
  assert.match(await page.textContent('#status'), /signature check failed/);
  await screenshot(page, 'first-visit-tampered');
  env.assertClean();
  await page.close();
});
