#!/usr/bin/env node
// Browser benchmark of the reseller page in Debian's Chromium (headless, fresh profile):
//   - page ready (lists verified and loaded, UI usable) on a cold first visit, then from a warm cache
//     (service worker + stored bundle), median of several reloads;
//   - a batch of 10,000 orders (30,000 parties) screened in the page's Workers: screening time, time until
//     every screening is in the audit log, and how responsive the page stayed (longest gap between timer
//     ticks on the main thread while the batch ran);
//   - the same file screened by the native CLI on one thread (`exportcheck screen --compact`), and the ratio
//     page / native, both measured in this run on this machine;
//   - the wasm size, raw and gzipped.
// Run after a build:  node bench/browser-batch.mjs [--orders N] [--reloads N] [--unique-names] [--emit ORDERS.jsonl]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

import { startServer } from '../scripts/serve.mjs';
import { pageReadyTimes } from './page-ready.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ORDERS = arg('orders', 10_000);
// --unique-names: every company gets a name of its own (a made-up word in front), so no party repeats and
// the core's reuse of recently screened names does not help: the worst case of a batch.
const UNIQUE = process.argv.includes('--unique-names');
const RELOADS = arg('reloads', 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Deterministic synthetic orders: three parties each (buyer, ship-to, end user) with varied names and
// countries, a sprinkling of names that are on the lists, and the usual chips.
function makeOrders(n) {
  let seed = 12345;
  // mulberry32 (32-bit integer arithmetic: a plain LCG in doubles loses bits and repeats after a few thousand draws)
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const first = ['Nordic', 'Alpine', 'Atlas', 'Blue', 'Cedar', 'Delta', 'Eagle', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper',
    'Kestrel', 'Lumen', 'Meridian', 'Nova', 'Orion', 'Pioneer', 'Quantum', 'Riverside', 'Summit', 'Titan', 'Union', 'Vertex',
    'Westfield', 'Xenon', 'Yellowstone', 'Zenith', 'Lyon', 'Rhine', 'Baltic', 'Danube', 'Iberia', 'Aurora', 'Helix', 'Sirius'];
  const second = ['Data', 'Compute', 'Systems', 'Robotics', 'Analytics', 'Render', 'Vision', 'Cloud', 'Research', 'Labs',
    'Graphics', 'Networks', 'Solutions', 'Dynamics', 'Informatique', 'Technik', 'Digital', 'Silicon', 'Micro', 'Logistics'];
  const forms = ['Ltd', 'GmbH', 'SAS', 'B.V.', 'S.p.A.', 'AB', 'Oy', 'Inc.', 'LLC', 'Pte. Ltd.', 'S.L.', 'sp. z o.o.'];
  const people = ['Anna Kowalski', 'Jean Dupont', 'Maria Rossi', 'Lars Nilsson', 'Sofia Garcia', 'Tom Becker', 'Eva Novak'];
  const listed = ['Beijing Biren Technology Development Co., Ltd.', 'Sinno Electronics Co., Limited', 'Radioavtomatika LLC',
    'Joint Stock Company Mikron', 'Novastream Limited'];
  const countries = ['FR', 'DE', 'GB', 'NL', 'IT', 'ES', 'SE', 'PL', 'BE', 'AT', 'CH', 'US', 'CA', 'JP', 'SG', 'AE', 'IN', 'TR', 'KZ', 'HK'];
  const items = [['NVIDIA H100 SXM5 80GB', 38000], ['NVIDIA A100 80GB PCIe', 15000], ['GeForce RTX 4090 24GB', 1900],
    ['NVIDIA L40S 48GB', 8000], ['AMD Instinct MI300X', 20000], ['Dell XPS 15 laptop', 1600], ['NVIDIA RTX 6000 Ada', 7000]];
  const syllables = ['ka', 'lo', 'mi', 'ner', 'sa', 'tor', 'vi', 'den', 'ra', 'bel', 'quo', 'zin', 'fa', 'gu', 'hel', 'jo'];
  const madeUp = () => Array.from({ length: 3 }, () => pick(syllables)).join('') + pick(syllables);
  const party = (role) => {
    const country = pick(countries);
    const person = rnd() < 0.1;
    const company = `${pick(first)} ${pick(second)} ${pick(forms)}`;
    const name = rnd() < 0.02 ? pick(listed) : person ? pick(people) : UNIQUE ? `${madeUp()} ${company}` : company;
    return { role, name, type: person ? 'person' : 'organization', address: { city: 'City', country } };
  };
  return Array.from({ length: n }, (_, i) => {
    const [description, price] = pick(items);
    return {
      id: `BENCH-${String(i + 1).padStart(5, '0')}`,
      parties: [party('buyer'), party('ship_to'), party('end_user')],
      items: [{ description, quantity: 1 + Math.floor(rnd() * 16), unit_price: price, currency: 'USD' }],
      payment: { method: 'wire' },
      end_use: rnd() < 0.8 ? 'AI model training' : '',
    };
  });
}

// --emit FILE: write the orders as JSON lines (for the native CLI, `exportcheck screen --batch FILE`) and stop.
const emitAt = process.argv.indexOf('--emit');
if (emitAt > 0) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(process.argv[emitAt + 1], makeOrders(ORDERS).map((o) => JSON.stringify(o)).join('\n') + '\n');
  console.log(`wrote ${ORDERS} orders to ${process.argv[emitAt + 1]}`);
  process.exit(0);
}

