#!/usr/bin/env node
// A/B speed of two or more builds of the web flavour's wasm (bench/README.md, "Wasm size"): every module is
// loaded in this one node process, then rounds alternate between them so the machine's load hits all alike.
// Prints the median over rounds of CPU ms per ec_match (QUERIES.jsonl from `bench_match_latency
// --emit-queries`) and per ec_screen (ORDERS.jsonl from `node bench/browser-batch.mjs --emit`), relative to
// the first module.
//   node bench/wasm-ab.mjs --queries Q.jsonl --orders O.jsonl [--rounds 9] [--count 300] [--bundle B.ecb.gz] A.mjs B.mjs ...
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

import { callExport } from './wasm-call.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt, positionals: modules } = parseArgs({
  allowPositionals: true,
  options: {
    queries: { type: 'string' },
    orders: { type: 'string' },
    rounds: { type: 'string', default: '9' },
    count: { type: 'string', default: '300' },
    bundle: { type: 'string', default: path.join(root, 'public/bundle/default.ecb.gz') },
  },
});
if (!opt.queries || !opt.orders || modules.length < 1) {
  console.error('usage: node bench/wasm-ab.mjs --queries Q.jsonl --orders O.jsonl [--rounds 9] A.mjs [B.mjs ...]');
  process.exit(2);
}
// The core answers a name asked again from its recent queries: each round (and the first pass) gets its own.
const count = Number(opt.count);
const rounds = Number(opt.rounds);
const chunks = (file) => {
  const all = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
  if (all.length < count * (rounds + 1)) throw new Error(`${file}: needs ${count * (rounds + 1)} lines (--count, --rounds)`);
  return Array.from({ length: rounds + 1 }, (_, k) => all.slice(k * count, (k + 1) * count));
};
const queries = chunks(opt.queries);
const orders = chunks(opt.orders);
const bundle = gunzipSync(readFileSync(opt.bundle));
async function load(file) {
  const factory = (await import(pathToFileURL(path.resolve(file)).href)).default;
  const m = await factory({ wasmBinary: readFileSync(path.resolve(file).replace(/\.mjs$/, '.wasm')) });
  const call = (fn, text) => callExport(m, fn, text);
  const ptr = m._malloc(bundle.length);
  m.HEAPU8.set(bundle, ptr);
  const reply = JSON.parse(m.UTF8ToString(m._ec_load_bundle(ptr, bundle.length)));
  if (!reply.ok) throw new Error(`${file}: ${JSON.stringify(reply)}`);
  return { file, m, call, match: [], screen: [], outputs: new Set() };
}

const cores = [];
for (const file of modules) cores.push(await load(file));
// One pass first: warms the JIT and each core's rules, and checks that every build answers alike.
const answers = (c) =>
  queries[rounds].map((q) => c.call(c.m._ec_match, q)).join('\n') + orders[rounds].map((o) => c.call(c.m._ec_screen, o)).join('\n');
const reference = answers(cores[0]);
for (const c of cores.slice(1)) if (answers(c) !== reference) console.log(`${c.file}: answers differ from ${cores[0].file}`);

const cpuMs = (fn) => {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
for (let r = 0; r < rounds; r++) {
  for (const c of r % 2 ? [...cores].reverse() : cores) {
    c.match.push(cpuMs(() => queries[r].forEach((q) => c.call(c.m._ec_match, q))) / count);
    c.screen.push(cpuMs(() => orders[r].forEach((o) => c.call(c.m._ec_screen, o))) / count);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = cores[0];
console.log('ms per call (median of rounds), ratio to the first module');
for (const c of cores) {
  const m = median(c.match), s = median(c.screen);
  console.log(`ec_match ${m.toFixed(3)} (${(m / median(base.match)).toFixed(2)}x)  ec_screen ${s.toFixed(3)} ` +
              `(${(s / median(base.screen)).toFixed(2)}x)  ${c.file}`);
}
