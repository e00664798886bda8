// The reseller's own list in the page: an entry added with the keyboard is screened with the next order and
// its hit is shown as "your own list" with the reseller's consequence; it survives a reload; a CSV with an
// error changes nothing and says which line and field; a good CSV is imported, applied to batches (Workers)
// and exported back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { launch, openApp, screenshot } from './support.mjs';

let env;
let page;
before(async () => {
  env = await launch();
  page = await env.newPage();
});
after(async () => { await env?.close(); });

const buyer = (field) => `[name="party.buyer.${field}"]`;

async function screenBuyer(name, country) {
  await page.click('#tab-screen');
  await page.fill(buyer('name'), name);
  await page.selectOption(buyer('country'), country);
  await page.fill(buyer('city'), 'Singapore');
  await page.fill('.item input[name="description"]', 'NVIDIA GeForce RTX 4090');
  await page.fill('.item input[name="quantity"]', '1');
  await page.fill('[name="end_use"]', 'gaming PCs for retail');
  await page.evaluate(() => document.querySelector('#result')?.replaceChildren());
  await page.focus(buyer('name'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('#result .report[data-decision]', { timeout: 60_000 });
}

test('an entry added with the keyboard blocks the next order, shown as your own list', async (t) => {
  assert.equal(await openApp(page, env.server.url, '#/own'), 'ready');
  assert.match(await page.textContent('#own-empty'), /Your own list is empty/);

  // Saving without a consequence is refused at the field.
  await page.focus('#own-name');
  await page.keyboard.type('Bluepeak Compute Trading Pte. Ltd.');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#own-consequence-error:not([hidden])');
  assert.match(await page.textContent('#own-consequence-error'), /Choose what a match does/);
  assert.equal(await page.getAttribute('#own-consequence', 'aria-invalid'), 'true');

  await page.fill('#own-aliases', 'BPC Trading');
  await page.selectOption('#own-country', 'SG');
  await page.fill('#own-remarks', 'Asked us to relabel the boards as computer parts.');
  await page.check('#own-consequence-block');
  await page.focus('#own-name');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#own-entries tbody tr[data-id="OWN-0001"]');
  assert.match(await page.textContent('#own-status'), /was added to your own list/);
  assert.match(await page.textContent('#own-entries tbody tr[data-id="OWN-0001"]'), /Block the order/);
  await screenshot(page, 'own-list-entry');

  await screenBuyer('Bluepeak Compute Trading Pte Ltd', 'SG');
  assert.equal(await page.getAttribute('#result .report', 'data-decision'), 'blocked');
  const hit = '#result .finding[data-own-list="true"]';
  await page.waitForSelector(hit);
  assert.equal(await page.getAttribute(hit, 'data-rule'), 'OWN');
  const text = await page.textContent(hit);
  assert.match(text, /Your own list/);
  assert.match(text, /not an official restricted-party list/);
  assert.match(text, /block the order/);
  assert.match(text, /Asked us to relabel the boards/);
  assert.match(await page.textContent('#report-own-list'), /1 entry/);
  await screenshot(page, 'own-list-hit');
  env.assertClean();
});

test('after a reload the entry is still there and still screened', async (t) => {
  await page.reload();
  assert.equal(await openApp(page, env.server.url, '#/own'), 'ready');
  await page.waitForSelector('#own-entries tbody tr[data-id="OWN-0001"]');
  assert.match(await page.textContent('#own-entries'), /Bluepeak Compute Trading Pte\. Ltd\./);
  // By an alias, after the reload.
  await screenBuyer('BPC Trading', 'SG');
  await page.waitForSelector('#result .finding[data-own-list="true"]');
  assert.equal(await page.getAttribute('#result .report', 'data-decision'), 'blocked');
  env.assertClean();
});

test('a CSV with an error is refused with its line and field, and changes nothing', async (t) => {
  await page.click('#tab-own');
  const bad = 'source_id,name,country,consequence\nC-1,Kestrel Data Systems,HK,review\nC-2,Harbour Light Trading,HK,maybe\n';
  await page.setInputFiles('#own-import', { name: 'suppliers.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.waitForSelector('#own-import-error');
  const error = await page.textContent('#own-import-error');
  assert.match(error, /Nothing was imported from suppliers\.csv/);
  assert.match(error, /suppliers\.csv: line 3: field `consequence`: "maybe" must be block or review/);
  assert.match(error, /Your own list was not changed/);
  assert.equal(await page.$$eval('#own-entries tbody tr', (rows) => rows.length), 1);
  await screenshot(page, 'own-list-import-error');
  env.assertClean();
});

test('a good CSV is imported, applied to a batch in the Workers, and exported back', async (t) => {
  const good = 'source_id,name,country,consequence,remarks\nC-1,Kestrel Data Systems,HK,review,Would not name the end user.\n';
  await page.setInputFiles('#own-import', { name: 'suppliers.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.waitForSelector('#own-entries tbody tr[data-id="C-1"]');
  assert.match(await page.textContent('#own-status'), /suppliers\.csv: 1 entry added, 0 replaced\. Your own list now has 2 entries/);

  // The Lists page says the own list is screened beside the bundle.
  await page.click('#tab-lists');
  assert.match(await page.textContent('#lists-own'), /Your own list \(2 entries\) is screened with every order too/);

  await page.click('#tab-batch');
  const orders = [
    // Listed in Hong Kong, buying from Germany: the same name elsewhere holds the order for review.
    { id: 'OWN-B1', parties: [{ role: 'buyer', name: 'Kestrel Data Systems', type: 'organization', address: { city: 'Berlin', country: 'DE' } }],
      items: [{ description: 'laptop', quantity: 1 }], end_use: 'office use' },
    { id: 'OWN-B2', parties: [{ role: 'buyer', name: 'Bluepeak Compute Trading', type: 'organization', address: { city: 'Singapore', country: 'SG' } }],
      items: [{ description: 'laptop', quantity: 1 }], end_use: 'office use' },
  ];
  await page.setInputFiles('#batch-file', { name: 'own.jsonl', mimeType: 'application/x-ndjson',
    buffer: Buffer.from(orders.map((o) => JSON.stringify(o)).join('\n')) });
  await page.waitForSelector('#view-batch[data-state="done"]', { timeout: 120_000 });
  const decisions = await page.$$eval('#batch-results tbody tr', (rows) => Object.fromEntries(
    rows.map((r) => [r.querySelector('.open-report')?.textContent, r.dataset.decision])));
  assert.equal(decisions['OWN-B2'], 'blocked');
  assert.equal(decisions['OWN-B1'], 'review');

  await page.click('#tab-own');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#own-export')]);
  const csv = await readFile(await file.path(), 'utf8');
  assert.match(csv, /^list,list_name,source_id,type,name,aliases,/);
  assert.match(csv, /OWN,,C-1,,Kestrel Data Systems,,,,,,HK,/);
  assert.match(csv, /OWN,,OWN-0001,organization,Bluepeak Compute Trading Pte\. Ltd\.,BPC Trading,/);
  env.assertClean();
});

test('edit with the keyboard, delete with undo, and the view in French', async (t) => {
  await page.click('#tab-own');
  await page.click('#own-entries tr[data-id="OWN-0001"] button[data-action="edit"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'own-name');
  assert.match(await page.textContent('#own-form-title'), /Edit entry OWN-0001/);
  assert.equal(await page.inputValue('#own-aliases'), 'BPC Trading');
  // Escape leaves the entry as it was.
  await page.fill('#own-name', 'Something else');
  await page.keyboard.press('Escape');
  assert.match(await page.textContent('#own-form-title'), /Add an entry/);
  assert.match(await page.textContent('#own-entries tr[data-id="OWN-0001"]'), /Bluepeak Compute Trading Pte\. Ltd\./);
  // Edit again: hold for review instead of blocking.
  await page.click('#own-entries tr[data-id="OWN-0001"] button[data-action="edit"]');
  await page.check('#own-consequence-review');
  await page.focus('#own-city');
  await page.keyboard.type('Singapore');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Hold it for review/.test(document.querySelector('#own-entries tr[data-id="OWN-0001"]')?.textContent ?? ''));
  // The list changed: the page offers to rescreen the stored orders; the Bluepeak orders it blocked before now
  // need review, and are listed as changed.
  await page.waitForSelector('#own-rescreen:not([hidden]) #own-rescreen-start:not([disabled])');
  assert.match(await page.textContent('#own-rescreen'), /Your own list changed/);
  await page.click('#own-rescreen-start');
  await page.waitForSelector('#own-rescreen-summary', { timeout: 60_000 });
  assert.ok(Number(await page.getAttribute('#own-rescreen-result', 'data-changed')) >= 1, await page.textContent('#own-rescreen-summary'));
  assert.match(await page.textContent('#own-rescreen-result'), /OWN-B2/);
  await screenBuyer('Bluepeak Compute Trading Pte Ltd', 'SG');
  const hit = '#result .finding[data-own-list="true"]';
  await page.waitForSelector(hit);
  assert.match(await page.textContent(hit), /hold it for review/);
  assert.equal(await page.getAttribute(`${hit}`, 'class').then((c) => /severity-review/.test(c)), true);

  // Delete, then undo.
  await page.click('#tab-own');
  await page.click('#own-entries tr[data-id="C-1"] button[data-action="delete"]');
  await page.waitForSelector('#own-undo');
  assert.equal(await page.$$eval('#own-entries tbody tr', (rows) => rows.length), 1);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'own-undo');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#own-entries tr[data-id="C-1"]');
  assert.match(await page.textContent('#own-status'), /is back on your own list/);

  await page.selectOption('#language', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.match(await page.textContent('#own-title'), /Votre propre liste/);
  assert.match(await page.textContent('#own-entries'), /La retenir pour examen/);
  assert.match(await page.textContent('#tab-own'), /Votre liste/);
  await screenshot(page, 'own-list-fr');
  await page.selectOption('#language', 'en');
  env.assertClean();
});

test('a stored own list the core refuses is never dropped silently: the page says so, and deleting the bad entry fixes it', async (t) => {
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('exportcheck');
    open.onsuccess = () => {
      const tx = open.result.transaction('own_list', 'readwrite');
      tx.objectStore('own_list').put({ list: 'OWN', source_id: 'BAD-1', name: 'Broken Entry Ltd', consequence: 'maybe' });
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  }));
  await page.reload();
  assert.equal(await openApp(page, env.server.url, '#/own'), 'ready');
  assert.equal(await page.getAttribute('#status', 'data-error'), 'own_list');
  assert.match(await page.textContent('#status'), /could not be used, so orders are screened without it: .*field `consequence`: "maybe" must be block or review/);
  assert.match(await page.textContent('#own-status'), /could not be used/);
  await page.click('#own-entries tr[data-id="BAD-1"] button[data-action="delete"]');
  await page.waitForSelector('#own-undo');
  await screenBuyer('Bluepeak Compute Trading Pte Ltd', 'SG');
  await page.waitForSelector('#result .finding[data-own-list="true"]');
  assert.match(await page.textContent('#report-own-list'), /2 entries/);
  env.assertClean();
});
