#!/usr/bin/env node
// Do page-ready time and the native index build grow no faster than the number of listed names? For each
// bundle, in one run on this machine: its entries and names (primary names and aliases the index holds), the
// native index build (bench_match_latency --index-only: median of five builds), the wasm core's bundle load and
// index build under node (ec_load_bundle, median of three), and the page ready from a warm cache (service worker
// and stored bundle, median of --reloads) in Debian's Chromium; then each one's growth against the first.
//
// Usage: node bench/ready-scaling.mjs [--reloads N] [2022] [LABEL=PUBLIC_DIR ...]
//   "2022": a copy of public/ whose bundle is rebuilt, with this tree's CLI, from the files the default bundle
//   was built from before issue 14 (the 2022-04 CSL, the 2023-12-29 SDN files, the 2025-12 non-SDN CSV files,
//   DPL, UN and the eCFR lists, all in data/). LABEL=DIR serves DIR (the public/ of another build, e.g. of
//   main before a change: its page, wasm and bundle); the native and node figures come from this tree's
//   engine. Without arguments: 2022 now=public.
// Needs a full build first (scripts/build.sh: the CLI, bench_match_latency, build-wasm/, public/).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

import { startServer } from '../scripts/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const reloadsAt = argv.indexOf('--reloads');
const RELOADS = reloadsAt >= 0 ? Number(argv.splice(reloadsAt, 2)[1]) : 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const CLI = path.join(root, 'build/core/cli/exportcheck');
const BENCH = path.join(root, 'build/bench/bench_match_latency');
const NODE_CORE = path.join(root, 'build-wasm/wasm/exportcheck-core-node.cjs');
for (const f of [CLI, BENCH, NODE_CORE, path.join(root, 'public/bundle/default.ecb.gz')]) {
  if (!existsSync(f)) throw new Error(`${path.relative(root, f)} is missing: run scripts/build.sh first`);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

// The default bundle as it was before issue 14, rebuilt from data/ and signed with the test key, in a copy of
// public/ (the page pins the test public key unless the build was given another).
function public2022() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'exportcheck-2022-'));
  cpSync(path.join(root, 'public'), dir, { recursive: true });
  const bundle = path.join(dir, 'bundle/default.ecb.gz');
  run(CLI, ['bundle', 'build', '--csl', 'data/csl/consolidated.csv', '--ofac-sdn', 'data/ofac/sdn_2023-12-29',
    '--ofac-cons', 'data/ofac/nonsdn_cons_2025-12', '--dpl', 'data/dpl/dpl.txt', '--un', 'data/un/UN_consolidated.xml',
    '--rules', 'data/rules', '--list', 'data/bis/ecfr_2026-07-09/entity_list.jsonl',
    '--list', 'data/bis/ecfr_2026-07-09/meu.jsonl', '-o', bundle]);
  run(CLI, ['bundle', 'sign', bundle, '--key', 'tests/keys/test-ed25519-private.pem', '-o', `${bundle}.sig`]);
  return dir;
}

// Names and native index build, by this tree's engine.
function nativeIndex(bundle) {
  const out = run(BENCH, ['--bundle', bundle, '--index-only']);
  const [, entries, names] = out.match(/: (\d+) entries, (\d+) names and aliases/);
  const [, ms] = out.match(/index build: ([\d.]+) ms median/);
  return { entries: Number(entries), names: Number(names), indexMs: Number(ms) };
}

// The wasm core under node (this tree's build): ec_load_bundle, bundle parse and index build.
async function wasmLoad(bundle) {
  const m = await createRequire(import.meta.url)(NODE_CORE)();
  const raw = gunzipSync(readFileSync(bundle));
  const times = [];
  for (let k = 0; k < 3; k++) {
    const ptr = m._malloc(raw.length);
    m.HEAPU8.set(raw, ptr);
    const start = performance.now();
    const reply = JSON.parse(m.UTF8ToString(m._ec_load_bundle(ptr, raw.length))); // it frees the bytes
    times.push(performance.now() - start);
    if (!reply.ok) throw new Error(`${bundle}: ${JSON.stringify(reply.error)}`);
  }
  return median(times);
}

// Page ready from a warm cache, in a fresh profile: one cold visit fills the caches, then reloads.
async function warmReady(publicDir) {
  const server = await startServer({ root: publicDir, port: 0 });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'exportcheck-ready-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    const ready = async () => {
      await page.goto(server.url);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
      return Number(await page.getAttribute('body', 'data-ready-ms'));
    };
    await ready();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    const warm = [];
    for (let i = 0; i < RELOADS; i++) warm.push(await ready());
    return median(warm);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

const made = [];
const variants = (argv.length ? argv : ['2022', 'now=public']).map((a) => {
  if (a === '2022') {
    made.push(public2022());
    return { label: a, dir: made.at(-1) };
  }
  const [label, dir] = a.split('=');
  if (!dir || !existsSync(path.join(dir, 'bundle/default.ecb.gz'))) throw new Error(`${a}: expected LABEL=PUBLIC_DIR with bundle/default.ecb.gz`);
  return { label, dir: path.resolve(root, dir) };
});

const rows = [];
try {
  for (const v of variants) {
    const bundle = path.join(v.dir, 'bundle/default.ecb.gz');
    const native = nativeIndex(bundle);
    rows.push({ ...v, ...native, wasmMs: await wasmLoad(bundle), readyMs: await warmReady(v.dir) });
    console.error(`measured ${v.label}`);
  }
} finally {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
}

const base = rows[0];
const x = (a, b) => `${(a / b).toFixed(2)}x`;
console.log(`one run, this machine (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}); growth against "${base.label}"`);
console.log(['bundle', 'entries', 'names', 'native index build', 'wasm load + index', 'page ready (warm)', 'names growth',
  'index growth', 'wasm growth', 'ready growth'].join(' | '));
for (const r of rows) {
  console.log([r.label, r.entries, r.names, `${r.indexMs.toFixed(0)} ms`, `${r.wasmMs.toFixed(0)} ms`, `${r.readyMs} ms`,
    x(r.names, base.names), x(r.indexMs, base.indexMs), x(r.wasmMs, base.wasmMs), x(r.readyMs, base.readyMs)].join(' | '));
}