// The same orders through the native CLI on one thread (bundle load and index build included, as the page's
// figure includes its Workers' start): seconds, or null when the CLI is not built.
// -> { wall, cpu } in seconds (cpu: user + system, from /usr/bin/time), or null.
function nativeSeconds(buffer, screenedAt) {
  const cli = path.join(root, 'build/core/cli/exportcheck');
  if (!existsSync(cli)) {
    console.log(`native: skipped (${cli} is not built)`);
    return null;
  }
  const file = path.join(os.tmpdir(), `exportcheck-bench-${process.pid}.jsonl`);
  writeFileSync(file, buffer);
  try {
    const start = process.hrtime.bigint();
    const timed = existsSync('/usr/bin/time');
    const args = ['screen', '--bundle', path.join(root, 'public/bundle/default.ecb.gz'), '--compact', '--screened-at', screenedAt, file];
    const { stderr } = spawnSync(timed ? '/usr/bin/time' : cli, timed ? ['-f', 'cpu %U %S', cli, ...args] : args,
      { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const m = /cpu ([\d.]+) ([\d.]+)/.exec(stderr ?? '');
    return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : NaN };
  } finally {
    rmSync(file, { force: true });
  }
}

// CPU seconds (user + system) of each thread of this browser, by process type and thread name
// ("renderer DedicatedWorker thread": 12.3): where the browser's time goes.
function browserThreadSeconds(profile) {
  const tick = 100; // USER_HZ on Linux
  const byThread = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes(profile)) continue;
      const kind = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        const key = `${kind} ${name}`;
        byThread.set(key, (byThread.get(key) ?? 0) + (Number(fields[11]) + Number(fields[12])) / tick);
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return byThread;
}

// The threads that took the most CPU between two browserThreadSeconds readings.
function busiestThreads(before, after, top = 8) {
  return [...after].map(([key, s]) => [key, s - (before.get(key) ?? 0)])
    .filter(([, s]) => s >= 0.05).sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([key, s]) => `${key} ${s.toFixed(1)} s`).join('; ');
}

