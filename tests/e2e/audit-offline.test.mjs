// The audit trail and offline use in the browser: a screened order is recorded with its bundle sha256, a hit
// is adjudicated (a false positive needs a reason), the log is exported as JSON and CSV and imported back
// without duplicates; then, with the server gone, the page reloads from its service worker and still screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { launch, openApp, screenshot, serviceWorkerControls } from './support.mjs';

let env;
let page;
before(async () => {
  env = await launch();
  page = await env.newPage();
});
after(async () => { await env?.close(); });

async function download(selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('a screening is recorded; a hit is adjudicated; the log exports and imports', async (t) => {
  assert.equal(await openApp(page, env.server.url), 'ready');
  const sha256 = await page.textContent('#sha256');

  await page.waitForSelector('#example option:nth-child(3)', { state: 'attached' });
  await page.selectOption('#example', { index: 2 }); // SAMPLE-002: a buyer on the Entity List
  await page.click('button[type="submit"]');
  await page.waitForSelector('#result .report[data-order-id="SAMPLE-002"]');
  const finding = '#result .finding[data-kind="party_match"]';
  await page.waitForSelector(finding);
  assert.ok(await page.$(`${finding} .names mark`), 'no matching words highlighted');

  // A false positive needs a reason.
  await page.click(`${finding} button[data-action="false_positive"]`);
  await page.click(`${finding} .adjudication-form button[type="submit"]`);
  assert.equal(await page.getAttribute(`${finding} .adjudication-form textarea`, 'aria-invalid'), 'true');
  assert.match(await page.textContent(`${finding} .adjudication-form .error-text`), /reason/);
  await page.fill(`${finding} .adjudication-form textarea`, 'Different company: registered in Shenzhen, not Beijing');
  await page.fill(`${finding} .adjudication-form input`, 'T. Tester');
  await page.click(`${finding} .adjudication-form button[type="submit"]`);
  await page.waitForSelector(`${finding} .adjudicated[data-status="false_positive"]`);
  await screenshot(page, 'audit-adjudicated');

  await page.click('#tab-audit');
  await page.waitForSelector('#view-audit[data-records="1"]');
  assert.match(await page.textContent('#view-audit tbody'), /SAMPLE-002[\s\S]*1 false positive/);
  await screenshot(page, 'audit-log');

  const json = await download('#audit-export-json');
  const log = JSON.parse(json.text);
  assert.equal(log.format, 'exportcheck-audit');
  assert.equal(log.records.length, 1);
  const [record] = log.records;
  assert.equal(record.order_id, 'SAMPLE-002');
  assert.equal(record.bundle.sha256, sha256);
  assert.equal(record.report.bundle.sha256, sha256);
  assert.equal(record.adjudications[0].status, 'false_positive');
  assert.equal(record.adjudications[0].reviewer, 'T. Tester');
  assert.match(record.retention.ear_until, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(Number(record.retention.ofac_until.slice(0, 4)) - Number(record.time.slice(0, 4)), 10);

  const csv = await download('#audit-export-csv');
  assert.match(csv.name, /\.csv$/);
  assert.match(csv.text, /SAMPLE-002/);
  assert.ok(csv.text.includes(sha256));

  // Importing the export again adds nothing.
  await page.setInputFiles('#audit-import', { name: 'log.json', mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await page.waitForFunction(() => /already present/.test(document.querySelector('#audit-status').textContent));
  assert.match(await page.textContent('#audit-status'), /0 records added, 1 already present/);
  env.assertClean();
});

test('offline: with the server gone the page reloads from its service worker and still screens', async (t) => {
  if (page.url() === 'about:blank') assert.equal(await openApp(page, env.server.url), 'ready');
  const controlled = await serviceWorkerControls(page);
  assert.ok(controlled, 'the service worker did not install (a precached file missing?) or does not control the page');
  await env.server.close();
  // Offline, the browser's own service-worker update check fails: that is expected.
  page.problems.length = 0;
  await page.reload();
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 60_000 });
  assert.equal(await page.getAttribute('body', 'data-state'), 'ready', await page.textContent('#status'));
  await page.click('#tab-audit');
  const served = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.workerStart > 0);
  assert.ok(served, 'the page was not served by the service worker');
  {
    await page.waitForSelector('#view-audit[data-records]');
    await page.click('#tab-screen');
    await page.waitForSelector('#example option:nth-child(2)', { state: 'attached' });
    await page.selectOption('#example', { index: 1 });
    await page.click('button[type="submit"]');
    await page.waitForSelector('#result .report[data-decision]');
  }
  await screenshot(page, 'offline-reload');
  const unexpected = page.problems.filter((p) => !/sw\.js|ServiceWorker|ERR_CONNECTION_REFUSED/.test(p));
  assert.deepEqual(unexpected, []);
  t.diagnostic(`page ready offline after ${await page.getAttribute('body', 'data-ready-ms')} ms`);
});
