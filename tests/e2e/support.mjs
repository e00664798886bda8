// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core (never a downloaded
// browser), one browser per test file with a fresh profile, the static server with its CSP on 127.0.0.1,
// and a watch on every page: requests (none may leave the origin), console errors and warnings, page errors.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from '../../scripts/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const resultsDir = path.join(root, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const cli = path.join(root, 'build/core/cli/exportcheck');

// Starts the server and a browser with a fresh profile. Returns { server, context, close(), newPage() }.
export async function launch({ viewport = { width: 1280, height: 900 }, locale = 'en-GB' } = {}) {
  const server = await startServer({ root: path.join(root, 'public'), port: 0 });
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'exportcheck-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport, locale, acceptDownloads: true,
  });
  const origin = new URL(server.url).origin;
  const watched = [];
  // Requests of every page and worker of the context, service worker included.
  const requests = [];
  context.on('request', (req) => requests.push(req.url()));

  async function newPage({ allowErrors = [] } = {}) {
    const page = await context.newPage();
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error' && msg.type() !== 'warning') return;
      const text = `console ${msg.type()}: ${msg.text()}`;
      if (!allowErrors.some((re) => re.test(text))) problems.push(text);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => {
      const text = `request failed: ${req.url()} ${req.failure()?.errorText}`;
      if (!allowErrors.some((re) => re.test(text))) problems.push(text);
    });
    page.on('request', (req) => requests.push(req.url()));
    watched.push({ page, problems });
    page.problems = problems;
    return page;
  }

  // Fails when any request went to another origin, or any watched page logged a problem.
  function assertClean() {
    const elsewhere = [...new Set(requests)].filter((u) => !/^(data|blob|chrome-extension):/.test(u) && new URL(u).origin !== origin);
    assert.deepEqual(elsewhere, [], 'requests went to another origin');
    for (const { problems } of watched) assert.deepEqual(problems, [], 'the page logged errors');
  }

  return {
    server, context, origin, requests, newPage, assertClean,
    async close() {
      await context.close().catch(() => {});
      await server.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

// Opens the app and waits until the lists are loaded; returns the page state ('ready' or 'error').
export async function openApp(page, url, hash = '') {
  await page.goto(url + hash);
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 60_000 });
  return page.getAttribute('body', 'data-state');
}

// True once the service worker controls the page (false after 30 s: it did not install or take over).
export async function serviceWorkerControls(page) {
  return page.evaluate(() => Promise.race([
    (async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
      return true;
    })(),
    new Promise((resolve) => setTimeout(() => resolve(false), 30_000)),
  ]));
}

export async function screenshot(page, name) {
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function signWithTestKey(bundlePath, sigPath) {
  execFileSync(cli, ['bundle', 'sign', bundlePath, '--key', path.join(root, 'tests/keys/test-ed25519-private.pem'), '-o', sigPath]);
}
