// The reseller's own list, kept in this browser (IndexedDB store `own_list`, one import-format entry per
// record) and handed to the core as JSON lines: at every start, whenever the bundle is replaced, and after
// every change. A change is first given to the core, which checks every entry (errors name the line and
// field); only a list the core accepted is stored, so nothing is replaced by a list with an error.
import { openDb, done, committed } from './db.js';

const STORE = 'own_list';
export const OWN_LIST = 'OWN';

const byId = (a, b) => String(a.source_id).localeCompare(String(b.source_id), 'en', { numeric: true });

export async function loadOwnList() {
  const db = await openDb();
  const entries = await done(db.transaction(STORE).objectStore(STORE).getAll());
  return entries.sort(byId);
}

// The entries as the core reads them: one JSON object per line.
export const toJsonLines = (entries) => entries.map((e) => JSON.stringify(e)).join('\n');

// Gives the list to the checker's core (and its Workers); rejects with the core's error, the list in use unchanged.
export const applyOwnList = (checker, entries) => checker.setOwnList(toJsonLines(entries), { name: 'own list' });

// The next free id of the form OWN-0001.
export function nextId(entries) {
  let n = 0;
  for (const e of entries) {
    const m = /^OWN-(\d+)$/.exec(String(e.source_id));
    if (m) n = Math.max(n, Number(m[1]));
  }
  return `OWN-${String(n + 1).padStart(4, '0')}`;
}

// `entries` with `changes` put in (same source_id replaces) and `removed` ids taken out, sorted.
export function merged(entries, changes = [], removed = []) {
  const map = new Map(entries.map((e) => [String(e.source_id), e]));
  for (const id of removed) map.delete(String(id));
  for (const e of changes) map.set(String(e.source_id), e);
  return [...map.values()].sort(byId);
}

// Stores the new list in one transaction: what `next` has is put, what it lacks is deleted.
export async function storeOwnList(previous, next) {
  const db = await openDb();
  const tx = db.transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  const keep = new Set(next.map((e) => String(e.source_id)));
  for (const e of previous) if (!keep.has(String(e.source_id))) store.delete(e.source_id);
  for (const e of next) store.put(e);
  await committed(tx);
}
