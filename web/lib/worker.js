// The batch Worker (module Worker, started by web/lib/worker-pool.js): owns one instance of the wasm core.
//   {type:'init', bundle}   the decompressed bundle the page has already verified
//                           -> {type:'ready', info: {id, sha256}, products}   (the rules are built by then)
//   {type:'screen', orders, request?, digest?, ownList?} -> {type:'done', reports}   (a refused order gives an error
//                           row in its place; request: clearances, settings, screened_at applied to every order;
//                           digest: digests with the report's JSON text instead of report objects;
//                           ownList: {text, name} the reseller's own list, set first and kept for later chunks)
// Any failure -> {type:'failed', error:{code, message}}.
import { Core } from './core.js';
import { digestReport, screenChunk } from './batch.js';
import { screenRequest } from './screen-request.js';

let core;

async function init(bundle) {
  const url = new URL('./wasm/exportcheck-core.mjs', import.meta.url).href;
  const factory = (await import(/* @vite-ignore */ url)).default;
  core = new Core(await factory());
  const info = core.loadBundle(bundle);
  // Build the screening rules now, not on the first order of a batch (asking for the catalogue does).
  let products = [];
  if (core.has('products')) {
    try {
      products = core.call('products', {});
    } catch {
      // a bundle without rules: each order will say so
    }
  }
  return { info, products };
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === 'init') {
      const { info, products } = await init(data.bundle);
      self.postMessage({ type: 'ready', info: { id: info.id, sha256: info.sha256 }, products });
    } else if (data.type === 'screen') {
      if (!core) throw Object.assign(new Error('the worker has no bundle loaded'), { code: 'no_bundle' });
      if (data.ownList) core.call('set_own_list', data.ownList);
      const screen = data.digest
        ? (order) => digestReport(core.callRaw('screen', screenRequest(order, data.request)))
        : (order) => core.call('screen', screenRequest(order, data.request));
      self.postMessage({ type: 'done', reports: screenChunk(screen, data.orders) });
    } else {
      throw Object.assign(new Error(`unknown message ${data.type}`), { code: 'bad_argument' });
    }
  } catch (err) {
    self.postMessage({ type: 'failed', error: { code: err.code ?? 'internal', message: err.message ?? String(err) } });
  }
};
