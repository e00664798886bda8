// Privacy: screening happens in the page. After the first load, screening an order and a batch makes no
// request but for the site's own static files (the app, the wasm core, the signed bundle): no request to
// another origin, nothing but GET, no request carrying order data. Then, with the network cut
// (context.setOffline), the page reloads and still screens an order and a batch, and the server sees
// nothing at all. Requests are watched on both sides: the browser's events (pages, workers) and the
// server's own log (which also sees what the service worker fetches).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

import { launch, openApp, root, serviceWorkerControls } from './support.mjs';

// A word that appears only in the batch's orders: no request may carry it.
const PROBE = 'Qorvanthex';
const batchOrders = Array.from({ length: 40 }, (_, i) => JSON.stringify({
  id: `PRIV-${i + 1}`,
  parties: [{ role: 'buyer', name: `${PROBE} Trading ${i + 1} GmbH`, address: { city: 'Berlin', country: 'DE' } }],
  items: [{ description: 'Lenovo ThinkPad laptop', quantity: 1 + (i % 3) }],
  end_use: 'office',
})).join('\n') + '\n';

let env;
let page;
const served = [];   // what reached the server: { method, url }
const seen = [];     // what the browser sent: { method, url, body }
before(async () => {
  env = await launch();
  env.server.server.on('request', (req) => served.push({ method: req.method, url: req.url }));
  env.context.on('request', (req) => seen.push({ method: req.method(), url: req.url(), body: req.postData() ?? '' }));
  page = await env.newPage({ allowErrors: [/ERR_INTERNET_DISCONNECTED/, /sw\.js|ServiceWorker/] });
});
after(async () => { await env?.close(); });

// A file of public/ (what scripts/build.sh put there), never a path made up from order data.
function isStaticFile(url) {
  const { pathname } = new URL(url, env.server.url);
  const file = path.join(root, 'public', decodeURIComponent(pathname));
  const resolved = pathname.endsWith('/') ? path.join(file, 'index.html') : file;
  return existsSync(resolved) && statSync(resolved).isFile();
}

async function screenExample() {
  await page.click('#tab-screen');
  await page.waitForSelector('#example option:nth-child(2)', { state: 'attached' });
  await page.selectOption('#example', { index: 1 });
  await page.evaluate(() => document.querySelector('#result')?.replaceChildren());
  await page.click('button[type="submit"]');
  await page.waitForSelector('#result .report[data-decision]', { timeout: 60_000 });
}

async function screenBatch(name) {
  await page.click('#tab-batch');
  await page.waitForSelector('#batch-file', { state: 'attached' });
  await page.evaluate(() => document.querySelector('#view-batch').removeAttribute('data-state'));
  await page.setInputFiles('#batch-file', { name, mimeType: 'application/x-ndjson', buffer: Buffer.from(batchOrders) });
  await page.waitForSelector('#view-batch[data-state="done"]', { timeout: 120_000 });
  assert.match(await page.textContent('#batch-summary'), /40 orders/);
}

test('after the first load, screening an order and a batch fetches only the site\'s own static files', async (t) => {
  assert.equal(await openApp(page, env.server.url), 'ready');
  assert.ok(await serviceWorkerControls(page), 'the service worker does not control the page');
  const servedBefore = served.length;
  const seenBefore = seen.length;

  await screenExample();
  await screenBatch('privacy-probe.jsonl');

  const sent = seen.slice(seenBefore).filter((r) => !/^(data|blob):/.test(r.url));
  const reached = served.slice(servedBefore);
  t.diagnostic(`while screening: ${sent.length} browser requests, ${reached.length} reached the server ` +
    `(${[...new Set(reached.map((r) => r.url))].join(' ') || 'none'})`);
  for (const r of sent) {
    assert.equal(new URL(r.url).origin, env.origin, `a request left the site: ${r.url}`);
    assert.equal(r.method, 'GET', `not a plain download: ${r.method} ${r.url}`);
    assert.equal(r.body, '', `a request carried a body: ${r.url}`);
    assert.ok(isStaticFile(r.url), `not a static file of the site: ${r.url}`);
  }
  for (const r of reached) {
    assert.ok(r.method === 'GET' || r.method === 'HEAD', `${r.method} ${r.url}`);
    assert.ok(isStaticFile(r.url), `not a static file of the site: ${r.url}`);
  }
  for (const r of [...sent, ...reached]) assert.ok(!(r.url + (r.body ?? '')).includes(PROBE), `order data sent: ${r.url}`);
  env.assertClean();
});

test('with the network cut, the page reloads and screens an order and a batch; the server sees nothing', async (t) => {
  const servedBefore = served.length;
  await env.context.setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 60_000 });
    assert.equal(await page.getAttribute('body', 'data-state'), 'ready', await page.textContent('#status'));
    await screenExample();
    await screenBatch('privacy-offline.jsonl');
    // The browser's own update check of the service worker script (a GET of /sw.js, no order data in it) may
    // go out even under Chromium's offline emulation; nothing else may.
    const reached = served.slice(servedBefore).filter((r) => !(r.method === 'GET' && r.url === '/sw.js'));
    assert.deepEqual(reached, [], 'requests reached the server with the network cut');
    const problems = page.problems.filter((p) => !/sw\.js|ServiceWorker|ERR_INTERNET_DISCONNECTED/.test(p));
    assert.deepEqual(problems, []);
  } finally {
    await env.context.setOffline(false);
  }
});
