// The Emscripten module of the core, instantiated: the node flavour from the wasm build dir in node, the web
// flavour next to the built script (public/wasm/) in pages and Workers.
import { Core } from './core.js';

const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined'
  && typeof WorkerGlobalScope === 'undefined';

let factoryPromise;
function moduleFactory() {
  factoryPromise ??= (async () => {
    if (isNode) {
      const { createRequire } = await import('node:module');
      return createRequire(import.meta.url)('../../build-wasm/wasm/exportcheck-core-node.cjs');
    }
    const url = new URL('./wasm/exportcheck-core.mjs', import.meta.url).href;
    return (await import(/* @vite-ignore */ url)).default;
  })();
  return factoryPromise;
}

export async function loadCore() {
  const factory = await moduleFactory();
  return new Core(await factory());
}
