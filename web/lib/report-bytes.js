// A batch's reports as bytes: the core writes each chunk's reports as UTF-8 in buffers of REPORTS_PER_BUFFER
// (web/lib/engine.js screenText); a Worker packs each buffer with deflate (CompressionStream, about 7x smaller
// on reports) before handing it over, so the page's thread and its audit log (web/app/audit-log.js) move and
// store a seventh of the bytes. A digest then keeps where its report is: `utf8` (its bytes) when unpacked,
// or `packed` ({ bytes, start, end }: its span in the inflated buffer); reportJson reads either.

const decoder = typeof TextDecoder === 'function' ? new TextDecoder() : null;
const canPack = typeof CompressionStream === 'function';

// Bytes through a compression stream, read chunk by chunk (a Blob's stream would take a trip through the
// browser's own process).
async function through(bytes, stream) {
  const writer = stream.writable.getWriter();
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const chunks = [];
  let size = 0;
  for (const reader = stream.readable.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}

// In a Worker: the buffers packed (-> { buffers, packed: true }), or as they are where streams are missing.
export async function packReports(buffers) {
  if (!canPack) return { buffers, packed: false };
  return { buffers: await Promise.all(buffers.map((b) => through(b, new CompressionStream('deflate-raw')))), packed: true };
}

// Inflated buffers, kept while their packed bytes are alive (the reports of a buffer are read together).
const inflated = new WeakMap();
async function unpack(bytes) {
  let out = inflated.get(bytes);
  if (!out) {
    out = through(bytes, new DecompressionStream('deflate-raw'));
    inflated.set(bytes, out);
  }
  return out;
}

// A digest whose report came as bytes (`span` [buffer, start, end] in `buffers`): the bytes as they are
// (`utf8`, a view: nothing copied) or where they are once unpacked (`packed`). Not enumerable: a digest
// cloned or shown does not carry them.
export function withReportBytes(digest, buffers, packed) {
  const [buffer, start, end] = digest.span;
  delete digest.span;
  const value = packed ? { bytes: buffers[buffer], start, end } : buffers[buffer].subarray(start, end);
  Object.defineProperty(digest, packed ? 'packed' : 'utf8', { value, enumerable: false, writable: true, configurable: true });
  // Unpacked (node, or a browser without compression streams), the text is also there at once: `json`.
  if (!packed) Object.defineProperty(digest, 'json', { get() { return decoder.decode(this.utf8); }, enumerable: true, configurable: true });
  return digest;
}

// The UTF-8 bytes of a packed report ({ bytes, start, end }).
export async function unpackedReport({ bytes, start, end }) {
  return (await unpack(bytes)).subarray(start, end);
}

// A digest's report as the JSON text the core wrote (a report object given instead: its JSON).
export async function reportJson(digest) {
  if (digest?.packed) return decoder.decode(await unpackedReport(digest.packed));
  if (digest?.utf8) return decoder.decode(digest.utf8);
  return JSON.stringify(digest);
}

// The report of a digest, as an object.
export async function reportOfDigest(digest) {
  return digest?.packed || digest?.utf8 ? JSON.parse(await reportJson(digest)) : digest;
}
