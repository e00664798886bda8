// The wasm core (node flavour) screens every fixture order to the same bytes as `exportcheck screen
// --compact` on the same bundle: one engine, one contract. Also through the JS API (createChecker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { Core } from '../../web/lib/core.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Built by scripts/build.sh; the environment may point at other builds of the same sources.
const cli = process.env.EXPORTCHECK_CLI ?? path.join(root, 'build/core/cli/exportcheck');
const bundlePath = process.env.EXPORTCHECK_BUNDLE ?? path.join(root, 'public/bundle/default.ecb.gz');
const nodeCore = process.env.EXPORTCHECK_WASM_NODE ?? path.join(root, 'build-wasm/wasm/exportcheck-core-node.cjs');
const fixtures = path.join(root, 'tests/fixtures/orders');
const encoder = new TextEncoder();

let modulePromise;
async function wasm() {
  modulePromise ??= (async () => {
    const factory = createRequire(import.meta.url)(nodeCore);
    const m = await factory();
    const core = new Core(m);
    core.loadBundle(new Uint8Array(gunzipSync(readFileSync(bundlePath))));
    return m;
  })();
  return modulePromise;
}

// The raw reply of a C export, as the bytes it wrote (no JSON round trip in JavaScript); `options`, for an
// export that takes them (ec_screen_text, ec_read_orders_text), as an object.
function raw(m, name, text, options) {
  const bytes = encoder.encode(text);
  const opts = encoder.encode(`${JSON.stringify(options ?? {})}\0`);
  const ptr = m._malloc(bytes.length + 1 + opts.length);
  try {
    m.HEAPU8.set(bytes, ptr);
    m.HEAPU8[ptr + bytes.length] = 0;
    m.HEAPU8.set(opts, ptr + bytes.length + 1);
    return m.UTF8ToString(m[`_ec_${name}`](ptr, bytes.length, ptr + bytes.length + 1));
  } finally {
    m._free(ptr);
  }
}

function okText(reply) {
  assert.ok(reply.startsWith('{"ok":'), `expected an ok reply, got ${reply.slice(0, 300)}`);
  return reply.slice('{"ok":'.length, -1);
}

