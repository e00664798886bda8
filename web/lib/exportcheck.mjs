// ExportCheck's JavaScript API (page, worker and node):
//
//   import { createChecker } from 'exportcheck';
//   const checker = await createChecker({ bundle, signature, publicKey });
//   checker.info();                                   // the loaded bundle: id, dates, counts, sources
//   await checker.match({ name, type, country });     // one name against the lists
//   await checker.screen(order);                      // one order -> report (decision, findings, items)
//   await checker.screenBatch(orders, { onProgress, onChunk, signal });  // many; Workers in the browser
//   await checker.screenText(text, { format, ... });  // a file of orders as text, read by the core in Workers
//   await checker.parseOrders(text, { format });      // CSV (parsed by the core) or JSON lines -> orders
//   await checker.setOwnList(text, { name });         // the reseller's own list (CSV or JSON lines), screened too
//
// bundle     URL (string or URL) or bytes of the gzip-compressed bundle file;
//            default: ./bundle/default.ecb.gz next to this module (in node: public/bundle/default.ecb.gz)
// signature  URL or bytes of its raw Ed25519 signature; default: the bundle URL + '.sig'
// publicKey  the raw Ed25519 public key in base64; default: the key pinned at build time
//
// The signature is checked on the file exactly as downloaded, before anything decompresses or parses it.
import { ExportCheckError } from './errors.js';
import { downloadBundle, openBundle, isBytes } from './download.js';
import { runTasks } from './batch.js';
import { reportJson, withReportBytes } from './report-bytes.js';
import { Engine } from './engine.js';
import { compileCore, loadCore } from './load-core.js';
import { WorkerPool } from './worker-pool.js';

export { ExportCheckError, reportJson };

const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';

/* global __EXPORTCHECK_PUBLIC_KEY__ */
// Replaced by the build (esbuild --define) with the publisher's key; undefined when run unbundled.
const PINNED_PUBLIC_KEY = typeof __EXPORTCHECK_PUBLIC_KEY__ === 'string' ? __EXPORTCHECK_PUBLIC_KEY__ : undefined;

// Orders per Worker task: about a hundred progress steps for a big batch, small tasks for a small one.
const taskSize = (total, workers) => Math.max(1, Math.min(100, Math.ceil(total / 100), Math.ceil(total / workers)));

function defaultBundleUrl() {
  return isNode
    ? new URL('../../public/bundle/default.ecb.gz', import.meta.url)
    : new URL('./bundle/default.ecb.gz', import.meta.url);
}

export async function createChecker({ bundle, signature, publicKey, inline } = {}) {
  const key = publicKey ?? PINNED_PUBLIC_KEY;
  if (!key) {
    throw new ExportCheckError('public_key_missing',
      'createChecker needs the publisher\'s public key (publicKey, base64) to check the bundle signature');
  }
  const source = bundle ?? defaultBundleUrl();
  if (isBytes(source) && signature === undefined) {
    throw new ExportCheckError('signature_missing', 'a bundle given as bytes needs its signature as bytes too');
  }
  const workers = !isNode && inline !== true && typeof Worker === 'function';
  const core = workers ? null : loadCore(); // instantiates while the bundle downloads
  core?.catch(() => {}); // reported below, after the download's own errors
  const [bytes, sig] = await downloadBundle(source, signature);
  const { raw, fileSha256 } = await openBundle(bytes, sig, key);
  const backend = workers ? await workerBackend(raw) : inlineBackend(raw, await core);
  return checkerOver(backend, fileSha256);
}

// In this thread (node, or a page asking for it): one Engine.
function inlineBackend(raw, core) {
  const engine = new Engine(core);
  engine.loadBundle(raw);
  return {
    catalogue: engine.catalogue(),
    call: async (type, args) => engine[type](...args),
    setOwnList: () => {}, // the engine has it already
    ownListInUse: () => engine.ownList(),
    batch: (tasks, options) => runTasks((task) => engine[task.type](...task.args), tasks, options),
    workers: 1,
    close: () => {},
  };
}