// CPU seconds (user + system) of every process of this browser (found by its profile directory): on a shared,
// loaded machine the fair comparison with the native CLI's CPU time.
function browserCpuSeconds(profile) {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / tick; // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

const server = await startServer({ root: path.join(root, 'public'), port: 0 });
const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'exportcheck-bench-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await context.newPage();
  const { cold, warm } = await pageReadyTimes(page, server.url, RELOADS, { timeout: 60_000 });
  console.log(`page ready, first visit (cold, downloads the bundle): ${cold} ms`);
  console.log(`page ready, warm cache (service worker + stored bundle), median of ${RELOADS}: ${median(warm)} ms  [${warm.join(', ')}]`);
  {
    const orders = makeOrders(ORDERS);
    const parties = orders.reduce((n, o) => n + o.parties.length, 0);
    await page.goto(`${server.url}#/batch`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
    // Main-thread responsiveness: the longest gap between 16 ms timer ticks during the batch.
    await page.evaluate(() => {
      window.benchLong = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.benchLong.push({ at: Math.round(e.startTime), ms: Math.round(e.duration),
            done: Number(document.querySelector('#batch-progress')?.dataset.done ?? -1),
            state: document.querySelector('#view-batch')?.dataset.state ?? '' });
          if (document.querySelector('#view-batch')?.dataset.state !== 'running') window.benchLong.pop();
        }
      }).observe({ type: 'longtask', buffered: false });
      window.benchGaps = [];
      // From the moment the batch runs (playwright's injection of the file into the page is not the page's
      // work, so it is left out), the gaps between 16 ms ticks of a timer on the page's thread.
      const view = document.querySelector('#view-batch');
      new MutationObserver((_, observer) => {
        if (view.dataset.state !== 'running') return;
        observer.disconnect();
        let last = performance.now();
        window.benchTimer = setInterval(() => {
          const t = performance.now();
          window.benchGaps.push(t - last);
          last = t;
        }, 16);
      }).observe(view, { attributes: true, attributeFilter: ['data-state'] });
    });
    const buffer = Buffer.from(orders.map((o) => JSON.stringify(o)).join('\n'));
    const cpu0 = browserCpuSeconds(userDataDir);
    const threads0 = browserThreadSeconds(userDataDir);
    const t0 = Date.now();
    await page.setInputFiles('#batch-file', { name: 'bench.jsonl', mimeType: 'application/x-ndjson', buffer });
    await page.waitForSelector('#view-batch[data-state="done"]', { timeout: 600_000 });
    // The page's own figure: from the file read to the last report (the file's injection by playwright is
    // not the page's work; under load it takes seconds).
    const screening = Number(await page.getAttribute('#view-batch', 'data-elapsed-ms'));
    const cpu = browserCpuSeconds(userDataDir) - cpu0; // the browser's processes, until screened
    const threads = busiestThreads(threads0, browserThreadSeconds(userDataDir));
    await page.waitForSelector('#view-batch[data-recorded="true"]', { timeout: 600_000 });
    const total = Date.now() - t0;
    const gaps = await page.evaluate(() => { clearInterval(window.benchTimer); return window.benchGaps; });
    const sorted = [...gaps].sort((a, b) => a - b);
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    console.log(`batch: ${ORDERS.toLocaleString('en')} orders, ${parties.toLocaleString('en')} parties, ${workers} cores`);
    console.log(`batch: screened in ${(screening / 1000).toFixed(2)} s (${Math.round(ORDERS / (screening / 1000)).toLocaleString('en')} orders/s); ` +
      `file chosen -> all recorded in the audit log: ${(total / 1000).toFixed(2)} s`);
    const native = nativeSeconds(buffer, new Date().toISOString());
    if (native) {
      console.log(`native: exportcheck screen --compact, one thread, same file: ${native.wall.toFixed(2)} s ` +
        `(${native.cpu.toFixed(2)} s CPU)`);
      console.log(`ratio page / native: screened ${(screening / 1000 / native.wall).toFixed(2)}x, ` +
        `all recorded ${(total / 1000 / native.wall).toFixed(2)}x (target <= 0.75x); ` +
        `CPU ${(cpu / native.cpu).toFixed(2)}x (the browser's ${cpu.toFixed(1)} s over every process)`);
    }
    console.log(`batch: CPU by thread until screened: ${threads}`);
    console.log(`machine load while measuring: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} ` +
      `(figures are wall time: a loaded machine stretches both sides differently)`);
    console.log(`batch: page's thread while screening: longest gap between 16 ms ticks ${Math.round(sorted.at(-1))} ms, ` +
      `95th percentile ${Math.round(sorted[Math.floor(sorted.length * 0.95)])} ms`);
    console.log(`batch: ${await page.textContent('#batch-summary')}`);
    const long = await page.evaluate(() => window.benchLong.sort((a, b) => b.ms - a.ms).slice(0, 5));
    console.log(`batch: longest main-thread tasks while screening: ${long.map((l) => `${l.ms} ms (progress ${l.done}, ${l.state || 'starting'})`).join('; ') || 'none'}`);
  }
  const wasm = await readFile(path.join(root, 'public/wasm/exportcheck-core.wasm'));
  console.log(`wasm: ${(wasm.length / 1024).toFixed(0)} KB raw, ${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(0)} KB gzipped`);
} finally {
  await context.close();
  await server.close();
  await rm(userDataDir, { recursive: true, force: true });
}
