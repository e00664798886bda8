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

// The web flavour's wasm, compiled once (off the page's thread: compileStreaming) and handed to every Worker
// (a WebAssembly.Module is shared, not copied): the Workers then share its code, and the optimised code the
// engine compiles for its hot functions while a batch runs is compiled once, not once per Worker.
export async function compileCore() {
  if (isNode || typeof WebAssembly?.compileStreaming !== 'function') return undefined;
  const response = fetch(new URL('./wasm/exportcheck-core.wasm', import.meta.url));
  return WebAssembly.compileStreaming(response).catch(async () => WebAssembly.compile(await (await response).clone().arrayBuffer()));
}

// `wasmModule`: the module compileCore gave (else the factory fetches and compiles it itself).
export async function loadCore(wasmModule) {
  const factory = await moduleFactory();
  if (!wasmModule) return new Core(await factory());
  let failed;
  const instantiateFailed = new Promise((_, reject) => { failed = reject; });
  const module = factory({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule), failed);
      return {}; // the exports come through receive
    },
  });
  return new Core(await Promise.race([module, instantiateFailed]));
}
