// The wasm benches' raw door into a loaded Emscripten module of the core: text in, the export's reply
// text out, with nothing of web/lib's wrapper in between (what the benches time is the export alone).
const encoder = new TextEncoder();

// Calls export `fn` of module `m` with `text` as NUL-terminated UTF-8; returns its reply as text.
export function callExport(m, fn, text) {
  const bytes = encoder.encode(text);
  const ptr = m._malloc(bytes.length + 1);
  m.HEAPU8.set(bytes, ptr);
  m.HEAPU8[ptr + bytes.length] = 0;
  try {
    return m.UTF8ToString(fn(ptr, bytes.length));
  } finally {
    m._free(ptr);
  }
}