function cliLines(args) {
  const r = spawnSync(cli, ['screen', '--bundle', bundlePath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, lines: r.stdout.split('\n').filter((l) => l.length > 0), stderr: r.stderr };
}

const jsonFixtures = readdirSync(fixtures).filter((f) => f.endsWith('.json')).sort();

test('every JSON fixture order: the wasm report is byte-identical to the CLI report', async () => {
  const m = await wasm();
  assert.ok(jsonFixtures.length >= 15);
  for (const file of jsonFixtures) {
    const { status, lines, stderr } = cliLines(['--compact', path.join(fixtures, file)]);
    assert.equal(status, 0, `${file}: ${stderr}`);
    assert.equal(lines.length, 1);
    const fromWasm = okText(raw(m, 'screen', readFileSync(path.join(fixtures, file), 'utf8')));
    assert.equal(fromWasm, lines[0], `${file}: the wasm and CLI reports differ`);
  }
});

test('every report names the data date of each list it was screened against, as `bundle info` gives them', async () => {
  const m = await wasm();
  const info = JSON.parse(execFileSync(cli, ['bundle', 'info', bundlePath], { encoding: 'utf8' }));
  assert.deepEqual(Object.keys(info.list_dates).sort(), Object.keys(info.lists).sort());
  const file = path.join(fixtures, 'list-sdn-dubai.json');
  const fromWasm = okText(raw(m, 'screen', readFileSync(file, 'utf8')));
  assert.equal(fromWasm, cliLines(['--compact', file]).lines[0]);
  const report = JSON.parse(fromWasm);
  assert.deepEqual(report.bundle.list_dates, info.list_dates);
  assert.equal(report.bundle.id, info.id);
  for (const [list, date] of Object.entries(report.bundle.list_dates)) assert.match(date, /^\d{4}-\d{2}(-\d{2})?$/, list);
});

test('JSON lines and CSV orders: the same reports in wasm and on the command line', async () => {
  const m = await wasm();
  const jsonl = path.join(fixtures, 'sample-orders.jsonl');
  const fromCli = cliLines([jsonl]).lines;
  const fromWasm = readFileSync(jsonl, 'utf8').split('\n').filter((l) => l.trim()).map((l) => okText(raw(m, 'screen', l)));
  assert.deepEqual(fromWasm, fromCli);

  const csv = path.join(fixtures, 'sample-orders.csv');
  const csvCli = cliLines([csv]).lines;
  const { orders, errors } = JSON.parse(okText(raw(m, 'read_orders_text', readFileSync(csv, 'utf8'), { format: 'csv' })));
  assert.deepEqual(errors, []);
  assert.equal(orders.length, csvCli.length);
  orders.forEach((order, i) => assert.equal(okText(raw(m, 'screen', JSON.stringify(order))), csvCli[i], `CSV order ${i + 1}`));
});

test('a full request (clearances, settings, screened_at) gives the same report both ways', async () => {
  const m = await wasm();
  const dir = mkdtempSync(path.join(tmpdir(), 'exportcheck-parity-'));
  try {
    const order = JSON.parse(readFileSync(path.join(fixtures, 'list-uvl-hong-kong.json'), 'utf8'));
    const first = JSON.parse(okText(raw(m, 'screen', JSON.stringify(order))));
    const hit = first.findings.find((f) => f.kind === 'party_match');
    assert.ok(hit, 'the UVL fixture should hit');
    const clearances = [{ party_fingerprint: hit.evidence.party_fingerprint, list: hit.evidence.list,
      source_id: hit.evidence.source_id, entry_fingerprint: hit.evidence.entry_fingerprint,
      reason: 'test clearance', by: 'parity test', at: '2026-07-10T09:00:00Z' }];
    const settings = { thresholds: { price_premium: 0.4 } };
    const screenedAt = '2026-07-10T09:00:00Z';
    writeFileSync(path.join(dir, 'c.json'), JSON.stringify(clearances));
    writeFileSync(path.join(dir, 's.json'), JSON.stringify(settings));
    const fromCli = cliLines(['--compact', '--clearances', path.join(dir, 'c.json'), '--settings', path.join(dir, 's.json'),
      '--screened-at', screenedAt, path.join(fixtures, 'list-uvl-hong-kong.json')]);
    assert.equal(fromCli.status, 0, fromCli.stderr);
    const fromWasm = okText(raw(m, 'screen', JSON.stringify({ order, clearances, settings, screened_at: screenedAt })));
    assert.equal(fromWasm, fromCli.lines[0]);
    const report = JSON.parse(fromWasm);
    assert.equal(report.decision, 'clear');
    assert.equal(report.findings.find((f) => f.kind === 'party_match').severity, 'cleared');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad input is refused with the same error code both ways, naming the field', async () => {
  const m = await wasm();
  const bad = '{"id": "bad", "items": [{"description": "A100", "quantity": "ten"}]}';
  const reply = JSON.parse(raw(m, 'screen', bad));
  assert.equal(reply.error.code, 'bad_order');
  assert.match(reply.error.message, /items\[0\]\.quantity: expected a number, got "ten"/);
  const dir = mkdtempSync(path.join(tmpdir(), 'exportcheck-parity-'));
  try {
    writeFileSync(path.join(dir, 'bad.json'), bad);
    const r = cliLines([path.join(dir, 'bad.json')]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /items\[0\]\.quantity: expected a number, got "ten" \[bad_order\]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(JSON.parse(raw(m, 'screen', '{not json')).error.code, 'bad_json');
  const csv = 'order_id,item.description,item.quantity\nA,A100,lots\n';
  const [rowError] = JSON.parse(okText(raw(m, 'read_orders_text', csv, { name: 'commandes.csv' }))).errors;
  assert.equal(rowError.line, 2);
  assert.equal(rowError.column, 'item.quantity');
  assert.equal(rowError.error.message, 'commandes.csv line 2, column 3 (item.quantity): expected a number, got "lots"');
  assert.equal(rowError.error.message_id, 'in.csv_cell');
  // The same row error and the same refusal in French: the core renders them in the language asked for.
  const fr = JSON.parse(okText(raw(m, 'read_orders_text', csv, { name: 'commandes.csv', lang: 'fr' }))).errors[0];
  assert.equal(fr.error.message, '« commandes.csv », ligne 2, colonne 3 (« item.quantity ») : nombre attendu, reçu « lots »');
  assert.deepEqual(fr.error.params, rowError.error.params);
  const refused = JSON.parse(raw(m, 'read_orders_text', '\x89PNG\r\n', { name: 'photo.csv', lang: 'fr' }));
  assert.equal(refused.error.code, 'bad_csv');
  assert.equal(refused.error.message_id, 'in.file');
  assert.match(refused.error.message, /^« photo\.csv » : ce n'est pas un CSV de commandes/);
  const frOrder = JSON.parse(raw(m, 'screen', JSON.stringify({ order: JSON.parse(bad), lang: 'fr' })));
  assert.equal(frOrder.error.code, 'bad_order');
  assert.equal(frOrder.error.message, '« items[0].quantity » : nombre attendu, reçu « ten »');
});

test('the catalogue is listed for the app (ec_products)', async () => {
  const m = await wasm();
  const products = JSON.parse(okText(raw(m, 'products', '{}')));
  const a100 = products.find((p) => p.id === 'nvidia-a100');
  assert.equal(a100.likely_eccn, '3A090.a');
  assert.ok(products.some((p) => p.kind === 'system'));
});

test('the JS API screens through the same core', async () => {
  const { createChecker } = await import('../../web/lib/exportcheck.mjs');
  const publicKeyPem = process.env.EXPORTCHECK_PUBLIC_KEY ?? path.join(root, 'tests/keys/test-ed25519-public.pem');
  const publicKey = execFileSync(cli, ['bundle', 'pubkey', publicKeyPem], { encoding: 'utf8' }).trim();
  const checker = await createChecker({
    bundle: new Uint8Array(readFileSync(bundlePath)),
    signature: new Uint8Array(readFileSync(`${bundlePath}.sig`)),
    publicKey,
  });
  const order = JSON.parse(readFileSync(path.join(fixtures, 'rule-a100-hong-kong.json'), 'utf8'));
  const report = await checker.screen(order);
  const fromCli = JSON.parse(cliLines(['--compact', path.join(fixtures, 'rule-a100-hong-kong.json')]).lines[0]);
  assert.deepEqual(report, fromCli);
  assert.equal(report.decision, 'license_required');
});
