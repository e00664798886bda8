// The wasm heap a Worker needs for the full default bundle stays within 100 MiB (issue 14), and the core frees
// the bundle bytes it is given, whether it takes the bundle or refuses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { Core } from '../../web/lib/core.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const factory = createRequire(import.meta.url)(path.join(root, 'build-wasm/wasm/exportcheck-core-node.cjs'));
const MiB = 1048576;
const memory = (m) => JSON.parse(m.UTF8ToString(m._ec_memory(0, 0))).ok;

test('the full default bundle loads in at most 100 MiB of wasm memory', async () => {
  const m = await factory();
  const raw = gunzipSync(readFileSync(path.join(root, 'public/bundle/default.ecb.gz')));
  const info = new Core(m).loadBundle(new Uint8Array(raw));
  assert.ok(info.entries > 30000, `the default bundle has only ${info.entries} entries`);
  const { peak } = memory(m);
  assert.ok(m.HEAPU8.buffer.byteLength <= 100 * MiB, `wasm memory ${(m.HEAPU8.buffer.byteLength / MiB).toFixed(1)} MiB`);
  assert.ok(peak <= m.HEAPU8.buffer.byteLength, `peak ${peak} beyond the memory`);
});

test('ec_load_bundle frees the bytes of a bundle it refuses', async () => {
  const m = await factory();
  const core = new Core(m);
  const junk = new Uint8Array(8 * MiB).fill(7);
  const before = memory(m).in_use;
  for (let i = 0; i < 4; i++) assert.throws(() => core.loadBundle(junk), { code: 'bundle_not_a_bundle' });
  assert.ok(memory(m).in_use - before < MiB, `${((memory(m).in_use - before) / MiB).toFixed(1)} MiB kept after four refusals`);
});
