// Name-matching latency in wasm under node: the same queries as the native benchmark, through ec_match of
// the node flavour of the core (build-wasm/wasm/exportcheck-core-node.cjs). Prints bundle load + index build
// time, per-query p50/p90/p99 (ec_match, JSON in and out included) and the wasm memory size.
// Usage: node bench/match-latency-wasm.mjs QUERIES.jsonl [BUNDLE.ecb.gz]
// (QUERIES.jsonl from `build/bench/bench_match_latency --emit-queries QUERIES.jsonl`; see bench/README.md)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { callExport } from './wasm-call.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [queriesPath, bundlePath = path.join(root, 'public/bundle/default.ecb.gz')] = process.argv.slice(2);
if (!queriesPath) {
  console.error('usage: node bench/match-latency-wasm.mjs QUERIES.jsonl [BUNDLE.ecb.gz]');
  process.exit(2);
}

const factory = createRequire(import.meta.url)(path.join(root, 'build-wasm/wasm/exportcheck-core-node.cjs'));
const m = await factory();
const call = (fn, text) => callExport(m, fn, text);

const raw = gunzipSync(readFileSync(bundlePath));
const loads = [];
for (let k = 0; k < 3; k++) {
  const ptr = m._malloc(raw.length);
  m.HEAPU8.set(raw, ptr);
  const start = performance.now();
  const reply = JSON.parse(m.UTF8ToString(m._ec_load_bundle(ptr, raw.length)));
  loads.push(performance.now() - start); // ec_load_bundle frees the bytes it is given
  if (!reply.ok) throw new Error(JSON.stringify(reply));
}

const queries = readFileSync(queriesPath, 'utf8').split('\n').filter((l) => l.length > 0);
// Warm up on other names: a name asked twice is answered from the core's recent queries, which would flatter
// the figures. The warm-up is the whole set once: V8 runs wasm first as compiled by its quick baseline compiler
// and moves each function to optimised code only once it is hot, and 200 queries left part of the run on the
// baseline code (p50 1.1x to 1.3x higher, varying from run to run). A page or Worker that screens is past that.
for (const q of queries) call(m._ec_match, JSON.stringify({ name: `${JSON.parse(q).name} Warmup` }));
const times = [];
let withHits = 0;
for (const q of queries) {
  const start = performance.now();
  const reply = call(m._ec_match, q);
  times.push((performance.now() - start) * 1000);
  if (!reply.includes('"hits":[]')) withHits++;
}
times.sort((a, b) => a - b);
const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
const mean = times.reduce((a, b) => a + b, 0) / times.length;
loads.sort((a, b) => a - b);
console.log(`bundle load + index build in wasm (ec_load_bundle): ${loads[1].toFixed(1)} ms median of ${loads.length}`);
console.log(`wasm memory: ${(m.HEAPU8.length / 1048576).toFixed(1)} MiB`);
console.log(`queries: ${times.length} (${withHits} with hits); per query (ec_match, JSON included) ` +
  `p50 ${at(0.5).toFixed(1)} us, p90 ${at(0.9).toFixed(1)} us, p99 ${at(0.99).toFixed(1)} us, mean ${mean.toFixed(1)} us`);
