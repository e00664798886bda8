// First visit in a real browser (Debian's Chromium, headless, fresh profile): the page downloads the signed
// default bundle, checks it, stores it, says plainly that the lists are old, and screens an order; talking
// to no other origin and logging no error. A tampered default bundle is refused with a plain message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openApp, screenshot } from './support.mjs';

// The Lists view: one row per list, by its official title and publisher (from the bundle), with its date, age
// and entries; as many rows as the age warning counts; the source files folded away, and a source that only
// adds detail says so instead of showing 0 entries.
async function listsReadAsAResellerExpects(page) {
  const rows = await page.$$eval('#lists tbody tr', (trs) => trs.map((tr) => ({
    list: tr.dataset.list, old: tr.dataset.old === 'true', title: tr.querySelector('.list-title')?.textContent ?? '',
    publisher: tr.querySelector('.list-publisher')?.textContent ?? '', date: tr.querySelector('td.date')?.textContent ?? '',
  })));
  const byList = Object.fromEntries(rows.map((r) => [r.list, r]));
  for (const r of rows) {
    assert.notEqual(r.title.replace(/\s*\(\w+\)$/, ''), r.list, `the ${r.list} list is shown by its code alone`);
    assert.match(r.date, /^\d{4}-\d{2}(-\d{2})?$/, `${r.list}: no data date`);
    assert.match(r.publisher, /\S/, `${r.list}: no publisher`);
  }
  assert.match(byList.SDN.title, /^Specially Designated Nationals and Blocked Persons List/);
  assert.match(byList.SDN.publisher, /Office of Foreign Assets Control/);
  assert.match(byList.UK.title, /^UK Sanctions List/);
  assert.match(byList.AU.title, /^Australian Sanctions Consolidated List/);
  assert.doesNotMatch(await page.textContent('#view-lists'), /imported list/);
  // The warning's "N of M lists" are the rows of this table.
  const [, old, total] = (await page.textContent('#age-warning')).match(/(\d+) of (\d+) lists/);
  assert.equal(rows.length, Number(total), 'the age warning and the Lists view count the lists differently');
  assert.equal(rows.filter((r) => r.old).length, Number(old));
  // The source files, under details; those that only add detail say to which list.
  assert.ok(await page.$('details#sources-details #sources'), 'the source files are not folded away');
  const sources = await page.$$eval('#sources tbody tr', (trs) => trs.map((tr) => ({
    role: tr.dataset.role, text: tr.querySelector('td:last-child').textContent })));
  assert.ok(sources.some((s) => s.role === 'detail'), 'no detail-only source');
  for (const s of sources) {
    if (s.role === 'detail') assert.match(s.text, /^(Adds detail to [\d,]+ listed part(y|ies) of [A-Z, ]+|Nothing: )/);
    else assert.match(s.text, /^[\d,]+ entr(y|ies) of [A-Z]/);
  }
}

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
  for (const list of ['EL', 'SDN', 'DPL', 'UN', 'UK', 'AU']) {
    const count = Number((await page.textContent(`#lists tr[data-list="${list}"] td.num`)).replace(/\D/g, ''));
    assert.ok(count > 0, `no ${list} count shown`);
  }
  await listsReadAsAResellerExpects(page);
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
