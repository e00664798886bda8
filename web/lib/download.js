// The signed bundle's bytes: downloaded with its signature, checked, decompressed. The one place that does it,
// for node, the page, its Workers and the widget's Worker.
import { ExportCheckError } from './errors.js';
import { gunzip, isGzip, verifyBundle } from './bundle.js';

const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';

// A URL for a string: relative to the page (browser) or to the working directory (node).
export async function toUrl(source, base) {
  if (source instanceof URL) return source;
  const from = base ?? (isNode
    ? (await import('node:url')).pathToFileURL(process.cwd() + '/')
    : (globalThis.location?.href ?? import.meta.url));
  return new URL(String(source), from);
}

export const isBytes = (source) => source instanceof ArrayBuffer || ArrayBuffer.isView(source);

const asBytes = (source) => (source instanceof ArrayBuffer
  ? new Uint8Array(source)
  : new Uint8Array(source.buffer, source.byteOffset, source.byteLength));

// Bytes of a URL (http(s), or file: in node) or of given bytes; what: 'bundle' | 'signature' names the error.
export async function loadBytes(source, what, { cache } = {}) {
  if (isBytes(source)) return asBytes(source);
  const url = await toUrl(source);
  try {
    if (url.protocol === 'file:' && isNode) {
      const [{ readFile }, { fileURLToPath }] = await Promise.all([import('node:fs/promises'), import('node:url')]);
      return asBytes(await readFile(fileURLToPath(url)));
    }
    const res = await fetch(url, cache ? { cache } : undefined);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    return new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw new ExportCheckError(`${what}_unavailable`, `The ${what} could not be loaded from ${url.href}: ${err.message}`,
      { cause: err });
  }
}

// The bundle and its signature, downloaded together. When both fail, the bundle's error is the one reported,
// not whichever came first. The signature defaults to the bundle's URL + '.sig'.
export async function downloadBundle(bundle, signature, options) {
  let sig = signature;
  if (sig === undefined) {
    if (isBytes(bundle)) throw new ExportCheckError('signature_missing', 'a bundle given as bytes needs its signature as bytes too');
    sig = new URL((await toUrl(bundle)).href + '.sig');
  }
  const downloads = await Promise.allSettled([loadBytes(bundle, 'bundle', options), loadBytes(sig, 'signature', options)]);
  for (const d of downloads) if (d.status === 'rejected') throw d.reason;
  return downloads.map((d) => d.value);
}

// The signature checked on the file exactly as downloaded, before anything decompresses or parses it.
// -> { raw (decompressed bundle bytes), fileSha256 }.
export async function openBundle(bytes, signature, publicKey) {
  if (!publicKey) {
    throw new ExportCheckError('public_key_missing',
      'createChecker needs the publisher\'s public key (publicKey, base64) to check the bundle signature');
  }
  const { sha256 } = await verifyBundle(bytes, signature, publicKey);
  const raw = isGzip(bytes) ? await gunzip(bytes) : bytes; // the core refuses non-bundles
  return { raw, fileSha256: sha256 };
}
