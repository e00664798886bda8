// A batch of 1,000 orders in the browser: read from a JSON-lines file, screened in Workers with a moving
// progress bar, then charted, filtered, sorted, opened row by row and exported; a batch can be cancelled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { launch, openApp, screenshot, root } from './support.mjs';

let env;
let page;
let orders;
before(async () => {
  const samples = (await readFile(path.join(root, 'public/samples/orders.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  orders = Array.from({ length: 1000 }, (_, i) => ({ ...samples[i % samples.length], id: `B-${String(i + 1).padStart(4, '0')}` }));
  env = await launch();
  page = await env.newPage();
});
after(async () => { await env?.close(); });

const jsonl = (list) => Buffer.from(list.map((o) => JSON.stringify(o)).join('\n') + '\n');

async function download(selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('1,000 orders: progress, chart, table, filter, report, exports', async (t) => {
  assert.equal(await openApp(page, env.server.url, '#/batch'), 'ready');
  // Record every value the progress bar takes.
  await page.evaluate(() => {
    window.progressSeen = [];
    const bar = document.querySelector('#batch-progress');
    new MutationObserver(() => window.progressSeen.push(Number(bar.dataset.done)))
      .observe(bar, { attributes: true, attributeFilter: ['data-done'] });
  });
  await page.setInputFiles('#batch-file', { name: 'orders-1000.jsonl', mimeType: 'application/x-ndjson', buffer: jsonl(orders) });
  await page.waitForSelector('#view-batch[data-state="done"]', { timeout: 120_000 });
  const seen = await page.evaluate(() => window.progressSeen);
  assert.ok(seen.some((v) => v > 0 && v < 1000), `the progress bar did not move through the batch: ${seen}`);
  assert.equal(seen.at(-1), 1000);
  assert.match(await page.textContent('#batch-progress-text'), /1,000 of 1,000 orders · [\d,]+ orders\/s/);
  const ms = Number(await page.getAttribute('#view-batch', 'data-elapsed-ms'));
  t.diagnostic(`1,000 orders screened in ${ms} ms in Chromium`);
  await page.waitForSelector('#view-batch[data-recorded="true"]', { timeout: 60_000 });
  assert.match(await page.textContent('#batch-summary'), /1,000 orders from orders-1000\.jsonl screened/);

  assert.equal(await page.$$eval('.charts figure svg', (svgs) => svgs.length) >= 1, true);
  assert.match(await page.getAttribute('.charts figure svg', 'aria-label'), /Decisions: Blocked \d+/);
  assert.match(await page.textContent('#batch-results .page-info'), /1–50 of 1,000/);
  await screenshot(page, 'batch-1000');

  // Filter by decision: every row shown has it.
  const decisions = await page.$$eval('#batch-results tbody tr', (rows) => [...new Set(rows.map((r) => r.dataset.decision))]);
  const pick = decisions[0];
  await page.selectOption('#batch-filter-decision', pick);
  const filtered = await page.$$eval('#batch-results tbody tr', (rows) => rows.map((r) => r.dataset.decision));
  assert.ok(filtered.length > 0 && filtered.every((d) => d === pick), `filter ${pick}: ${filtered}`);
  await page.selectOption('#batch-filter-decision', '');
  // Sort by order: ascending, then descending.
  await page.click('button.sort[data-column="order"]');
  assert.equal(await page.textContent('#batch-results tbody tr:first-child .open-report'), 'B-0001');
  await page.click('button.sort[data-column="order"]');
  assert.equal(await page.textContent('#batch-results tbody tr:first-child .open-report'), 'B-1000');
  // A row opens the full report.
  await page.click('#batch-results tbody tr:first-child .open-report');
  await page.waitForSelector('dialog.report-dialog[open] .report[data-decision]');
  assert.match(await page.textContent('dialog.report-dialog .record-meta'), /EAR: .* · OFAC: /);
  await screenshot(page, 'batch-row-report');
  await page.keyboard.press('Escape');
  // A hit of a batch record is adjudicated from its report (records written together share one stored value).
  // B-0002 is the second sample order, whose buyer is on the Entity List.
  await page.fill('#batch-filter-text', 'B-0002');
  await page.waitForFunction(() => document.querySelectorAll('#batch-results tbody tr').length === 1);
  const blockedId = await page.textContent('#batch-results tbody tr:first-child .open-report');
  await page.click('#batch-results tbody tr:first-child .open-report');
  const hit = 'dialog.report-dialog[open] .finding[data-kind="party_match"]';
  await page.waitForSelector(hit);
  await page.click(`${hit} button[data-action="false_positive"]`);
  await page.fill(`${hit} .adjudication-form textarea`, 'Another company of the same name');
  await page.click(`${hit} .adjudication-form button[type="submit"]`);
  await page.waitForSelector(`${hit} .adjudicated[data-status="false_positive"]`);
  await page.keyboard.press('Escape');
  await page.fill('#batch-filter-text', '');

  const csv = await download('#batch-export-csv');
  assert.equal(csv.text.replace(/^\uFEFF/, '').trim().split('\r\n').length, 1001);
  const json = JSON.parse((await download('#batch-export-json')).text);
  assert.equal(json.reports.length, 1000);

  // The audit log holds every screening whole: its order as given and its report as the core wrote it (the
  // batch's details are stored in groups, the reports packed as the Workers packed them, web/lib/report-bytes.js).
  await page.click('#tab-audit');
  await page.waitForSelector('#view-audit[data-records="1000"]');
  const log = JSON.parse((await download('#audit-export-json')).text);
  const byId = new Map(log.records.map((r) => [r.order_id, r]));
  assert.equal(byId.size, 1000);
  orders.forEach((order, i) => {
    const record = byId.get(order.id);
    assert.equal(record.kind, 'batch');
    assert.deepEqual(record.order, order);
    assert.deepEqual(record.report, json.reports.find((r) => r.order_id === order.id), `report of ${order.id} (#${i + 1})`);
  });
  const adjudicated = log.records.filter((r) => r.adjudications.length);
  assert.deepEqual(adjudicated.map((r) => [r.order_id, r.adjudications[0].status]), [[blockedId, 'false_positive']]);
  await page.click('#tab-batch');
  env.assertClean();
});

test('a batch can be cancelled', async (t) => {
  const many = Array.from({ length: 5000 }, (_, i) => ({ ...orders[i % orders.length], id: `C-${i + 1}` }));
  await page.evaluate(() => document.querySelector('#view-batch').removeAttribute('data-state'));
  await page.setInputFiles('#batch-file', { name: 'orders-5000.jsonl', mimeType: 'application/x-ndjson', buffer: jsonl(many) });
  // This batch's progress, not the last one's: it starts from 0 when the view turns to running.
  await page.waitForSelector('#view-batch[data-state="running"]');
  await page.waitForFunction(() => Number(document.querySelector('#batch-progress').dataset.done) > 0);
  await page.click('#batch-cancel');
  await page.waitForSelector('#view-batch[data-state="cancelled"]');
  assert.match(await page.textContent('.batch-messages'), /Cancelled after [\d,]+ of 5,000 orders/);
  env.assertClean();
});

test('the sample CSV is offered for download and, when the core reads CSV, screens', async (t) => {
  const sample = await download('#sample-csv');
  assert.match(sample.name, /\.csv$/);
  assert.ok(sample.text.trim().split('\n').length > 2);
  await page.evaluate(() => document.querySelector('#view-batch').removeAttribute('data-state'));
  await page.setInputFiles('#batch-file', { name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(sample.text) });
  await page.waitForSelector('#view-batch[data-state="done"]');
  assert.match(await page.textContent('#batch-summary'), /orders from orders\.csv screened/);
  env.assertClean();
});
