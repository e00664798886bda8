// Bundle bytes before they reach the core: signature check (WebCrypto Ed25519 over the file exactly as
// downloaded, i.e. still gzip-compressed) and decompression. Runs in pages, workers and node 20+.
import { ExportCheckError } from './core.js';

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

function toBytes(data, what) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new ExportCheckError('bad_argument', `${what} must be bytes (Uint8Array or ArrayBuffer)`);
}

function base64ToBytes(text) {
  let binary;
  try {
    binary = atob(String(text).trim());
  } catch {
    throw new ExportCheckError('public_key_invalid', 'the public key is not valid base64');
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

// sha256 of bytes, lower-case hex.
export async function sha256Hex(bytes) {
  return hex(await crypto.subtle.digest('SHA-256', toBytes(bytes, 'the data')));
}

// Checks the Ed25519 signature (64 raw bytes) of the bundle file against a raw 32-byte public key given
// in base64. Resolves to { sha256 } of the file; rejects with code bundle_signature_invalid otherwise.
export async function verifyBundle(bytes, signature, publicKeyBase64) {
  const data = toBytes(bytes, 'the bundle');
  const sig = toBytes(signature, 'the signature');
  if (!publicKeyBase64) {
    throw new ExportCheckError('public_key_missing', 'no public key to check the bundle signature with');
  }
  const raw = base64ToBytes(publicKeyBase64);
  if (raw.length !== 32) {
    throw new ExportCheckError('public_key_invalid',
      `the public key must be a raw 32-byte Ed25519 key in base64; this one has ${raw.length} bytes`);
  }
  let key;
  try {
    key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  } catch (err) {
    throw new ExportCheckError('public_key_invalid', `the public key cannot be used: ${err.message}`, { cause: err });
  }
  const valid = sig.length === 64 && (await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, data));
  if (!valid) {
    throw new ExportCheckError('bundle_signature_invalid',
      'The list bundle failed its signature check: it was altered, damaged in transit, or signed with another ' +
      'key. It was not loaded.');
  }
  return { sha256: await sha256Hex(data) };
}

export function isGzip(data) {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

// Decompresses gzip bytes (DecompressionStream in browsers, node:zlib in node).
export async function gunzip(bytes) {
  const data = toBytes(bytes, 'the compressed bundle');
  if (!isGzip(data)) throw new ExportCheckError('bundle_not_gzip', 'the bundle file is not gzip-compressed');
  try {
    if (isNode) {
      const { gunzipSync } = await import('node:zlib');
      const out = gunzipSync(data);
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    }
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (err) {
    throw new ExportCheckError('bundle_gzip_invalid',
      'The list bundle could not be decompressed: the file is damaged or incomplete.', { cause: err });
  }
}
