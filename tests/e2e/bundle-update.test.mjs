// Replacing the lists in the browser: a newer signed bundle from files or from a URL on the site replaces the
// one in use only after its signature and checksum are checked, and survives a reload; a tampered, unsigned
// or other-site bundle is refused with a plain message and the old one stays. After a replacement the stored
// orders can be rescreened, and those whose decision changed are listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { launch, openApp, screenshot, cli, root, signWithTestKey } from './support.mjs';

let env;
let dir;
let newer; // paths of a second signed bundle (only the DPL excerpt, built in 2030) and a tampered copy
let page;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'exportcheck-bundles-'));
  const bundle = path.join(dir, 'newer.ecb.gz');
  execFileSync(cli, ['bundle', 'build', '--dpl', path.join(root, 'tests/fixtures/dpl_excerpt.txt'),
    '--rules', path.join(root, 'data/rules'), '--id', 'exportcheck-test-newer', '--built-at', '2030-01-01T00:00:00Z',
    '-o', bundle]);
  signWithTestKey(bundle, `${bundle}.sig`);
  const tampered = path.join(dir, 'tampered.ecb.gz');
  const bytes = await readFile(bundle);
  bytes[bytes.length >> 1] ^= 1;
  await writeFile(tampered, bytes);
  await writeFile(`${tampered}.sig`, await readFile(`${bundle}.sig`));
  newer = { bundle, sig: `${bundle}.sig`, tampered, tamperedSig: `${tampered}.sig` };
  env = await launch();
  page = await env.newPage();
});

after(async () => {
  await env?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const bundleId = () => page.textContent('#bundle-id');

async function loadFiles(files) {
  await page.setInputFiles('#bundle-files', files);
  await page.waitForSelector('#bundle-message[data-result]');
  return page.getAttribute('#bundle-message', 'data-result');
}

test('a tampered bundle is refused and the lists in use stay', async () => {
  assert.equal(await openApp(page, env.server.url, '#/lists'), 'ready');
  const before = await bundleId();
  assert.equal(await loadFiles([newer.tampered, newer.tamperedSig]), 'bundle_signature_invalid');
  assert.match(await page.textContent('#bundle-message'), /Refused[\s\S]*signature check failed[\s\S]*have not changed/);
  assert.equal(await bundleId(), before);
  await screenshot(page, 'bundle-tampered-refused');

  // Dropped on the page, the same files are refused the same way.
  await page.evaluate(() => document.querySelector('#bundle-message').removeAttribute('data-result'));
  const files = await Promise.all([newer.tampered, newer.tamperedSig].map(async (f) => ({
    name: path.basename(f), base64: (await readFile(f)).toString('base64'),
  })));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of list) {
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    }
    const zone = document.querySelector('#bundle-drop');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
  await page.waitForSelector('#bundle-message[data-result]');
  assert.equal(await page.getAttribute('#bundle-message', 'data-result'), 'bundle_signature_invalid');
  assert.equal(await bundleId(), before);

  // A bundle without its signature is refused too.
  await page.evaluate(() => document.querySelector('#bundle-message').removeAttribute('data-result'));
  assert.equal(await loadFiles([newer.bundle]), 'signature_missing');
  assert.equal(await bundleId(), before);

  // A bundle on another site is refused before any request leaves the page.
  await page.evaluate(() => document.querySelector('#bundle-message').removeAttribute('data-result'));
  await page.fill('#bundle-url', 'https://lists.example.org/lists.ecb.gz');
  await page.click('#bundle-url-load');
  await page.waitForSelector('#bundle-message[data-result]');
  assert.equal(await page.getAttribute('#bundle-message', 'data-result'), 'bundle_other_origin');
  env.assertClean();
});

test('orders screened before a new bundle are rescreened with it; changed decisions are listed', async (t) => {
  await page.click('#tab-screen');
  await page.waitForSelector('#example option:nth-child(3)', { state: 'attached' });
  for (const index of [1, 2]) { // SAMPLE-001 (ordinary), SAMPLE-002 (a listed buyer)
    await page.selectOption('#example', { index });
    await page.click('button[type="submit"]');
    await page.waitForSelector(`#result .report[data-order-id="SAMPLE-00${index}"]`);
  }
  await page.click('#tab-lists');
});

test('a newer signed bundle from files replaces the one in use and is kept after a reload', async (t) => {
  await page.evaluate(() => document.querySelector('#bundle-message').removeAttribute('data-result'));
  const result = await loadFiles([newer.bundle, newer.sig]);
  assert.equal(result, 'ok', await page.textContent('#bundle-message'));
  assert.equal(await bundleId(), 'exportcheck-test-newer');
  assert.match(await page.textContent('#bundle-replaced'), /Verified and loaded: bundle exportcheck-test-newer/);
  // The stored orders are rescreened at once (no click), the changed decisions listed.
  await page.waitForSelector('#rescreen:not([hidden])');
  {
    await page.waitForSelector('#rescreen-summary');
    assert.equal(await page.isDisabled('#rescreen-start'), true, 'the rescreen did not start by itself');
    const changed = Number(await page.getAttribute('#rescreen-result', 'data-changed'));
    t.diagnostic(await page.textContent('#rescreen-summary'));
    assert.ok(changed >= 1, 'the listed buyer of SAMPLE-002 is not in the new bundle: its decision should change');
    assert.ok(await page.$('#rescreen-result tr button.open-report'));
  }
  await screenshot(page, 'bundle-replaced');

  assert.equal(await openApp(page, env.server.url, '#/lists'), 'ready');
  assert.equal(await bundleId(), 'exportcheck-test-newer');
  assert.match(await page.textContent('#bundle-origin'), /newer\.ecb\.gz/);
  env.assertClean();
});

test('a bundle from a URL on this site replaces the one in use', async () => {
  const bytes = await readFile(path.join(root, 'public/bundle/default.ecb.gz'));
  const sig = await readFile(path.join(root, 'public/bundle/default.ecb.gz.sig'));
  await page.route('**/updates/lists.ecb.gz', (route) => route.fulfill({ body: bytes, contentType: 'application/gzip' }));
  await page.route('**/updates/lists.ecb.gz.sig', (route) => route.fulfill({ body: sig, contentType: 'application/octet-stream' }));
  await page.evaluate(() => document.querySelector('#bundle-message').removeAttribute('data-result'));
  await page.fill('#bundle-url', 'updates/lists.ecb.gz');
  await page.press('#bundle-url', 'Enter');
  await page.waitForSelector('#bundle-message[data-result]');
  assert.equal(await page.getAttribute('#bundle-message', 'data-result'), 'ok', await page.textContent('#bundle-message'));
  assert.notEqual(await bundleId(), 'exportcheck-test-newer');
  assert.match(await page.textContent('#bundle-message'), /older than the one it replaced/);
  assert.match(await page.textContent('#bundle-origin'), /updates\/lists\.ecb\.gz/);
  env.assertClean();
});
