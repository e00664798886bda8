// The JS API in node: match, screen, screenBatch (progress, results in order, refused orders as error rows,
// cancellation), parseOrders; and the app's pure helpers (CSV, list ages, retention, audit export/import).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createChecker, ExportCheckError } from '../../web/lib/exportcheck.mjs';
import { runTasks } from '../../web/lib/batch.js';
import { toCsv, parseCsv } from '../../web/app/csv.js';
import { listAges } from '../../web/lib/list-ages.js';
import { retention, exportCsv, exportJson, parseExport, screensOfac, latestAdjudications } from '../../web/app/audit-log.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'build/core/cli/exportcheck');
const bundlePath = path.join(root, 'public/bundle/default.ecb.gz');
const publicKeyPem = process.env.EXPORTCHECK_PUBLIC_KEY ?? path.join(root, 'tests/keys/test-ed25519-public.pem');
const publicKey = execFileSync(cli, ['bundle', 'pubkey', publicKeyPem], { encoding: 'utf8' }).trim();
const samples = readFileSync(path.join(root, 'public/samples/orders.jsonl'), 'utf8');

let checkerPromise;
const checker = () => {
  checkerPromise ??= createChecker({
    bundle: new Uint8Array(readFileSync(bundlePath)), signature: new Uint8Array(readFileSync(bundlePath + '.sig')), publicKey,
  });
  return checkerPromise;
};

// --- the batch runner, with a stand-in for the core ---------------------------------------------------
const fakeScreen = (order) => {
  if (!order.id) throw new ExportCheckError('bad_order', 'id: missing');
  return { order_id: order.id, decision: order.id.endsWith('7') ? 'review' : 'clear', findings: [] };
};

const tasksOf = (orders, size) => Array.from({ length: Math.ceil(orders.length / size) },
  (_, i) => ({ from: i * size, count: Math.min(size, orders.length - i * size) }));

test('runTasks: every task once, in order, progress up to the total', async () => {
  const orders = Array.from({ length: 230 }, (_, i) => ({ id: `O-${i}` }));
  const progress = [];
  const seen = [];
  await runTasks((task) => orders.slice(task.from, task.from + task.count).map(fakeScreen), tasksOf(orders, 50), {
    onProgress: (p) => progress.push(p), onTask: (task, reports) => seen.push([task.from, reports.length, reports[0].order_id]),
  });
  assert.deepEqual(progress.map((p) => p.done), [0, 50, 100, 150, 200, 230]);
  assert.ok(progress.every((p) => p.total === 230 && p.rate >= 0));
  assert.deepEqual(seen, [[0, 50, 'O-0'], [50, 50, 'O-50'], [100, 50, 'O-100'], [150, 50, 'O-150'], [200, 30, 'O-200']]);
});

test('runTasks: an AbortSignal stops the batch with an AbortError', async () => {
  const controller = new AbortController();
  const orders = Array.from({ length: 1000 }, (_, i) => ({ id: `O-${i}` }));
  let seen = 0;
  await assert.rejects(runTasks(() => null, tasksOf(orders, 100), {
    signal: controller.signal,
    onProgress: (p) => { seen = p.done; if (p.done >= 300) controller.abort(); },
  }), { name: 'AbortError' });
  assert.equal(seen, 300);
  await assert.rejects(runTasks(() => null, tasksOf(orders, 100), { signal: AbortSignal.abort() }), { name: 'AbortError' });
});

// --- the real core -------------------------------------------------------------------------------------
test('createChecker: countries and limits from the core, parseOrders of JSON lines, screenBatch argument checks', async () => {
  const c = await checker();
  const codes = c.countries().map((country) => country.code);
  assert.equal(codes.length, 250);
  assert.ok(codes.includes('XK') && codes.includes('FR'));
  assert.deepEqual(c.countries().find((country) => country.code === 'DE'), { code: 'DE', name: 'Germany' });
  assert.equal(c.limits().orders_per_batch, 100_000);
  const { orders, errors } = await c.parseOrders(samples, { format: 'jsonl' });
  assert.equal(errors.length, 0);
  assert.ok(orders.length >= 10);
  assert.equal((await c.parseOrders(JSON.stringify(orders.slice(0, 2)), { format: 'json' })).orders.length, 2);
  await assert.rejects(c.screenBatch('nope'), { code: 'bad_argument' });
});

