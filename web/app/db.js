// The page's one IndexedDB database, "exportcheck", on this computer only:
//   bundles   the signed bundle in use (key "current"): compressed bytes, signature, where it came from
//   audit     the summaries of the screenings (without order and report), written together in groups
//             (`rows`; auto-increment key; web/app/audit-log.js): what the audit table lists, small enough to
//             read thousands at once. The indexes (order_id, time, uid) only see records of before groups.
//   audit_detail  the order as entered and the full report of each record: records written together share one
//             value (key "g:<uid>", entries in order; the summary's `detail` names key and slot); a batch's
//             reports are kept packed as its Worker packed them (`reports_packed`, deflate; each entry's
//             `report_span` in it once inflated); older records have one value each, under the record's id
//   settings    small preferences (key -> value)
//   clearances  hits adjudicated as false positives, passed to every screening (key: party fingerprint, list,
//               entry id and entry fingerprint), so the core reports them as `cleared` until the entry changes
//   own_list    the reseller's own list: one entry per record in the import format (docs/import-format.md),
//               key source_id; given to the core at every start and after every change
const NAME = 'exportcheck';
const VERSION = 4;
let opening;

export function openDb() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('bundles')) db.createObjectStore('bundles');
      if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings');
      if (!db.objectStoreNames.contains('clearances')) db.createObjectStore('clearances');
      if (!db.objectStoreNames.contains('audit')) {
        const audit = db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true });
        audit.createIndex('order_id', 'order_id');
        audit.createIndex('time', 'time');
        audit.createIndex('uid', 'uid', { unique: true });
      }
      if (!db.objectStoreNames.contains('audit_detail')) db.createObjectStore('audit_detail', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('own_list')) db.createObjectStore('own_list', { keyPath: 'source_id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the local database is in use by another tab of an older version'));
  });
  return opening;
}

export const done = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

export const committed = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onerror = () => reject(tx.error);
  tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
});

export async function get(store, key) {
  const db = await openDb();
  return done(db.transaction(store).objectStore(store).get(key));
}

export async function put(store, value, key) {
  const db = await openDb();
  const tx = db.transaction(store, 'readwrite');
  const request = key === undefined ? tx.objectStore(store).put(value) : tx.objectStore(store).put(value, key);
  const [result] = await Promise.all([done(request), committed(tx)]);
  return result;
}

export async function getSetting(key, fallback) {
  try {
    const value = await get('settings', key);
    return value === undefined ? fallback : value;
  } catch {
    return fallback;
  }
}

export const setSetting = (key, value) => put('settings', value, key);
