#!/usr/bin/env node
// Order screening throughput of the wasm core under node, one thread, against the native CLI on the same file:
//   node bench/browser-batch.mjs --emit /tmp/orders.jsonl        # 10,000 synthetic orders (or --unique-names)
//   node bench/screen-wasm.mjs /tmp/orders.jsonl                 # wasm: load, then ms per order
//   time build/core/cli/exportcheck screen --bundle public/bundle/default.ecb.gz --compact /tmp/orders.jsonl >/dev/null
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { Core } from '../web/lib/core.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/screen-wasm.mjs ORDERS.jsonl [BUNDLE.ecb.gz]');
  process.exit(2);
}
const factory = createRequire(import.meta.url)(path.join(root, 'build-wasm/wasm/exportcheck-core-node.cjs'));
const core = new Core(await factory());
let t = performance.now();
core.loadBundle(new Uint8Array(gunzipSync(readFileSync(process.argv[3] ?? path.join(root, 'public/bundle/default.ecb.gz')))));
core.call('products', {}); // builds the screening rules, as the page's Workers do before the first order
console.log(`bundle load + index + rules: ${(performance.now() - t).toFixed(0)} ms`);
const orders = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
t = performance.now();
for (const order of orders) core.callRaw('screen', order);
const ms = performance.now() - t;
console.log(`wasm: ${orders.length} orders in ${(ms / 1000).toFixed(2)} s, ${(ms / orders.length).toFixed(3)} ms per order (one thread)`);
