// The JS API in node against the native CLI: the same bundle gives the same info, byte for byte; a bundle
// whose signature fails is refused before anything reads it; damaged bundles give the core's error codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { createChecker, ExportCheckError } from '../../web/lib/exportcheck.mjs';
import { Core } from '../../web/lib/core.js';
import { gunzip, verifyBundle } from '../../web/lib/bundle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'build/core/cli/exportcheck');
const bundlePath = path.join(root, 'public/bundle/default.ecb.gz');
const publicKeyPem = process.env.EXPORTCHECK_PUBLIC_KEY ?? path.join(root, 'tests/keys/test-ed25519-public.pem');

const bundleBytes = new Uint8Array(readFileSync(bundlePath));
const signatureBytes = new Uint8Array(readFileSync(bundlePath + '.sig'));
const publicKey = execFileSync(cli, ['bundle', 'pubkey', publicKeyPem], { encoding: 'utf8' }).trim();

async function newCore() {
  const factory = createRequire(import.meta.url)('../../build-wasm/wasm/exportcheck-core-node.cjs');
  return new Core(await factory());
}

async function rejectsWithCode(promiseOrFn, code) {
  await assert.rejects(promiseOrFn, (err) => {
    assert.ok(err instanceof ExportCheckError, `expected an ExportCheckError, got ${err}`);
    assert.equal(err.code, code, err.message);
    return true;
  });
}

function throwsWithCode(fn, code) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof ExportCheckError, `expected an ExportCheckError, got ${err}`);
    assert.equal(err.code, code, err.message);
    return true;
  });
}

test('createChecker in node gives the same info as `exportcheck bundle info`', async (t) => {
  const expected = JSON.parse(execFileSync(cli, ['bundle', 'info', bundlePath], { encoding: 'utf8' }));
  const checker = await createChecker({ bundle: bundleBytes, signature: signatureBytes, publicKey });
  const info = checker.info();
  assert.deepStrictEqual(info, expected);
  assert.equal(JSON.stringify(info), JSON.stringify(expected));
  for (const list of ['EL', 'SDN', 'DPL', 'UN']) assert.ok(info.lists[list] > 0, `no ${list} entries`);
  assert.match(checker.version(), /^\d+\.\d+\.\d+/);
});

test('the bundle can be given as a file URL, its signature found next to it', async () => {
  const checker = await createChecker({ bundle: pathToFileURL(bundlePath), publicKey });
  assert.equal(checker.info().entries > 0, true);
});

test('a tampered bundle is refused: bundle_signature_invalid', async () => {
  const tampered = bundleBytes.slice();
  tampered[Math.floor(tampered.length / 2)] ^= 0x01;
  await rejectsWithCode(createChecker({ bundle: tampered, signature: signatureBytes, publicKey }),
    'bundle_signature_invalid');
  await rejectsWithCode(verifyBundle(tampered, signatureBytes, publicKey), 'bundle_signature_invalid');
});

test('a signature by another key is refused: bundle_signature_invalid', async () => {
  const otherKey = Buffer.from(new Uint8Array(32).fill(7)).toString('base64');
  await rejectsWithCode(createChecker({ bundle: bundleBytes, signature: signatureBytes, publicKey: otherKey }),
    'bundle_signature_invalid');
  const badSignature = signatureBytes.slice();
  badSignature[0] ^= 0x80;
  await rejectsWithCode(createChecker({ bundle: bundleBytes, signature: badSignature, publicKey }),
    'bundle_signature_invalid');
});

test('a truncated bundle is refused by the core: bundle_truncated', async () => {
  const raw = await gunzip(bundleBytes);
  const core = await newCore();
  throwsWithCode(() => core.info(), 'no_bundle');
  throwsWithCode(() => core.loadBundle(raw.subarray(0, raw.length - 1000)), 'bundle_truncated');
  throwsWithCode(() => core.loadBundle(raw.subarray(0, 40)), 'bundle_truncated');
  // The previous bundle stays loaded when a new one is refused.
  const info = core.loadBundle(raw);
  throwsWithCode(() => core.loadBundle(raw.subarray(0, 100)), 'bundle_truncated');
  assert.deepStrictEqual(core.info(), info);
});

test('a bundle of another format version is refused: bundle_version', async () => {
  const raw = (await gunzip(bundleBytes)).slice();
  new DataView(raw.buffer, raw.byteOffset).setUint32(8, 2, true); // u32 format version at offset 8
  const core = await newCore();
  throwsWithCode(() => core.loadBundle(raw), 'bundle_version');
});

test('a still-compressed bundle given to the core is refused: bundle_compressed', async () => {
  const core = await newCore();
  throwsWithCode(() => core.loadBundle(bundleBytes), 'bundle_compressed');
});

test('a module that traps is told as core_stopped, and takes no more calls', async () => {
  const module = await createRequire(import.meta.url)('../../build-wasm/wasm/exportcheck-core-node.cjs')();
  // A real trap in the real module: ec_load_bundle given bytes far past the end of its memory.
  const load = module._ec_load_bundle;
  module._ec_info = () => load(0x7ffffff0, 64);
  const core = new Core(module);
  throwsWithCode(() => core.info(), 'core_stopped');
  throwsWithCode(() => core.version(), 'core_stopped'); // refused, not run on the broken heap
});
