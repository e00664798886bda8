// Name matching gives byte-identical JSON natively and in wasm: a few hundred queries over the default
// bundle through `exportcheck match --batch` and through the node flavour of the wasm core (ec_match), and
// pairs through `exportcheck compare --batch` and ec_compare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'build/core/cli/exportcheck');
const bundlePath = path.join(root, 'public/bundle/default.ecb.gz');

// Names of listed parties and ordinary people and firms, each also changed the ways people type them.
const SEEDS = [
  'Vladimir Putin', 'PUTIN, Vladimir Vladimirovich', 'Osama bin Laden', 'Kim Jong Un', 'Mohamad Ali Hasan',
  'Huawei Technologies Co., Ltd.', 'Tianjin Phytium Information Tech', 'Rosoboronexport', 'Sberbank of Russia',
  'Bank Melli Iran', 'Islamic Revolutionary Guard Corps', 'Hizballah', 'Al-Qaida', 'Moore Thread',
  'Inspur Group', 'Sugon', 'Semiconductor Manufacturing International Corporation', 'Hikvision',
  'Mahan Air', 'Kalashnikov Concern', 'Tactical Missiles Corporation JSC', 'Gazprom Neft', 'Rostec',
  'Michael Chan', 'International Trading Co', 'George Bush', 'Maria Garcia', 'John Smith', 'Li Wei',
  'Ahmed Hassan', 'Sergei Ivanov', 'Dmitry Medvedev', 'Viktor Bout', 'Ali Khamenei', 'Bashar al-Assad',
  'Nicolas Maduro', 'Abu Bakr al-Baghdadi', 'Ayman al-Zawahiri', 'Mohammed Omar', 'Joaquin Guzman Loera',
  'Владимир Путин', 'محمد علي', 'Ανδρέας Παπαδόπουλος', '김정은', 'Blue River Trading LLC', 'Acme Corp',
  'Shenzhen Tech Co Ltd', 'Beijing University of Aeronautics and Astronautics', 'Harbin Institute of Technology',
  'Zhipu AI', 'Cambricon Technologies', 'Biren Technology', 'Sophgo Technologies Ltd.', 'Nettrix',
];

function variants(name, i) {
  const out = [name, name.toUpperCase(), name.toLowerCase()];
  const words = name.split(' ');
  if (words.length > 1) out.push([...words.slice(1), words[0]].join(' '));
  if (name.length > 5) out.push(name.slice(0, 3) + name.slice(4));           // a letter dropped
  if (name.length > 6) out.push(name.slice(0, 4) + name[5] + name[4] + name.slice(6)); // two letters swapped
  out.push(`${name} Ltd`);
  return out.map((n, k) => {
    const q = { name: n };
    if ((i + k) % 5 === 1) q.type = 'person';
    if ((i + k) % 7 === 2) q.type = 'organization';
    if ((i + k) % 4 === 3) q.country = ['RU', 'CN', 'IR', 'US'][(i + k) % 4];
    if ((i + k) % 9 === 4) q.top = 3;
    if ((i + k) % 11 === 5) q.ref = `order-${i}-${k}`;
    return q;
  });
}

const QUERIES = SEEDS.flatMap(variants);
const PAIRS = SEEDS.flatMap((a, i) => [
  { a, b: SEEDS[(i + 1) % SEEDS.length] },
  { a, b: (variants(a, i)[4] ?? { name: a }).name, type: i % 2 ? 'person' : 'organization' },
  { a, b: a.toUpperCase() },
]);

async function wasmCore() {
  const factory = createRequire(import.meta.url)(path.join(root, 'build-wasm/wasm/exportcheck-core-node.cjs'));
  const m = await factory();
  const encoder = new TextEncoder();
  const call = (fn, text) => {
    const bytes = encoder.encode(text);
    const ptr = m._malloc(bytes.length + 1);
    m.HEAPU8.set(bytes, ptr);
    m.HEAPU8[ptr + bytes.length] = 0;
    try {
      return m.UTF8ToString(fn(ptr, bytes.length));
    } finally {
      m._free(ptr);
    }
  };
  const raw = gunzipSync(readFileSync(bundlePath));
  const ptr = m._malloc(raw.length);
  m.HEAPU8.set(raw, ptr);
  const loaded = JSON.parse(m.UTF8ToString(m._ec_load_bundle(ptr, raw.length))); // it frees the bytes
  assert.ok(loaded.ok, JSON.stringify(loaded));
  // The result inside {"ok": ...}, as the exact bytes the core wrote.
  const ok = (reply) => {
    assert.ok(reply.startsWith('{"ok":') && reply.endsWith('}'), reply.slice(0, 200));
    return reply.slice('{"ok":'.length, -1);
  };
  return {
    match: (query) => ok(call(m._ec_match, JSON.stringify(query))),
    compare: (pair) => ok(call(m._ec_compare, JSON.stringify(pair))),
    raw: (fn, text) => call(m[`_ec_${fn}`], text),
  };
}

function cliBatch(args, items) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'exportcheck-parity-'));
  try {
    const file = path.join(dir, 'in.jsonl');
    writeFileSync(file, items.map((q) => JSON.stringify(q)).join('\n') + '\n');
    return execFileSync(cli, [...args, '--batch', file], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n')
      .filter((l) => l.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test(`match: ${QUERIES.length} queries give the same bytes from the CLI and from wasm`, async (t) => {
  const expected = cliBatch(['match', '--bundle', bundlePath], QUERIES);
  assert.equal(expected.length, QUERIES.length);
  const core = await wasmCore();
  let withHits = 0;
  const start = performance.now();
  for (let i = 0; i < QUERIES.length; i++) {
    const got = core.match(QUERIES[i]);
    assert.equal(got, expected[i], `query ${i}: ${JSON.stringify(QUERIES[i])}`);
    if (JSON.parse(got).hits.length > 0) withHits++;
  }
  t.diagnostic(`${withHits} of ${QUERIES.length} queries with hits; wasm ${((performance.now() - start) /
    QUERIES.length).toFixed(1)} ms per query (including JSON)`);
  assert.ok(withHits > QUERIES.length / 3, 'listed names should be found');
});

test(`compare: ${PAIRS.length} pairs give the same bytes from the CLI and from wasm`, async () => {
  const expected = cliBatch(['compare'], PAIRS);
  const core = await wasmCore();
  for (let i = 0; i < PAIRS.length; i++) assert.equal(core.compare(PAIRS[i]), expected[i], JSON.stringify(PAIRS[i]));
});

test('wasm match and compare refuse bad input with the core\'s error codes', async () => {
  const core = await wasmCore();
  assert.equal(JSON.parse(core.raw('match', '{not json')).error.code, 'bad_json');
  assert.equal(JSON.parse(core.raw('match', '{"type":"person"}')).error.code, 'bad_query');
  assert.equal(JSON.parse(core.raw('match', '{"name":"x","type":"ship"}')).error.code, 'bad_query');
  assert.equal(JSON.parse(core.raw('compare', '{"a":"x"}')).error.code, 'bad_pair');
});
