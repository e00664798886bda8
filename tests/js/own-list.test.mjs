// The reseller's own list through the wasm core and the JS API: the same reports, byte for byte, as
// `exportcheck screen --list` on the same bundle; errors naming the line and field, changing nothing; the
// list applied to single orders and batches until cleared. Also: the default bundle finds the Chinese
// AI-chip makers on the Entity List by the names resellers type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createChecker } from '../../web/lib/exportcheck.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.EXPORTCHECK_CLI ?? path.join(root, 'build/core/cli/exportcheck');
const bundlePath = process.env.EXPORTCHECK_BUNDLE ?? path.join(root, 'public/bundle/default.ecb.gz');
const publicKeyPem = process.env.EXPORTCHECK_PUBLIC_KEY ?? path.join(root, 'tests/keys/test-ed25519-public.pem');
const exampleList = path.join(root, 'data/lists/example-own-list.csv');

let checkerPromise;
function checker() {
  checkerPromise ??= createChecker({
    bundle: new Uint8Array(readFileSync(bundlePath)),
    signature: new Uint8Array(readFileSync(`${bundlePath}.sig`)),
    publicKey: execFileSync(cli, ['bundle', 'pubkey', publicKeyPem], { encoding: 'utf8' }).trim(),
  });
  return checkerPromise;
}

const order = {
  id: 'OWN-PARITY',
  parties: [
    { role: 'buyer', name: 'Sunrise Compute Trading Pte Ltd', type: 'organization', address: { city: 'Singapore', country: 'SG' } },
    { role: 'forwarder', name: 'GB Logistics', type: 'organization', address: { city: 'Dubai', country: 'AE' } },
  ],
  items: [{ description: 'NVIDIA RTX 4090', quantity: 2 }],
};
const request = { order, screened_at: '2026-07-10T09:00:00Z' };

