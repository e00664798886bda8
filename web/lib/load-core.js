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
// (a WebAssembly.Module is shared, not copied), so no Worker fetches and compiles its own (bench/README.md:
// warm page ready 1.43 s against 1.65-1.71 s). A server that does not say application/wasm gets the bytes
// fetched again and compiled whole (a streaming compile may have read the first response).
export async function compileCore() {
  if (isNode || typeof WebAssembly?.compileStreaming !== 'function') return undefined;
  const url = new URL('./wasm/exportcheck-core.wasm', import.meta.url);
  return WebAssembly.compileStreaming(fetch(url)).catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()));
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
