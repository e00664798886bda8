// The one Worker of the page and the widget (built to public/worker.js and public/export-check-worker.js):
// one wasm core and one loaded bundle, driven through web/lib/bridge.js. Requests {id, type, args, ownList?}
// answer {id, ok} or {id, error: {code, message}}:
//   init [{raw, module?}]                 the bundle the page already verified and decompressed, and the
//                                         wasm the page compiled once for all its Workers (load-core.js)
//   init [{bundle?, signature?, publicKey?}] URLs: this Worker downloads and checks the bundle (the widget)
//                                         -> {info, version, countries, limits, fileSha256?}
//   any method of Engine (web/lib/engine.js): screen, screenOrders, planText, screenText, match, products,
//   parseOrders, setOwnList, ownList, parseOwnList, ownListCsv. A batch file reaches the core as the raw text
//   of its chunks (screenText), never as orders written again in JavaScript. `ownList` ({text, name} or null) is set first when given.
import { errorData, ExportCheckError } from './errors.js';
import { downloadBundle, openBundle } from './download.js';
import { Engine } from './engine.js';
import { loadCore } from './load-core.js';
import { packReports } from './report-bytes.js';

/* global __EXPORTCHECK_PUBLIC_KEY__ */
const PINNED_PUBLIC_KEY = typeof __EXPORTCHECK_PUBLIC_KEY__ === 'string' ? __EXPORTCHECK_PUBLIC_KEY__ : undefined;
const METHODS = new Set(['screen', 'screenOrders', 'planText', 'screenText', 'match', 'products', 'parseOrders', 'setOwnList',
  'ownList', 'parseOwnList', 'ownListCsv']);

let engine; // a promise of the Engine, set by init

async function init({ raw, module, bundle, signature, publicKey }) {
  const core = loadCore(module); // instantiates while the bundle downloads
  core.catch(() => {});
  let fileSha256;
  if (!raw) {
    const source = bundle ?? new URL('./bundle/default.ecb.gz', import.meta.url).href;
    const [bytes, sig] = await downloadBundle(source, signature);
    ({ raw, fileSha256 } = await openBundle(bytes, sig, publicKey ?? PINNED_PUBLIC_KEY));
  }
  const e = new Engine(await core);
  e.loadBundle(raw);
  // The rules are built right after this reply, not on the first order (asking for the catalogue builds them).
  setTimeout(() => { try { e.products(); } catch { /* a bundle without rules: each order says so */ } }, 0);
  return { engine: e, catalogue: { ...e.catalogue(), fileSha256 } };
}

async function handle({ type, args = [], ownList }) {
  if (type === 'init') {
    const started = init(args[0] ?? {});
    engine = started.then((s) => s.engine);
    engine.catch(() => { engine = undefined; }); // a later request may try again (e.g. once back online)
    return (await started).catalogue;
  }
  if (!engine) throw new ExportCheckError('no_bundle', 'the worker has no bundle loaded');
  if (!METHODS.has(type)) throw new ExportCheckError('bad_argument', `unknown request ${type}`);
  const e = await engine;
  if (ownList !== undefined) e.useOwnList(ownList);
  return e[type](...args);
}

// A result's `buffers` (a batch chunk's reports as UTF-8) are packed (web/lib/report-bytes.js) and handed
// over, not copied.
const transfers = (ok) => (Array.isArray(ok?.buffers) ? ok.buffers.map((b) => b.buffer) : []);

self.onmessage = async ({ data }) => {
  try {
    const ok = await handle(data);
    if (Array.isArray(ok?.buffers)) Object.assign(ok, await packReports(ok.buffers));
    self.postMessage({ id: data.id, ok }, transfers(ok));
  } catch (err) {
    self.postMessage({ id: data.id, error: errorData(err) });
  }
};
