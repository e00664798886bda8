// The widget's Worker (built to public/export-check-worker.js): owns the wasm core and the lists for every
// <export-check> element of a page that uses the same bundle. It downloads the bundle, checks its signature
// and loads it through createChecker, exactly as the app does, so the page's main thread only posts orders.
// The wasm and the default bundle are found next to this script (its own origin), whatever page started it.
//
//   {id, type: 'init', bundle?, signature?, publicKey?}  -> {id, ok: {info, capabilities, timings}}
//   {id, type: 'screen', order, options?}               -> {id, ok: report}   (options: screened_at, ...)
//   {id, type: 'match', query}                          -> {id, ok: result}
// A failure answers {id, error: {code, message}}.
import { createChecker } from '../lib/exportcheck.mjs';

let checker; // a promise of the checker, set by the first init
let warmed = false;

async function handle({ type, ...args }) {
  if (type === 'init') {
    checker ??= createChecker({ bundle: args.bundle, signature: args.signature, publicKey: args.publicKey });
    const c = await checker;
    return { info: c.info(), capabilities: c.capabilities(), timings: c.timings };
  }
  if (!checker) throw Object.assign(new Error('the widget worker was not initialised'), { code: 'no_bundle' });
  const c = await checker;
  if (type === 'screen') return c.screen(args.order, args.options);
  if (type === 'match') return c.match(args.query);
  throw Object.assign(new Error(`unknown request ${type}`), { code: 'bad_argument' });
}

// Whatever the core still builds on the first screening after a bundle is loaded (its rules; in older
// cores the name index too) is built as soon as the lists are ready, while the customer is still typing:
// asking for the product catalogue needs it and screens nothing.
async function warmUp() {
  try {
    (await checker).products();
  } catch {
    // a core without products(): the first screening builds them instead
  }
}

self.onmessage = async ({ data }) => {
  try {
    self.postMessage({ id: data.id, ok: await handle(data) });
    if (data.type === 'init' && !warmed) {
      warmed = true;
      warmUp();
    }
  } catch (err) {
    if (data.type === 'init') checker = undefined; // a later element may try again (e.g. once back online)
    self.postMessage({ id: data.id, error: { code: err?.code ?? 'internal', message: err?.message ?? String(err) } });
  }
};