function inTemp(files, fn) {
  const dir = mkdtempSync(path.join(tmpdir(), 'exportcheck-own-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cliScreen(dir, args) {
  return spawnSync(cli, ['screen', '--bundle', bundlePath, '--compact', ...args], { cwd: dir, encoding: 'utf8' });
}

test('the default bundle: "Moore Threads", "Inspur (HK)", "Sophgo Technologies" and "Biren Technology" find their Entity List entries', async () => {
  const c = await checker();
  const expected = {
    'Moore Threads': ['CSL-EL-668ed7d9dbf2'], // Moore Thread Intelligent Technology (Beijing), alias "Moore Threads"
    'Inspur (HK)': ['CSL-EL-e41ce9b8d1eb'], // Inspur (HK) Electronics Co., Ltd.
    'Sophgo Technologies': ['CSL-EL-57c85569d294', 'CSL-EL-c0b7ead20ac3'], // Sophgo Technologies Ltd. / Pte. Ltd.
    'Biren Technology': ['CSL-EL-65913ff6afdf'], // Shanghai Biren Intelligent Technology, alias "Biren Technology"
  };
  for (const [name, ids] of Object.entries(expected)) {
    const { hits } = await c.match({ name, top: 10 });
    const found = hits.filter((h) => h.list === 'EL').map((h) => h.source_id);
    for (const id of ids) assert.ok(found.includes(id), `${name}: ${id} not among ${JSON.stringify(hits.map((h) => [h.list, h.source_id, h.name, h.score]))}`);
  }
  const moore = (await c.match({ name: 'Moore Threads' })).hits[0];
  assert.match(moore.name, /^Moore Thread Intelligent Technology/);
});

test('setOwnList: the report is byte-identical to `exportcheck screen --list` on the same bundle', async () => {
  const c = await checker();
  const text = readFileSync(exampleList, 'utf8');
  const summary = await c.setOwnList(text, { name: 'example-own-list.csv' });
  assert.equal(summary.entries, 3);
  assert.deepEqual(c.ownList(), summary);
  const report = await c.screen(order, { screened_at: request.screened_at });
  assert.equal(report.decision, 'blocked');
  assert.deepEqual(report.own_list, summary);
  const own = report.findings.filter((f) => f.rule === 'OWN');
  assert.deepEqual(own.map((f) => [f.evidence.source_id, f.severity]).sort(), [['B-0001', 'review'], ['R-0001', 'blocked']]);

  const [digest] = await c.screenBatch([order], { digest: true, request: { screened_at: request.screened_at } });
  // The wasm's own bytes (no JSON round trip in JavaScript): the batch digest carries them.
  const fromCli = inTemp({ 'request.json': JSON.stringify(request) }, (dir) => {
    const r = cliScreen(dir, ['--list', exampleList, 'request.json']);
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  });
  assert.equal(digest.json, fromCli);
  await c.setOwnList('');
});

test('setOwnList: a malformed list is refused naming the line and field, as on the command line, and changes nothing', async () => {
  const c = await checker();
  await c.setOwnList(readFileSync(exampleList, 'utf8'), { name: 'example-own-list.csv' });
  const before = c.ownList();
  const bad = 'source_id,name,consequence\nC-1,Acme Trading,block\nC-2,Beta Systems,maybe\n';
  await assert.rejects(c.setOwnList(bad, { name: 'bad.csv' }), (err) => {
    assert.equal(err.code, 'import_invalid');
    assert.equal(err.message, 'bad.csv: line 3: field `consequence`: "maybe" must be block or review');
    return true;
  });
  assert.deepEqual(c.ownList(), before);
  inTemp({ 'bad.csv': bad, 'order.json': JSON.stringify(order) }, (dir) => {
    const r = cliScreen(dir, ['--list', 'bad.csv', 'order.json']);
    assert.equal(r.status, 1);
    assert.ok(r.stderr.includes('bad.csv: line 3: field `consequence`: "maybe" must be block or review [import_invalid]'), r.stderr);
  });
  await assert.rejects(c.parseOwnList('source_id,name\nC-1,Acme\n', { name: 'mine.csv' }),
    /mine\.csv: line 2: field `consequence`: is required in an own list/);
  await c.setOwnList('');
});

test('setOwnList: batches use the list until it is cleared; parseOwnList and ownListCsv round-trip the entries', async () => {
  const c = await checker();
  const { entries } = await c.parseOwnList(readFileSync(exampleList, 'utf8'));
  assert.equal(entries.length, 3);
  assert.equal(entries[0].list, 'OWN');
  assert.equal(entries[0].addresses.length, 2);
  const lines = entries.map((e) => JSON.stringify(e)).join('\n');
  const csv = await c.ownListCsv(lines);
  assert.deepEqual((await c.parseOwnList(csv)).entries, entries);

  await c.setOwnList(lines, { name: 'mine.jsonl' });
  const reports = await c.screenBatch([order, { ...order, id: 'OWN-2' }]);
  assert.deepEqual(reports.map((r) => r.decision), ['blocked', 'blocked']);
  assert.ok(reports.every((r) => r.own_list?.entries === 3));
  assert.equal(await c.setOwnList(''), null);
  assert.equal(c.ownList(), null);
  const after = await c.screen(order);
  assert.equal(after.own_list, undefined);
  assert.ok(!after.findings.some((f) => f.rule === 'OWN'));
});

test('the own list stays in use when another bundle is loaded into the same core', async () => {
  const { createRequire } = await import('node:module');
  const { gunzipSync } = await import('node:zlib');
  const { Core } = await import('../../web/lib/core.js');
  const nodeCore = process.env.EXPORTCHECK_WASM_NODE ?? path.join(root, 'build-wasm/wasm/exportcheck-core-node.cjs');
  const core = new Core(await createRequire(import.meta.url)(nodeCore)());
  const bytes = new Uint8Array(gunzipSync(readFileSync(bundlePath)));
  core.loadBundle(bytes);
  const summary = core.call('set_own_list', { text: readFileSync(exampleList, 'utf8'), name: 'example-own-list.csv' });
  const before = core.call('screen', request);
  core.loadBundle(bytes); // a replaced bundle: the own list is weighed again by the new bundle's index
  assert.deepEqual(core.call('own_list', {}), summary);
  assert.deepEqual(core.call('screen', request), before);
  assert.equal(before.own_list.sha256, summary.sha256);
});