test('parseOrders: the core reads every format, names each bad line or row, in English or French', async () => {
  const c = await checker();
  const text = '{"id":"A"}\n\n  \nnot json\n[1]\n{"id":"B"}\r\n';
  const en = await c.parseOrders(text, { format: 'jsonl', name: 'shop.jsonl' });
  assert.deepEqual(en.orders, [{ id: 'A' }, { id: 'B' }]);
  assert.deepEqual(en.errors.map((e) => [e.line, e.code, e.message]), [
    [4, 'bad_json', 'shop.jsonl line 4, column 2: not valid JSON: syntax error'],
    [5, 'bad_order', 'shop.jsonl line 5: order: expected a JSON object']]);
  const fr = await c.parseOrders(text, { format: 'jsonl', name: 'shop.jsonl', lang: 'fr' });
  assert.deepEqual(fr.errors.map((e) => e.message_id), en.errors.map((e) => e.message_id));
  assert.match(fr.errors[1].message, /^« shop\.jsonl », ligne 5 : .*objet JSON attendu/);
  // A CSV with a bad cell: the good rows are read, the bad one named by line and column.
  const csv = readFileSync(path.join(root, 'tests/fixtures/orders/sample-orders.csv'), 'utf8');
  const good = await c.parseOrders(csv, { format: 'csv', name: 'shop.csv' });
  assert.equal(good.errors.length, 0);
  const badText = csv.replace('RTX 4090",1,4200,', 'RTX 4090",lots,4200,');
  assert.notEqual(badText, csv);
  const bad = await c.parseOrders(badText, { format: 'csv', name: 'shop.csv' });
  assert.equal(bad.errors.length, 1);
  assert.equal(bad.errors[0].line, 4);
  assert.equal(bad.errors[0].column, 'item.quantity');
  assert.ok(bad.errors[0].column && bad.errors[0].message.startsWith('shop.csv'), JSON.stringify(bad.errors[0]));
  assert.ok(bad.orders.length >= good.orders.length - 1 && bad.orders.length < good.orders.length, `${bad.orders.length} of ${good.orders.length}`);
  await assert.rejects(c.parseOrders('\x89PNG\r\n\x1a\n', { format: 'csv', name: 'photo.png' }), (err) => err instanceof ExportCheckError);
});

test('a batch over the documented maximum (100,000 orders) is refused whole: batch_too_large', async () => {
  const c = await checker();
  const order = { id: 'L', parties: [{ role: 'buyer', name: 'Meridian Components GmbH', country: 'DE' }], items: ['laptop'] };
  const tooMany = new Array(100_001).fill(order);
  const refusal = { code: 'batch_too_large', message: /^100,001 orders; a batch is limited to 100,000 orders/ };
  await assert.rejects(c.screenBatch(tooMany), refusal);
  await assert.rejects(c.parseOrders(`${JSON.stringify(order)}\n`.repeat(100_001), { format: 'jsonl', name: 'big.jsonl' }),
    { code: 'bad_order', message: 'big.jsonl: 100001 orders; one file is limited to 100000 orders' });
  // A file is counted and refused by the core, as the CLI refuses it (one place for the limits).
  await assert.rejects(c.screenText(`${JSON.stringify(order)}\n`.repeat(100_001), { format: 'jsonl', name: 'big.jsonl' }),
    { code: 'bad_order', message: 'big.jsonl: 100001 orders; one file is limited to 100000 orders' });
  assert.equal((await c.parseOrders(`${JSON.stringify(order)}\n`.repeat(100_000), { format: 'jsonl' })).orders.length, 100_000);
});

