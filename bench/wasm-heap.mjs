// The wasm heap the core needs with the full default bundle: the size of the module's memory
// (memory.buffer.byteLength; it only grows) when the module starts, after the bundle is loaded and its
// name index built (ec_load_bundle), after the first screening (the rules are read then), and after a
// batch of 1,000 orders screened one by one (ec_screen), as the browser's batch Worker does.
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

const rows = [['module started', heap()]];
const raw = bundlePath.endsWith('.gz') ? gunzipSync(readFileSync(bundlePath)) : readFileSync(bundlePath);
const start = performance.now();
const loaded = call(m._ec_load_bundle, raw);
if (!loaded.ok) throw new Error(`bundle refused: ${JSON.stringify(loaded.error)}`);
const loadMs = performance.now() - start;
rows.push([`bundle loaded (${loaded.ok.entries ?? '?'} entries, ${mib(raw.length)} uncompressed)`, heap()]);

const samples = readFileSync(ordersPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const screen = (i) => call(m._ec_screen, encoder.encode(JSON.stringify({ ...samples[i % samples.length], id: `HEAP-${i + 1}` })));
const first = screen(0);
if (!first.ok) throw new Error(`screening refused: ${JSON.stringify(first.error)}`);
rows.push(['first order screened', heap()]);

const decisions = {};
const batchStart = performance.now();
for (let i = 0; i < BATCH; i++) {
  const reply = screen(i);
  const key = reply.ok ? reply.ok.decision : `error ${reply.error.code}`;
  decisions[key] = (decisions[key] ?? 0) + 1;
}
const batchMs = performance.now() - batchStart;
rows.push([`${BATCH.toLocaleString('en')} orders screened`, heap()]);

for (const [what, bytes] of rows) console.log(`${what.padEnd(58)} ${mib(bytes).padStart(10)}  (${bytes} bytes)`);
console.log(`bundle load + index build ${loadMs.toFixed(0)} ms; ${BATCH} orders in ${batchMs.toFixed(0)} ms ` +
  `(${(BATCH / (batchMs / 1000)).toFixed(0)} orders/s); decisions ${JSON.stringify(decisions)}`);
