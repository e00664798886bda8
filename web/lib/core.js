// The Emscripten module of the C++ core, wrapped: JSON in, JSON out. Every C export returns a pointer to
// a UTF-8 JSON string, either {"ok": value} or {"error": {"code", "message"}}; errors become
// ExportCheckError with the core's stable `code`. Works with the web flavour (ES module) and the node
// flavour (CommonJS) alike: both are given to `new Core(module)` once instantiated.

import { ExportCheckError } from './errors.js';

export { ExportCheckError };

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const OK_LIST = [...encoder.encode('{"ok":[')];
export class Core {
  #m;
  #stopped; // the error that stopped the module, if one did


  constructor(module) {
    // The exports themselves are listed once, in wasm/bindings.cpp; a call to one the module lacks says so.
    for (const name of ['_ec_load_bundle', '_ec_screen_text', '_malloc', '_free', 'UTF8ToString', 'HEAPU8']) {
      if (!(name in module)) throw new ExportCheckError('wasm_mismatch', `the wasm module lacks ${name}: rebuild it`);
    }
    this.#m = module;
  }

  // Calls a C export. The core answers every bad input with an error reply; were a C++ throw to escape it
  // anyway, the module (built without exception handling, wasm/CMakeLists.txt) aborts: that is told as
  // `core_stopped`, and every later call is refused rather than run on a heap left half-way.
  #invoke(fn, ...args) {
    if (this.#stopped) throw new ExportCheckError('core_stopped', `the screening engine stopped earlier (${this.#stopped.message}): reload the page`);
    try {
      return fn(...args);
    } catch (err) {
      this.#stopped = err;
      throw new ExportCheckError('core_stopped', `the screening engine stopped on an internal error (${err?.message ?? err}): reload the page`, { cause: err });
    }
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
    return this.#reply(this.#invoke(m._ec_load_bundle, ptr, bytes.length));
  }

  info() {
    return this.#reply(this.#invoke(this.#m._ec_info));
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

  // As call(), with the argument already as text (JSON, JSON lines or CSV, as the export expects), and for an
  // export that takes them, its options (an object, passed as JSON).
  callText(name, text, { raw = false, options } = {}) {
    return this.#reply(this.#textCall(name, text, options).ptr, { raw });
  }

  // Calls ec_<name>(text, length, options?) -> { ptr, end }: where its reply is in the heap (valid until the
  // next call into the core).
  #textCall(name, text, options) {
    const fn = this.#m[`_ec_${name}`];
    if (typeof fn !== 'function') throw new ExportCheckError('wasm_mismatch', `the wasm module lacks ec_${name}: rebuild it`);
    const m = this.#m;
    const opts = options === undefined ? '' : JSON.stringify(options);
    const max = text.length * 3 + 1; // UTF-16 code unit -> at most 3 UTF-8 bytes
    const optsMax = opts.length * 3 + 1;
    const ptr = m._malloc(max + optsMax);
    if (!ptr) throw new ExportCheckError('out_of_memory', `cannot allocate ${max + optsMax} bytes for ${name}()`);
    try {
      const { written } = encoder.encodeInto(text, m.HEAPU8.subarray(ptr, ptr + max - 1));
      m.HEAPU8[ptr + written] = 0;
      const optsPtr = ptr + max;
      const { written: optsWritten } = encoder.encodeInto(opts, m.HEAPU8.subarray(optsPtr, optsPtr + optsMax - 1));
      m.HEAPU8[optsPtr + optsWritten] = 0;
      const reply = this.#invoke(fn, ptr, written, options === undefined ? 0 : optsPtr);
      return { ptr: reply, end: m.HEAPU8.indexOf(0, reply) };
    } finally {
      if (!this.#stopped) m._free(ptr); // a stopped module takes no more calls
    }
  }

  // A text of orders through ec_screen_text (wasm/bindings.cpp): the core's output lines (a report or an error
  // line, byte for byte the CLI's; with keep_orders each preceded by its order, with digest each followed by
  // its digest), as the reply's UTF-8 bytes (`bytes`, a copy) and each line's place in them (`spans`, [start,
  // end) pairs); line(i) reads line i as text. Only the lines a caller reads are decoded.
  screenText(text, options) {
    const { ptr, end } = this.#textCall('screen_text', text, options);
    const bytes = this.#m.HEAPU8.slice(ptr, end);
    if (!OK_LIST.every((b, i) => bytes[i] === b)) this.#reply(ptr); // an error: thrown as such
    // '{"ok":[\n<line>,\n<line>\n]}': the core puts every line on a line of its own ('\n' is never inside one).
    const spans = [];
    for (let at = OK_LIST.length + 1, next; (next = bytes.indexOf(10, at)) !== -1; at = next + 1) {
      spans.push(at, bytes[next - 1] === 44 ? next - 1 : next); // without the ',' between lines
    }
    return { count: spans.length / 2, bytes, spans, line: (i) => decoder.decode(bytes.subarray(spans[2 * i], spans[2 * i + 1])) };
  }

  version() {
    return this.#reply(this.#invoke(this.#m._ec_version));
  }
}