test('screen and screenBatch agree, order by order, and are deterministic', async (t) => {
  const c = await checker();
  const { orders } = await c.parseOrders(samples, { format: 'jsonl' });
  const one = [];
  for (const order of orders) one.push(await c.screen(order));
  const progress = [];
  const batch = await c.screenBatch(orders, { onProgress: (p) => progress.push(p.done), chunkSize: 4 });
  assert.deepEqual(batch, one);
  assert.equal(progress.at(-1), orders.length);
  for (const report of one) {
    assert.ok(['clear', 'review', 'license_required', 'blocked'].includes(report.decision), JSON.stringify(report).slice(0, 200));
    assert.equal(report.bundle.sha256, c.info().sha256);
  }
  // Digests carry the report's JSON text as the core wrote it.
  const digests = await c.screenBatch(orders, { digest: true });
  digests.forEach((d, i) => {
    assert.deepEqual(JSON.parse(d.json), one[i]);
    assert.equal(d.decision, one[i].decision);
    assert.equal(d.findings, one[i].findings.length);
    assert.deepEqual(d.main?.rule, one[i].findings[0]?.rule);
  });
  // A refused order is an error row, not a failed batch.
  const mixed = await c.screenBatch([orders[0], { parties: 'not a list' }]);
  assert.equal(mixed[1].error.code.length > 0, true);
  await assert.rejects(c.screen({ parties: 'not a list' }), (err) => err instanceof ExportCheckError);
});

test('screenText: JSON lines go to the core as text and give the reports of screenBatch; lines without an order are named by the core', async () => {
  const c = await checker();
  const request = { screened_at: '2026-07-10T09:00:00Z' };
  const { orders } = await c.parseOrders(samples, { format: 'jsonl' });
  const expected = await c.screenBatch(orders, { request, digest: true });
  const lines = samples.trim().split('\n');
  const text = [lines[0], 'not json', '', ...lines.slice(1), '[1]'].join('\n');
  const starts = [];
  const got = await c.screenText(text, { format: 'jsonl', request, digest: true, chunkSize: 3, onChunk: (from) => starts.push(from) });
  assert.deepEqual(got.reports, expected);
  assert.deepEqual(got.orders, orders);
  assert.deepEqual(got.errors.map((e) => e.line), [2, lines.length + 3]);
  assert.deepEqual(got.errors.map((e) => e.message), ['orders line 2, column 2: not valid JSON: syntax error',
    `orders line ${lines.length + 3}: order: expected a JSON object`]);
  assert.deepEqual(starts, Array.from({ length: Math.ceil((lines.length + 2) / 3) }, (_, i) => i * 3)); // tasks of 3 lines
  // CSV is read by the core: the same reports as its orders screened one by one.
  const csv = readFileSync(path.join(root, 'tests/fixtures/orders/sample-orders.csv'), 'utf8');
  const fromCsv = await c.screenText(csv, { format: 'csv', request });
  const parsed = await c.parseOrders(csv, { format: 'csv' });
  assert.deepEqual(fromCsv.reports, await c.screenBatch(parsed.orders, { request }));
});

test('match finds a listed name', async (t) => {
  const c = await checker();
  const result = await c.match({ name: 'Beijing Biren Technology Development Co., Ltd.', type: 'organization' });
  assert.ok(result.hits.length > 0, JSON.stringify(result));
  assert.equal(result.hits[0].list, 'EL');
});

// --- the app's pure helpers ------------------------------------------------------------------------------
test('CSV: quotes, line breaks and formula guards survive a round trip', () => {
  const rows = [['a', 'b,c', 'say "hi"'], ['line\nbreak', '=1+1', '-5'], ['', 'é', '@x']];
  const text = toCsv(rows);
  assert.ok(text.startsWith('\uFEFF'));
  assert.deepEqual(parseCsv(text), [['a', 'b,c', 'say "hi"'], ['line\nbreak', "'=1+1", '-5'], ['', 'é', "'@x"]]);
});

