// ExportCheck's JavaScript API (page, worker and node):
//
//   import { createChecker } from 'exportcheck';
//   const checker = await createChecker({ bundle, signature, publicKey });
//   checker.info();                                   // the loaded bundle: id, dates, counts, sources
//   await checker.match({ name, type, country });     // one name against the lists
//   await checker.screen(order);                      // one order -> report (decision, findings, items)
//   await checker.screenBatch(orders, { onProgress, onChunk, signal });  // many; Workers in the browser
//   checker.parseOrders(text, { format });            // CSV (parsed by the core) or JSON lines -> orders
//   await checker.setOwnList(text, { name });         // the reseller's own list (CSV or JSON lines), screened too
//
// bundle     URL (string or URL) or bytes of the gzip-compressed bundle file;
//            default: ./bundle/default.ecb.gz next to this module (in node: public/bundle/default.ecb.gz)
// signature  URL or bytes of its raw Ed25519 signature; default: the bundle URL + '.sig'
// publicKey  the raw Ed25519 public key in base64; default: the key pinned at build time
//
// The signature is checked on the file exactly as downloaded, before anything decompresses or parses it.
import { Core, ExportCheckError } from './core.js';
import { gunzip, isGzip, verifyBundle } from './bundle.js';
import { digestReport, parseJsonLines, runBatch } from './batch.js';
import { WorkerPool } from './worker-pool.js';
import { screenRequest } from './screen-request.js';

export { ExportCheckError };

const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';

/* global __EXPORTCHECK_PUBLIC_KEY__ */
// Replaced by the build (esbuild --define) with the publisher's key; undefined when run unbundled.
const PINNED_PUBLIC_KEY = typeof __EXPORTCHECK_PUBLIC_KEY__ === 'string' ? __EXPORTCHECK_PUBLIC_KEY__ : undefined;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

let factoryPromise;

// The Emscripten module factory: the node flavour from the wasm build dir in node, the web flavour next to
// this module in pages and workers.
function moduleFactory() {
  factoryPromise ??= (async () => {
    if (isNode) {
      const { createRequire } = await import('node:module');
      const nodeRequire = createRequire(import.meta.url);
      return nodeRequire('../../build-wasm/wasm/exportcheck-core-node.cjs');
    }
    const url = new URL('./wasm/exportcheck-core.mjs', import.meta.url).href;
    return (await import(/* @vite-ignore */ url)).default;
  })();
  return factoryPromise;
}

function defaultBundleUrl() {
  return isNode
    ? new URL('../../public/bundle/default.ecb.gz', import.meta.url)
    : new URL('./bundle/default.ecb.gz', import.meta.url);
}

// A URL for a string: relative to the page (browser) or to the working directory (node).
async function toUrl(source) {
  if (source instanceof URL) return source;
  const base = isNode
    ? (await import('node:url')).pathToFileURL(process.cwd() + '/')
    : (globalThis.location?.href ?? import.meta.url);
  return new URL(String(source), base);
}

function isBytes(source) {
  return source instanceof Uint8Array || source instanceof ArrayBuffer || ArrayBuffer.isView(source);
}