// In a browser: Workers own the core (the page's thread keeps none); the first answers the catalogue.
async function workerBackend(raw) {
  const module = await compileCore().catch(() => undefined); // else each Worker compiles its own
  const init = module ? { raw, module } : { raw };
  let pool = new WorkerPool({ workerUrl: new URL('./worker.js', import.meta.url), init });
  const catalogue = await pool.ready(1);
  let ownList = null;
  let ownSummary = null;
  return {
    catalogue,
    call: (type, args) => pool.call(type, args),
    setOwnList: (list, summary) => { ownList = list; ownSummary = summary; pool.setOwnList(list); },
    ownListInUse: () => ownSummary,
    batch: (tasks, options) => pool.run(tasks, options),
    get workers() { return pool.size; },
    warmUp: (count) => pool.ready(count),
    close: () => {
      pool.terminate();
      pool = new WorkerPool({ workerUrl: new URL('./worker.js', import.meta.url), init });
      pool.setOwnList(ownList);
    },
  };
}

// A batch over the core's documented maximum (exportcheck/limits.hpp, asked of the core) is refused whole,
// as the CLI refuses such a file: never screened in part, never allowed to exhaust the page's memory.
const batchSizeCheck = (limits) => (count) => {
  if (count > limits.orders_per_batch) {
    throw new ExportCheckError('batch_too_large', `${count.toLocaleString('en')} orders; a batch is limited to ` +
      `${limits.orders_per_batch.toLocaleString('en')} orders: split the file`);
  }
};

const ownListArgument = (text, name) => {
  if (typeof text !== 'string') throw new ExportCheckError('bad_argument', 'the own list must be given as text (CSV or JSON lines)');
  return [text, { name: name ?? 'own list' }];
};

// The reseller's own list (docs/import-format.md: CSV or JSON lines, list code OWN, each entry's
// consequence block or review).
function ownListMethods(backend) {
  let ownVersion = 0;
  return {
    // Screened with every later order, single or batch, until replaced; '' clears it. Resolves to
    // { entries, sha256 } (null when cleared). A list with an error is refused with
    // ExportCheckError('import_invalid', 'name: line 3: field `consequence`: ...') and changes nothing.
    setOwnList: async (text, { name } = {}) => {
      const args = ownListArgument(text, name);
      const summary = await backend.call('setOwnList', args);
      backend.setOwnList(summary ? { text, name: args[1].name, version: ++ownVersion } : null, summary);
      return summary;
    },
    // The own list in use: { entries, sha256 } or null.
    ownList: () => backend.ownListInUse(),
    // Reads an own list without using it: { entries: [import-format objects] }; errors as setOwnList.
    parseOwnList: async (text, { name } = {}) => backend.call('parseOwnList', ownListArgument(text, name)),
    // An own list (CSV or JSON lines) written as the import format's CSV, which reads back the same.
    ownListCsv: async (text, { name } = {}) => backend.call('ownListCsv', ownListArgument(text, name)),
  };
}

// Many orders; resolves to the reports in input order. An order the core refuses gives
// { order_id, error: { code, message } } in its place; the batch goes on. In the browser the work runs
// in Workers (one per core, at most 4); `signal` aborts it (the Workers are terminated) and the
// promise rejects with an AbortError. onProgress({ done, total, elapsedMs, rate, etaMs });
// onChunk(firstIndex, reports) as results arrive (not necessarily in order); request: the options of
// screen() (clearances, settings, screened_at) for every order; digest: true gives, instead of report
// objects, the core's digests { order_id, decision, summary, findings (count), rules, main: {rule, message} }
// with the report as the core wrote it: in a browser's Workers `packed` (its place in deflated bytes, which an
// audit log keeps as they are), else `utf8` (its bytes) and `json` (the same text); reportJson(digest) (exported)
// reads either. Much less for the page's thread to copy and keep.
async function screenBatch(backend, orders, options, checkBatchSize) {
  if (!Array.isArray(orders)) throw new ExportCheckError('bad_argument', 'screenBatch expects an array of orders');
  checkBatchSize(orders.length);
  const size = options.chunkSize ?? taskSize(orders.length, backend.workers);
  const { request, digest } = options;
  const tasks = [];
  for (let from = 0; from < orders.length; from += size) {
    const part = orders.slice(from, from + size);
    tasks.push({ from, count: part.length, type: 'screenOrders', args: [part, { request, digest }] });
  }
  const results = new Array(orders.length);
  await backend.batch(tasks, { ...options, total: orders.length, onTask: (task, { reports, buffers, packed }) => {
    if (buffers) for (const r of reports) if (r?.span) withReportBytes(r, buffers, packed);
    for (let i = 0; i < reports.length; i++) results[task.from + i] = reports[i];
    options.onChunk?.(task.from, reports);
  } });
  return results;
}

