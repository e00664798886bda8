// The signed bundle in use, kept in IndexedDB exactly as downloaded (compressed bytes + signature), so
// the page starts offline and checks the signature again at every start.
import { get, put } from './db.js';

// { bytes: ArrayBuffer, signature: ArrayBuffer, source: 'default'|'url'|'file', origin: URL or file name,
//   fileSha256, id, built_at, stored_at } or undefined.
export async function loadStoredBundle() {
  const stored = await get('bundles', 'current');
  return stored?.bytes && stored?.signature ? stored : undefined;
}

export async function storeBundle(record) {
  await put('bundles', { ...record, stored_at: new Date().toISOString() }, 'current');
}
