// First visit in a real browser (Debian's Chromium, headless, fresh profile): the page downloads the signed
// default bundle, checks it and shows what it holds, talking to no other origin and logging no error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from '../../scripts/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(root, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server;
let context;
let userDataDir;

before(async () => {
  server = await startServer({ root: path.join(root, 'public'), port: 0 });
  userDataDir = await mkdtemp(path.join(os.tmpdir(), 'exportcheck-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

test('first visit: the signed default bundle loads and its lists are shown', async (t) => {
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));

  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-state]', { timeout: 60_000 });
  const state = await page.getAttribute('body', 'data-state');
  const status = await page.textContent('#status');
  assert.equal(state, 'ready', `the page did not load the bundle: ${status}\n${problems.join('\n')}`);

  const bundleId = await page.textContent('#bundle-id');
  assert.match(bundleId, /\S/);
  for (const list of ['EL', 'SDN', 'DPL', 'UN']) {
    const count = Number(await page.textContent(`#lists tr[data-list="${list}"] td`));
    assert.ok(count > 0, `no ${list} count shown`);
  }
  const dates = await page.$$eval('#sources tbody tr td:nth-of-type(1)', (cells) => cells.map((c) => c.textContent));
  assert.ok(dates.length >= 4, `expected the sources' dates, got ${dates}`);
  for (const date of dates) assert.match(date, /^\d{4}-\d{2}(-\d{2})?$/);

  const origin = new URL(server.url).origin;
  const elsewhere = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
  assert.deepEqual(elsewhere, [], 'requests went to another origin');
  for (const file of ['exportcheck.mjs', 'wasm/exportcheck-core.wasm', 'bundle/default.ecb.gz', 'bundle/default.ecb.gz.sig']) {
    assert.ok(requests.includes(new URL(file, server.url).href), `${file} was not requested`);
  }
  assert.deepEqual(problems, [], 'the page logged errors');

  const ms = Number(await page.getAttribute('#timings', 'data-bytes-to-info'));
  t.diagnostic(`bundle load in Chromium (bytes available -> info): ${ms.toFixed(1)} ms; ` +
    (await page.textContent('#timings')));
  await mkdir(resultsDir, { recursive: true });
  await page.screenshot({ path: path.join(resultsDir, 'first-visit.png'), fullPage: true });
  await page.close();
});

test('a tampered bundle is refused in the browser with a plain message', async () => {
  const page = await context.newPage();
  await page.route('**/bundle/default.ecb.gz', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[body.length >> 1] ^= 1;
    await route.fulfill({ response, body });
  });
  page.on('pageerror', () => {}); // the smoke page rethrows the error after showing it
  await page.goto(server.url);
  await page.waitForSelector('body[data-state]', { timeout: 60_000 });
  assert.equal(await page.getAttribute('body', 'data-state'), 'error');
  assert.equal(await page.getAttribute('#status', 'data-error'), 'bundle_signature_invalid');
  assert.match(await page.textContent('#status'), /signature check/);
  await page.close();
});
