// The wasm heap the core needs with the full default bundle: the size of the module's memory
// (memory.buffer.byteLength; it only grows, in steps of 20%) and the allocator's high-water mark (ec_memory:
// the most memory ever used, the figure the steps round up) when the module starts, after the bundle is
// loaded and its name index built (ec_load_bundle), after the first screening (the rules are read then), and
// after a batch of 1,000 orders screened one by one (ec_screen), as the browser's batch Worker does.
// Usage: node bench/wasm-heap.mjs [BUNDLE.ecb.gz] [ORDERS.jsonl]
// (defaults: public/bundle/default.ecb.gz from scripts/build.sh; public/samples/orders.jsonl, repeated)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [bundlePath = path.join(root, 'public/bundle/default.ecb.gz'),
  ordersPath = path.join(root, 'public/samples/orders.jsonl')] = process.argv.slice(2);
const BATCH = 1000;

const factory = createRequire(import.meta.url)(path.join(root, 'build-wasm/wasm/exportcheck-core-node.cjs'));
const m = await factory();
const encoder = new TextEncoder();
const heap = () => m.HEAPU8.buffer.byteLength; // re-read: growth replaces the buffer
const mib = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;
// The allocator's high-water mark and bytes in use (builds before ec_memory: none).
const memory = () => (m._ec_memory ? JSON.parse(m.UTF8ToString(m._ec_memory(0, 0))).ok : null);
const row = (what) => ({ what, bytes: heap(), mem: memory() });

// Calls an export with bytes; returns its parsed reply ({ok} or {error}).
function call(fn, bytes) {
  const ptr = m._malloc(Math.max(bytes.length, 1));
  m.HEAPU8.set(bytes, ptr);
  try {
    return JSON.parse(m.UTF8ToString(fn(ptr, bytes.length)));
  } finally {
    m._free(ptr);
  }
}

const rows = [row('module started')];
const raw = bundlePath.endsWith('.gz') ? gunzipSync(readFileSync(bundlePath)) : readFileSync(bundlePath);
const start = performance.now();
// ec_load_bundle frees the bytes it is given (builds before issue 14 did not: the caller did, afterwards).
const ptr = m._malloc(raw.length);
m.HEAPU8.set(raw, ptr);
const loaded = JSON.parse(m.UTF8ToString(m._ec_load_bundle(ptr, raw.length)));
if (!m._ec_memory) m._free(ptr);
if (!loaded.ok) throw new Error(`bundle refused: ${JSON.stringify(loaded.error)}`);
const loadMs = performance.now() - start;
rows.push(row(`bundle loaded (${loaded.ok.entries ?? '?'} entries, ${mib(raw.length)} uncompressed)`));

const samples = readFileSync(ordersPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const screen = (i) => call(m._ec_screen, encoder.encode(JSON.stringify({ ...samples[i % samples.length], id: `HEAP-${i + 1}` })));
const first = screen(0);
if (!first.ok) throw new Error(`screening refused: ${JSON.stringify(first.error)}`);
rows.push(row('first order screened'));

const decisions = {};
const batchStart = performance.now();
for (let i = 0; i < BATCH; i++) {
  const reply = screen(i);
  const key = reply.ok ? reply.ok.decision : `error ${reply.error.code}`;
  decisions[key] = (decisions[key] ?? 0) + 1;
}
const batchMs = performance.now() - batchStart;
rows.push(row(`${BATCH.toLocaleString('en')} orders screened`));

console.log(`${''.padEnd(58)} ${'wasm memory'.padStart(12)} ${'peak used'.padStart(10)} ${'in use'.padStart(10)}`);
for (const { what, bytes, mem } of rows) {
  console.log(`${what.padEnd(58)} ${mib(bytes).padStart(12)} ${(mem ? mib(mem.peak) : '-').padStart(10)} ` +
    `${(mem ? mib(mem.in_use) : '-').padStart(10)}`);
}
console.log(`bundle load + index build ${loadMs.toFixed(0)} ms; ${BATCH} orders in ${batchMs.toFixed(0)} ms ` +
  `(${(BATCH / (batchMs / 1000)).toFixed(0)} orders/s); decisions ${JSON.stringify(decisions)}`);