async function loadBytes(source, what) {
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  const url = await toUrl(source);
  try {
    if (url.protocol === 'file:' && isNode) {
      const [{ readFile }, { fileURLToPath }] = await Promise.all([import('node:fs/promises'), import('node:url')]);
      const buf = await readFile(fileURLToPath(url));
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    return new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw new ExportCheckError(`${what}_unavailable`, `The ${what} could not be loaded from ${url.href}: ${err.message}`,
      { cause: err });
  }
}

export async function createChecker({ bundle, signature, publicKey } = {}) {
  const key = publicKey ?? PINNED_PUBLIC_KEY;
  if (!key) {
    throw new ExportCheckError('public_key_missing',
      'createChecker needs the publisher\'s public key (publicKey, base64) to check the bundle signature');
  }
  const bundleSource = bundle ?? defaultBundleUrl();
  let signatureSource = signature;
  if (signatureSource === undefined) {
    if (isBytes(bundleSource)) {
      throw new ExportCheckError('signature_missing', 'a bundle given as bytes needs its signature as bytes too');
    }
    signatureSource = new URL((await toUrl(bundleSource)).href + '.sig');
  }

  const t0 = now();
  // The wasm instantiates while the bundle downloads.
  const corePromise = moduleFactory().then((factory) => factory()).then((module) => new Core(module));
  corePromise.catch(() => {}); // reported below, after the download's own errors
  // Both download together; when both fail, the bundle's error is the one reported, not whichever came first.
  const downloads = await Promise.allSettled([loadBytes(bundleSource, 'bundle'), loadBytes(signatureSource, 'signature')]);
  for (const d of downloads) if (d.status === 'rejected') throw d.reason;
  const [bundleBytes, signatureBytes] = downloads.map((d) => d.value);
  const t1 = now();
  const { sha256: fileSha256 } = await verifyBundle(bundleBytes, signatureBytes, key);
  const t2 = now();
  const raw = isGzip(bundleBytes) ? await gunzip(bundleBytes) : bundleBytes; // the core refuses non-bundles
  const t3 = now();
  const core = await corePromise;
  const t4 = now();
  core.loadBundle(raw);
  const t5 = now();

  let pool; // the browser's Worker pool for screenBatch, created on first use
  let ownList = null; // { text, name, version } of the own list set, given to every Worker before it screens
  const ownListArgument = (text, name) => {
    if (typeof text !== 'string') throw new ExportCheckError('bad_argument', 'the own list must be given as text (CSV or JSON lines)');
    return { text, name: name ?? 'own list' };
  };
  const checker = {
    // The loaded bundle: format, id, built_at, sha256, counts per list, sources and notes.
    info: () => core.info(),
    // The engine version.
    version: () => core.version(),
    // sha256 of the signed (compressed) file as downloaded.
    fileSha256,
    // Milliseconds spent per step of createChecker (download includes reading given bytes).
    timings: {
      download: t1 - t0, verify: t2 - t1, gunzip: t3 - t2, wasmWait: t4 - t3, load: t5 - t4,
      bytesToInfo: t5 - t1 - (t4 - t3),
    },
    // Which optional core functions this build has (match, screen, parse_orders_csv, products, set_own_list).
    capabilities: () => Object.fromEntries(['match', 'screen', 'parse_orders_csv', 'products', 'set_own_list']
      .map((name) => [name, core.has(name)])),
    // The reseller's own list (docs/import-format.md: CSV or JSON lines, list code OWN, each entry's
    // consequence block or review), screened with every later order, single or batch, until replaced; ''
    // clears it. Resolves to { entries, sha256 } (null when cleared). A list with an error is refused with
    // ExportCheckError('import_invalid', 'name: line 3: field `consequence`: ...') and changes nothing.
    setOwnList: async (text, { name } = {}) => {
      const argument = ownListArgument(text, name);
      const summary = core.call('set_own_list', argument);
      ownList = summary ? { ...argument, version: (ownList?.version ?? 0) + 1 } : null;
      pool?.setOwnList(ownList);
      return summary;
    },
    // The own list in use: { entries, sha256 } or null.
    ownList: () => (core.has('own_list') ? core.call('own_list', {}) : null),
    // Reads an own list without using it: { entries: [import-format objects] }; errors as setOwnList.
    parseOwnList: (text, { name } = {}) => core.call('parse_own_list', ownListArgument(text, name)),
    // An own list (CSV or JSON lines) written as the import format's CSV, which reads back the same.
    ownListCsv: (text, { name } = {}) => core.call('own_list_csv', ownListArgument(text, name)),
    // One name against the lists: { query, hits: [{ list, source_id, name, matched_name, score, ... }] }.
    match: async (query) => core.call('match', query),
    // One order -> its report. Rejects with the core's error (code bad_order, ...) when the order is refused.
    // options (docs/orders.md): clearances (adjudicated false positives), settings, screened_at (ISO time).
    screen: async (order, options) => core.call('screen', screenRequest(order, options)),
    // Orders from text: format 'csv' (the core's order CSV layout), 'jsonl' (one order per line) or 'json'
    // (an array or one order). Returns { orders, errors: [{ line, message }] }.
    parseOrders: (text, { format } = {}) => {
      const parsed = parseOrders(core, text, format);
      checkBatchSize(core, parsed.orders.length);
      return parsed;
    },
    // The product catalogue for item suggestions (empty when the core does not publish one).
    products: () => (core.has('products') ? core.call('products', {}) : []),
    // Many orders; resolves to the reports in input order. An order the core refuses gives
    // { order_id, error: { code, message } } in its place; the batch goes on. In the browser the work runs
    // in Workers (one per core, at most 4); `signal` aborts it (the Workers are terminated) and the
    // promise rejects with an AbortError. onProgress({ done, total, elapsedMs, rate, etaMs });
    // onChunk(firstIndex, reports) as results arrive (not necessarily in order); request: the options of
    // screen() (clearances, settings, screened_at) for every order; digest: true gives, instead of report
    // objects, { order_id, decision, summary, findings (count), rules, main: {rule, message}, json } with the
    // report's JSON text as the core wrote it (much less for the page's thread to copy and keep).
    screenBatch: async (orders, options = {}) => {
      if (!Array.isArray(orders)) throw new ExportCheckError('bad_argument', 'screenBatch expects an array of orders');
      checkBatchSize(core, orders.length);
      if (useWorkers(options)) {
        pool ??= await createPool(raw, options.workers, ownList);
        return pool.run(orders, options);
      }
      const screen = options.digest
        ? (order) => digestReport(core.callRaw('screen', screenRequest(order, options.request)))
        : (order) => core.call('screen', screenRequest(order, options.request));
      return runBatch(screen, orders, options);
    },
    // Starts the batch Workers ahead of a batch (browser; `count` of them, all by default) and resolves with
    // what the first reports once its rules are built: { info, products }. Elsewhere: the same, in this thread.
    warmUp: async (options = {}) => {
      if (!useWorkers(options)) {
        return { info: core.info(), products: core.has('products') ? core.call('products', {}) : [] };
      }
      pool ??= await createPool(raw, options.workers, ownList);
      return pool.ready(options.count);
    },
    // Frees the Workers (the checker stays usable; a later batch starts them again).
    close: () => {
      pool?.terminate();
      pool = undefined;
    },
  };
  return checker;
}

function useWorkers(options) {
  return !isNode && options.inline !== true && typeof Worker === 'function';
}

async function createPool(raw, size, ownList) {
  const pool = new WorkerPool({ workerUrl: new URL('./worker.js', import.meta.url), bundle: raw, size });
  pool.setOwnList(ownList);
  return pool;
}

// A batch over the core's documented maximum (exportcheck/limits.hpp, asked of the core) is refused whole,
// as the CLI refuses such a file: never screened in part, never allowed to exhaust the page's memory.
function checkBatchSize(core, count) {
  if (!core.has('limits')) return;
  const max = core.call('limits', {}).orders_per_batch;
  if (count > max) {
    throw new ExportCheckError('batch_too_large',
      `${count.toLocaleString('en')} orders; a batch is limited to ${max.toLocaleString('en')} orders: split the file`);
  }
}

function parseOrders(core, text, format) {
  if (typeof text !== 'string') throw new ExportCheckError('bad_argument', 'parseOrders expects the file as text');
  const kind = format ?? (/^\s*[[{]/.test(text) ? 'jsonl' : 'csv');
  if (kind === 'csv') {
    if (!core.has('parse_orders_csv')) {
      throw new ExportCheckError('not_available',
        'this build of the core cannot read order CSV files yet; use JSON lines (one order per line)');
    }
    const parsed = core.callText('parse_orders_csv', text);
    return Array.isArray(parsed) ? { orders: parsed, errors: [] } : { orders: parsed.orders ?? [], errors: parsed.errors ?? [] };
  }
  if (kind === 'json') {
    const value = JSON.parse(text);
    return { orders: Array.isArray(value) ? value : [value], errors: [] };
  }
  if (kind === 'jsonl') {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('[')) return parseOrders(core, text, 'json');
    return parseJsonLines(text);
  }
  throw new ExportCheckError('bad_argument', `unknown order file format "${kind}" (csv, jsonl or json)`);
}