test('listAges: days per source, month-only dates count from the first day, the warning threshold', () => {
  const info = { sources: [{ key: 'csl', date: '2022-04-21' }, { key: 'ofac_cons', date: '2025-12' }, { key: 'x', date: '' }] };
  const now = Date.parse('2026-01-01T00:00:00Z');
  const ages = listAges(info, 30, now);
  assert.equal(ages.sources[0].days, 1351);
  assert.equal(ages.sources[1].days, 31);
  assert.equal(ages.sources[1].old, true);
  assert.equal(listAges(info, 40, now).sources[1].old, false);
  assert.equal(ages.sources[2].old, true, 'an undated list counts as old');
  assert.equal(ages.oldest.key, 'csl');
  assert.equal(ages.newest.key, 'ofac_cons');
});

test('listAges: a list is as old as its newest source (list_dates), however old the sources that only add detail', () => {
  const info = { list_dates: { SDN: '2026-07-31', EL: '2026-07-09' }, sources: [{ key: 'ofac_sdn', date: '2023-12-29' }, { key: 'csl', date: '2026-07-31' }] };
  const ages = listAges(info, 90, Date.parse('2026-08-31T00:00:00Z'));
  assert.deepEqual(ages.lists.map((l) => [l.key, l.days, l.old]), [['SDN', 31, false], ['EL', 53, false]]);
  assert.equal(ages.anyOld, false, 'the 2023 SDN detail file does not make the SDN list old');
  assert.equal(ages.oldest.key, 'EL');
  assert.equal(ages.sources[0].old, true);
});

test('retention: EAR 5 years, OFAC 10 years when OFAC lists are screened', () => {
  assert.deepEqual(retention('2026-11-28T10:00:00.000Z', true), { ear_until: '2031-11-28', ofac_until: '2036-11-28', keep_until: '2036-11-28' });
  assert.deepEqual(retention('2024-02-29T10:00:00.000Z', false), { ear_until: '2029-03-01', ofac_until: null, keep_until: '2029-03-01' });
  assert.equal(screensOfac({ lists: { SDN: 1 } }), true);
  assert.equal(screensOfac({ lists: { EL: 1 }, sources: [{ key: 'csl' }] }), false);
});

test('audit log: JSON and CSV exports read back to the same records', () => {
  const records = [{
    id: 3, uid: 'u-1', kind: 'single', time: '2026-11-28T10:00:00.000Z', order_id: 'SAMPLE-002', decision: 'blocked',
    order: { id: 'SAMPLE-002', parties: [{ role: 'buyer', name: 'Beijing "Biren", Ltd.\nline 2' }] },
    report: { order_id: 'SAMPLE-002', decision: 'blocked', findings: [{ kind: 'party_match', rule: 'R01', message: 'm' }] },
    bundle: { id: 'b', sha256: 'ab'.repeat(32), built_at: '2026-11-28T00:00:00Z' }, engine: '0.1.0',
    adjudications: [{ finding: 'R01|buyer|EL|1', status: 'false_positive', reason: 'other, company', reviewer: 'AB', time: '2026-11-28T11:00:00.000Z' }],
    retention: retention('2026-11-28T10:00:00.000Z', true),
  }];
  assert.deepEqual(parseExport(exportJson(records)), records);
  assert.deepEqual(parseExport(exportCsv(records)), records);
  const [header, row] = parseCsv(exportCsv(records));
  assert.equal(row[header.indexOf('bundle_sha256')], 'ab'.repeat(32));
  assert.equal(row[header.indexOf('ofac_keep_until')], '2036-11-28');
  assert.match(row[header.indexOf('adjudications')], /false_positive \(other, company\)/);
  assert.equal(latestAdjudications(records[0]).get('R01|buyer|EL|1').reviewer, 'AB');
  assert.throws(() => parseExport('{"format":"other","records":[]}'), /not an ExportCheck audit log/);
  assert.throws(() => parseExport('a,b\n1,2\n'), /record_json/);
});