// A file of orders as text (format 'csv', 'jsonl' or 'json'; detected by the core when not given), screened as
// `exportcheck screen` screens it, without the page's thread reading it: a Worker's core counts it, applies
// the file limits (a file over them is refused whole) and cuts it into chunks of whole orders (CSV: rows with
// the header and the line they start at); each chunk goes to a Worker's core as written. name: the file's
// name, in the errors. Options as screenBatch; onChunk(firstIndex, reports, orders). Resolves to
// { orders, reports, errors: [{ line, column?, code, message, message_id, params }] } (errors: what holds no
// order, worded by the core in request.lang; not screened). A digest here has its report's bytes as
// screenBatch's digests have them.
async function screenText(backend, text, options) {
  if (typeof text !== 'string') throw new ExportCheckError('bad_argument', 'screenText expects the file as text');
  const { request, digest, name = 'orders', format } = options;
  const plan = await backend.call('planText', [text, { format, name, chunk: options.chunkSize, workers: backend.workers,
    lang: request?.lang }]);
  const lines = plan.chunks.length > 1 ? text.split('\n') : null;
  const tasks = [];
  let from = 0;
  for (const [first, count, orders] of plan.chunks) {
    const chunk = lines ? lines.slice(first - 1, first - 1 + count).join('\n') : text;
    tasks.push({ from, count: orders, type: 'screenText', args: [chunk, { format: plan.format, name, firstLine: first,
      csvHeader: lines && plan.csv_header ? plan.csv_header : undefined, request, digest }] });
    from += orders;
  }
  const orders = new Array(plan.orders);
  const reports = new Array(plan.orders);
  const errors = [];
  await backend.batch(tasks, { ...options, total: plan.orders, onTask: (task, result) => {
    if (result.buffers) for (const r of result.reports) if (r?.span) withReportBytes(r, result.buffers, result.packed);
    for (let i = 0; i < result.reports.length; i++) {
      orders[task.from + i] = result.orders[i];
      reports[task.from + i] = result.reports[i];
    }
    errors.push(...result.errors);
    options.onChunk?.(task.from, result.reports, result.orders);
  } });
  errors.sort((a, b) => a.line - b.line);
  return { orders: orders.filter(Boolean), reports: reports.filter(Boolean), errors };
}

function checkerOver(backend, fileSha256) {
  const { info, version, countries, limits } = backend.catalogue;
  const checkBatchSize = batchSizeCheck(limits);
  return {
    // The loaded bundle: format, id, built_at, sha256, counts per list, sources and notes.
    info: () => info,
    // The engine version.
    version: () => version,
    // sha256 of the signed (compressed) file as downloaded.
    fileSha256,
    // [{code, name}]: every country the core knows (English names; show Intl.DisplayNames in the user's language).
    countries: () => countries,
    // The core's documented maxima (orders_per_batch, name_bytes ...).
    limits: () => limits,
    ...ownListMethods(backend),
    // One name against the lists: { query, hits: [{ list, source_id, name, matched_name, score, ... }] }.
    match: (query) => backend.call('match', [query]),
    // One order -> its report. Rejects with the core's error (code bad_order, ...) when the order is refused.
    // options (docs/orders.md): clearances (adjudicated false positives), settings, screened_at (ISO time).
    screen: (order, options) => backend.call('screen', [order, options]),
    // Orders from text, read by the core as screenText reads them: format 'csv' (the core's order CSV layout),
    // 'jsonl' (one order per line), 'json' (an array or one order), or detected. Resolves to { orders, errors:
    // [{ line, column?, code, message, message_id, params }] }: every good order, every bad line or row (a CSV
    // row's error leaves out its order). name: the file's name, used in the errors; lang ('en' or 'fr'): the
    // language of the errors. A file over the limits or not a CSV of orders rejects whole.
    parseOrders: (text, { format, name, lang } = {}) => backend.call('parseOrders', [text, { format, name, lang }]),
    // The product catalogue for item suggestions.
    products: () => backend.call('products', []),
    screenBatch: async (orders, options = {}) => screenBatch(backend, orders, options, checkBatchSize),
    screenText: async (text, options = {}) => screenText(backend, text, options),
    // Starts the Workers ahead of a batch (browser; `count` of them, all by default) and resolves with
    // { info, products } once the first has loaded the lists.
    warmUp: async ({ count } = {}) => {
      await backend.warmUp?.(count);
      return { info, products: await backend.call('products', []) };
    },
    // Frees the Workers (the checker stays usable; a later request starts them again).
    close: () => backend.close(),
  };
}
