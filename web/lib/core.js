// The Emscripten module of the C++ core, wrapped: JSON in, JSON out. Every C export returns a pointer to
// a UTF-8 JSON string, either {"ok": value} or {"error": {"code", "message"}}; errors become
// ExportCheckError with the core's stable `code`. Works with the web flavour (ES module) and the node
// flavour (CommonJS) alike: both are given to `new Core(module)` once instantiated.

import { ExportCheckError } from './errors.js';

export { ExportCheckError };

const encoder = new TextEncoder();
// Every C export this wrapper calls (wasm/CMakeLists.txt exports them); a module without one is a stale build.
const EXPORTS = ['load_bundle', 'info', 'version', 'screen', 'read_orders_csv', 'products', 'match', 'compare',
  'set_own_list', 'own_list', 'parse_own_list', 'own_list_csv', 'limits', 'countries'];

export class Core {
  #m;

  constructor(module) {
    for (const name of [...EXPORTS.map((e) => `_ec_${e}`), '_malloc', '_free', 'UTF8ToString', 'HEAPU8']) {
      if (!(name in module)) throw new ExportCheckError('wasm_mismatch', `the wasm module lacks ${name}: rebuild it`);
    }
    this.#m = module;
  }

  // Reads the JSON reply a C export returned (valid until the next call into the core).
  #reply(ptr, { raw = false } = {}) {
    const text = this.#m.UTF8ToString(ptr);
    // {"ok":<value>}: with `raw` the value's JSON text is returned as the core wrote it, unparsed.
    if (raw && text.startsWith('{"ok":') && text.endsWith('}')) return text.slice(6, -1);
    const reply = JSON.parse(text);
    if (reply.error) throw new ExportCheckError(reply.error.code, reply.error.message);
    return raw ? JSON.stringify(reply.ok) : reply.ok;
  }

  // Loads a decompressed bundle; returns its info. The previous bundle stays loaded if this one is refused.
  loadBundle(bytes) {
    if (!(bytes instanceof Uint8Array)) {
      throw new ExportCheckError('bad_argument', 'loadBundle expects the decompressed bundle as a Uint8Array');
    }
    const m = this.#m;
    const ptr = m._malloc(Math.max(bytes.length, 1));
    if (!ptr) throw new ExportCheckError('out_of_memory', `cannot allocate ${bytes.length} bytes for the bundle`);
    m.HEAPU8.set(bytes, ptr); // read HEAPU8 after malloc: memory growth replaces the view
    // The core frees the bytes itself once read, before it builds the name index (a smaller peak heap).
    return this.#reply(m._ec_load_bundle(ptr, bytes.length));
  }

  info() {
    return this.#reply(this.#m._ec_info());
  }

  // Calls `ec_<name>(json, length)` with `value` as UTF-8 JSON (NUL-terminated, so a C export taking only
  // a `const char*` reads it too) and returns the parsed `ok` value; errors become ExportCheckError.
  call(name, value) {
    return this.callText(name, typeof value === 'string' ? value : JSON.stringify(value));
  }

  // As call(), but returns the result's JSON text exactly as the core wrote it (a report stays byte-identical
  // to the CLI's `screen --compact` line, and nothing is parsed that the caller does not need).
  callRaw(name, value) {
    return this.callText(name, typeof value === 'string' ? value : JSON.stringify(value), { raw: true });
  }

  // As call(), with the argument already as text (JSON, JSON lines or CSV, as the export expects).
  callText(name, text, { raw = false } = {}) {
    const fn = this.#m[`_ec_${name}`];
    const m = this.#m;
    const max = text.length * 3 + 1; // UTF-16 code unit -> at most 3 UTF-8 bytes
    const ptr = m._malloc(max);
    if (!ptr) throw new ExportCheckError('out_of_memory', `cannot allocate ${max} bytes for ${name}()`);
    try {
      const { written } = encoder.encodeInto(text, m.HEAPU8.subarray(ptr, ptr + max - 1));
      m.HEAPU8[ptr + written] = 0;
      return this.#reply(fn(ptr, written), { raw });
    } finally {
      m._free(ptr);
    }
  }

  version() {
    return this.#reply(this.#m._ec_version());
  }
}
