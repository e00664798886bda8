// The audit trail: every screening is kept in this browser's IndexedDB (stores "audit" and "audit_detail") with the order as
// entered, the full report, the bundle it was checked against (id, body sha256, file sha256, built_at),
// the engine version, the time (UTC) and the adjudications of its hits. Nothing is ever sent anywhere;
// the user exports and imports it as JSON or CSV.
//
// Retention (shared/domain/export-rules.md §6.1): EAR Part 762 keeps records 5 years, OFAC (31 CFR
// 501.601) 10 years. Both dates count from the screening; the real EAR clock starts at the export or the
// last event of the transaction, so the page says to keep longer when that comes later.
import { committed, done, openDb } from './db.js';
import { toCsv, parseCsv } from './csv.js';
import { unpackedReport } from '../lib/report-bytes.js';

export const AUDIT_FORMAT = 'exportcheck-audit';
const OFAC_LISTS = new Set(['SDN', 'SSI', 'FSE', 'PLC', 'CAP', 'CMIC', 'MBS', 'NS-MBS']);

const addYears = (iso, years) => {
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
};

// Whether the bundle holds OFAC lists (then the 10-year rule applies).
export const screensOfac = (info) => Object.keys(info?.lists ?? {}).some((l) => OFAC_LISTS.has(l))
  || (info?.sources ?? []).some((s) => String(s.key).startsWith('ofac'));

export function retention(time, ofac) {
  const ear = addYears(time, 5);
  const ofacUntil = ofac ? addYears(time, 10) : null;
  return { ear_until: ear, ofac_until: ofacUntil, keep_until: ofacUntil ?? ear };
}

const newUid = () => (crypto.randomUUID ? crypto.randomUUID()
  : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''));

// What every record of one bundle shares (computed once per batch, not per order).
export function recordContext(checker) {
  const info = checker.info();
  return {
    bundle: { id: info.id, sha256: info.sha256, built_at: info.built_at, file_sha256: checker.fileSha256 },
    engine: checker.version(),
    ofac: screensOfac(info),
  };
}

// A batch digest's report as its Worker handed it over (web/lib/report-bytes.js): packed, UTF-8 bytes or text.
const reportText = (digest) => (digest.packed ? { report_packed: digest.packed }
  : digest.utf8 ? { report_utf8: digest.utf8 } : { report_json: digest.json });
const decoder = new TextDecoder();

// Builds a record (not yet stored) for one screening; `context` from recordContext(checker). The report is
// given as an object (`report`) or as a batch digest (`digest`, web/lib/batch.js) holding its JSON text, or
// its UTF-8 bytes (`utf8`: kept as they are, the cheapest to store).
export function makeRecord({ order, report, digest, checker, context = recordContext(checker), kind = 'single', batch,
  rescreenOf, time = new Date().toISOString() }) {
  const r = report ?? digest;
  return {
    uid: newUid(),
    kind,
    time,
    order_id: String(r?.order_id ?? order?.id ?? ''),
    decision: r?.error ? 'error' : r?.decision ?? 'error',
    order,
    ...(digest && !digest.error ? { ...reportText(digest), digest } : { report: report ?? digest }),
    bundle: context.bundle,
    engine: context.engine,
    adjudications: [],
    retention: retention(time, context.ofac),
    ...(batch ? { batch } : {}),
    ...(rescreenOf !== undefined ? { rescreen_of: rescreenOf } : {}),
  };
}

// A record is stored in two parts: its summary ("audit": what the table shows and filters on) and its
// detail (the order and the report), so listing thousands of records stays light. Records written together
// are kept in groups of up to GROUP: their summaries as one value of "audit" (`rows`; a record's id is
// "<key>.<slot>") and their details as one of "audit_detail" (key `g:<uid>`, `entries` in order; each
// summary's `detail` says where its entry is). A batch of 10,000 orders is then about 700 writes, not
// 20,000, which cost the browser most of its time, and each value stays small (the browser stores a value over
// 64 KB as a file; a batch's group is one buffer of packed reports, web/lib/engine.js REPORTS_PER_BUFFER).
// Records stored before groups were one value each in both stores, under the record's id.
const GROUP = 30;

function summarize(record) {
  const { order, report, report_json: _json, report_utf8: _utf8, report_packed: _packed, digest, detail: _where, ...summary } = record;
  const findings = report?.findings ?? [];
  summary.summary = {
    parties: [...new Set((order?.parties ?? []).map((p) => p?.name).filter(Boolean))],
    findings: digest ? digest.findings : findings.length,
    rules: digest ? digest.rules : [...new Set(findings.map((f) => f.rule).filter(Boolean))],
    text: (digest ?? report)?.summary ?? report?.error?.message ?? '',
  };
  return summary;
}

// The order and the report, as given: its span in the group's packed reports, UTF-8 bytes, JSON text, or an
// object.
function entryOf({ order, report, report_json: json, report_utf8: utf8, report_packed: packed }) {
  if (packed !== undefined) return { order, report_span: [packed.start, packed.end] };
  if (utf8 !== undefined) return { order, report_utf8: utf8 };
  return json !== undefined ? { order, report_json: json } : { order, report };
}

// An entry's report, as an object (`value`: the "audit_detail" value it is in, which holds packed reports).
async function reportOf(entry, value) {
  if (entry?.report) return entry.report;
  const [start, end] = entry?.report_span ?? [];
  const bytes = entry?.report_span && value?.reports_packed ? await unpackedReport({ bytes: value.reports_packed, start, end })
    : entry?.report_utf8;
  const json = bytes ? decoder.decode(bytes) : entry?.report_json;
  return json ? JSON.parse(json) : undefined;
}

async function merge(summary, { value, entry } = {}) {
  if (!summary) return undefined;
  const { summary: _s, detail: _where, ...rest } = summary;
  return { ...rest, order: entry?.order, report: await reportOf(entry, value) };
}

// A summary's "audit_detail" value and its entry in it (byKey: key -> value).
const detailOf = (summary, byKey) => {
  const value = byKey(summary.detail ? summary.detail.key : summary.id);
  return { value, entry: summary.detail ? value?.entries?.[summary.detail.slot] : value };
};

// The "audit_detail" value of a group of records: their orders and reports. Reports given as UTF-8 views of
// one buffer that holds just them (a batch's, web/lib/engine.js) are stored with it as it is; others are
// copied into a buffer of the group's own (a view stores its whole buffer).
function groupValue(id, group) {
  const packed = group.map((r) => r.report_packed).filter(Boolean);
  if (packed.length && packed.every((p) => p.bytes === packed[0].bytes)) {
    return { id, entries: group.map(entryOf), reports_packed: packed[0].bytes };
  }
  const views = group.map((r) => r.report_utf8).filter(Boolean);
  const size = views.reduce((n, v) => n + v.length, 0);
  if (views.length && views.every((v) => v.buffer === views[0].buffer) && views[0].buffer.byteLength === size) {
    return { id, entries: group.map(entryOf) };
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  const entries = group.map((r) => {
    if (r.report_utf8 === undefined) return entryOf(r);
    bytes.set(r.report_utf8, at);
    at += r.report_utf8.length;
    return { order: r.order, report_utf8: bytes.subarray(at - r.report_utf8.length, at) };
  });
  return { id, entries };
}

// Records cut into groups of up to GROUP, a batch's records where their reports' buffer changes.
const reportsBuffer = (r) => r.report_packed?.bytes ?? r.report_utf8?.buffer;

function groupsOf(records) {
  const groups = [];
  let group = [];
  for (const r of records) {
    if (group.length === GROUP || (group.length && reportsBuffer(r) !== reportsBuffer(group[0]))) {
      groups.push(group);
      group = [];
    }
    group.push(r);
  }
  if (group.length) groups.push(group);
  return groups;
}

// Stores records in one transaction, a group at a time: each group's writes are issued in a task of their own
// (on the success of the group before), so the page's thread is never held for long while a batch runs.
// Resolves to their ids (in order) once committed.
export async function addRecords(records) {
  const db = await openDb();
  const tx = db.transaction(['audit', 'audit_detail'], 'readwrite');
  const audit = tx.objectStore('audit');
  const detail = tx.objectStore('audit_detail');
  const groups = groupsOf(records);
  const ids = groups.map((g) => new Array(g.length));
  const write = (g) => {
    const key = `g:${newUid()}`;
    const request = audit.add({ rows: groups[g].map((r, slot) => ({ ...summarize(r), detail: { key, slot } })) });
    request.onsuccess = () => groups[g].forEach((_, slot) => { ids[g][slot] = `${request.result}.${slot}`; });
    const put = detail.put(groupValue(key, groups[g]));
    if (g + 1 < groups.length) put.onsuccess = () => write(g + 1);
  };
  if (groups.length) write(0);
  await committed(tx);
  return ids.flat();
}

export const addRecord = async (record) => (await addRecords([record]))[0];

// Writes records as they come (a batch's chunks), in input order, each transaction taking everything that
// waited meanwhile (up to `max` records): write(records) -> Promise of their ids.
export function recordWriter({ max = 2000 } = {}) {
  const queue = []; // { records, resolve, reject }
  let running = false;
  async function pump() {
    running = true;
    while (queue.length) {
      const jobs = [queue.shift()];
      let count = jobs[0].records.length;
      while (queue.length && count + queue[0].records.length <= max) count += (jobs[jobs.length] = queue.shift()).records.length;
      try {
        const ids = await addRecords(jobs.flatMap((j) => j.records));
        let at = 0;
        for (const j of jobs) j.resolve(ids.slice(at, (at += j.records.length)));
      } catch (err) {
        for (const j of jobs) j.reject(err);
      }
    }
    running = false;
  }
  return (records) => new Promise((resolve, reject) => {
    queue.push({ records, resolve, reject });
    if (!running) pump();
  });
}

// The summaries of one value of "audit": a group's rows, each with its id ("<key>.<slot>"), or a record
// stored alone (as records were before groups).
const rowsOf = (value) => (value?.rows ? value.rows.map((row, slot) => ({ ...row, id: `${value.id}.${slot}` })) : [value]);

// Where a record's summary is: [key in "audit", slot in its rows] (no slot: stored alone).
const placeOf = (id) => {
  const m = /^(\d+)\.(\d+)$/.exec(String(id));
  return m ? [Number(m[1]), Number(m[2])] : [id, undefined];
};

// A record's summary as stored in the value of "audit" read at its key (a row of a group, or the value).
const rowAt = (value, slot) => (slot === undefined ? value : value?.rows?.[slot]);

// The same with its id, as the audit table lists it.
const summaryIn = (value, id, slot) => {
  const row = rowAt(value, slot);
  return slot === undefined || !row ? row : { ...row, id };
};

// One whole record (summary, order and report).
export async function getRecord(id) {
  const db = await openDb();
  const [key, slot] = placeOf(id);
  const summary = summaryIn(await done(db.transaction('audit').objectStore('audit').get(key)), id, slot);
  if (!summary) return undefined;
  const value = await done(db.transaction('audit_detail').objectStore('audit_detail').get(summary.detail?.key ?? id));
  return merge(summary, detailOf(summary, () => value));
}

// Every record's summary (no order, no report): { id, uid, kind, time, order_id, decision, bundle, engine,
// adjudications, retention, summary: { parties, findings, rules, text } }.
export async function allRecords() {
  const db = await openDb();
  return (await done(db.transaction('audit').objectStore('audit').getAll())).flatMap(rowsOf);
}

// The orders of some records, given their summaries (each group of details read once).
export async function ordersOf(summaries) {
  const db = await openDb();
  const store = db.transaction('audit_detail').objectStore('audit_detail');
  const keys = [...new Set(summaries.map((r) => r.detail?.key ?? r.id))];
  const values = new Map(await Promise.all(keys.map(async (k) => [k, await done(store.get(k))])));
  return summaries.map((r) => detailOf(r, (k) => values.get(k)).entry?.order);
}

// Every whole record, for an export.
export async function allFullRecords() {
  const db = await openDb();
  const tx = db.transaction(['audit', 'audit_detail']);
  const [values, details] = await Promise.all([done(tx.objectStore('audit').getAll()), done(tx.objectStore('audit_detail').getAll())]);
  const summaries = values.flatMap(rowsOf);
  const byKey = new Map(details.map((d) => [d.id, d]));
  return Promise.all(summaries.map((r) => merge(r, detailOf(r, (k) => byKey.get(k)))));
}

// Adds an adjudication ({ finding, status: 'false_positive'|'confirmed', reason, reviewer, clearance? }) to a
// record. The reason is required for a false positive. Earlier adjudications of the same finding stay in
// the record (the trail is append-only); the latest one counts. A list hit's `clearance` (party and entry
// fingerprints, list, entry id) is kept for later screenings: a false positive clears the hit, a
// confirmation withdraws an earlier clearance.
export async function adjudicate(id, { finding, status, reason = '', reviewer = '', clearance }) {
  if (!['false_positive', 'confirmed'].includes(status)) throw new Error(`unknown adjudication ${status}`);
  if (status === 'false_positive' && !reason.trim()) throw new Error('a false positive needs a reason');
  const db = await openDb();
  const tx = db.transaction(['audit', 'clearances'], 'readwrite');
  const store = tx.objectStore('audit');
  const [key, slot] = placeOf(id);
  const value = await done(store.get(key));
  const stored = rowAt(value, slot);
  if (!stored) throw new Error(`no audit record ${id}`);
  const entry = { finding, status, reason: reason.trim(), reviewer: reviewer.trim(), time: new Date().toISOString() };
  if (clearance) entry.clearance = clearance;
  stored.adjudications = [...(stored.adjudications ?? []), entry];
  store.put(value);
  if (clearance?.party_fingerprint && clearance?.entry_fingerprint) {
    const key = clearanceKey(clearance);
    if (status === 'false_positive') {
      tx.objectStore('clearances').put({ ...clearance, reason: entry.reason, by: entry.reviewer, at: entry.time }, key);
    } else {
      tx.objectStore('clearances').delete(key);
    }
  }
  await committed(tx);
  return summaryIn(value, id, slot);
}

const clearanceKey = (c) => [c.party_fingerprint, c.list, c.source_id, c.entry_fingerprint].join('|');

// Every standing clearance, in the form ec_screen takes (docs/orders.md).
export async function loadClearances() {
  try {
    const db = await openDb();
    return await done(db.transaction('clearances').objectStore('clearances').getAll());
  } catch {
    return [];
  }
}

// The latest adjudication per finding key.
export function latestAdjudications(record) {
  const map = new Map();
  for (const a of record?.adjudications ?? []) map.set(a.finding, a);
  return map;
}

// --- export / import ---------------------------------------------------------------------------------

export function exportJson(records) {
  return JSON.stringify({ format: AUDIT_FORMAT, version: 1, exported_at: new Date().toISOString(), records }, null, 1);
}

export const CSV_COLUMNS = ['id', 'uid', 'time', 'kind', 'order_id', 'decision', 'findings', 'rules', 'adjudications',
  'bundle_id', 'bundle_sha256', 'bundle_built_at', 'engine', 'ear_keep_until', 'ofac_keep_until', 'record_json'];

// One row per record: readable columns, and the whole record as JSON in the last column so an exported CSV
// can be imported back without loss.
export function exportCsv(records) {
  const rows = records.map((r) => {
    const findings = r.report?.findings ?? [];
    return [r.id, r.uid, r.time, r.kind, r.order_id, r.decision, findings.length,
      [...new Set(findings.map((f) => f.rule).filter(Boolean))].join(' '),
      (r.adjudications ?? []).map((a) => `${a.finding}=${a.status}${a.reason ? ` (${a.reason})` : ''}`).join('; '),
      r.bundle?.id, r.bundle?.sha256, r.bundle?.built_at, r.engine,
      r.retention?.ear_until, r.retention?.ofac_until ?? '', JSON.stringify(r)];
  });
  return toCsv([CSV_COLUMNS, ...rows]);
}

function isRecord(r) {
  return r && typeof r === 'object' && typeof r.time === 'string' && 'report' in r && 'order' in r;
}

// Reads an exported audit log (JSON or CSV) into records. Throws with a message naming what is wrong.
export function parseExport(text) {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  let records;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const value = JSON.parse(trimmed);
    records = Array.isArray(value) ? value : value.records;
    if (!Array.isArray(value) && value.format !== AUDIT_FORMAT) throw new Error('not an ExportCheck audit log (format)');
  } else {
    const [header, ...rows] = parseCsv(trimmed);
    const col = header?.indexOf('record_json') ?? -1;
    if (col < 0) throw new Error('the CSV has no record_json column');
    records = rows.filter((row) => row.length > col && row[col]).map((row, i) => {
      try {
        return JSON.parse(row[col]);
      } catch {
        throw new Error(`row ${i + 2}: record_json is not valid JSON`);
      }
    });
  }
  if (!Array.isArray(records)) throw new Error('no records found');
  records.forEach((r, i) => {
    if (!isRecord(r)) throw new Error(`record ${i + 1} lacks time, order or report`);
  });
  return records;
}

async function allUids() {
  return new Set((await allRecords()).map((r) => r.uid));
}

// Imports records, skipping those already present (same uid). Resolves to { added, skipped }.
export async function importRecords(records) {
  const db = await openDb();
  const existing = await allUids();
  const fresh = [];
  let skipped = 0;
  for (const r of records) {
    if (r.uid && existing.has(r.uid)) {
      skipped++;
      continue;
    }
    const { id, ...rest } = r;
    const record = { ...rest, uid: r.uid ?? newUid(), imported_from: id ?? null };
    existing.add(record.uid);
    fresh.push(record);
  }
  for (let i = 0; i < fresh.length; i += 500) await addRecords(fresh.slice(i, i + 500));
  // The imported false positives clear their hits here too (the latest adjudication of each hit counts).
  const latest = new Map();
  for (const r of fresh) {
    for (const a of r.adjudications ?? []) {
      if (!a.clearance?.party_fingerprint) continue;
      const key = clearanceKey(a.clearance);
      if (!latest.has(key) || latest.get(key).time < a.time) latest.set(key, a);
    }
  }
  if (latest.size) {
    const tx = db.transaction('clearances', 'readwrite');
    for (const [key, a] of latest) {
      if (a.status === 'false_positive') tx.objectStore('clearances').put({ ...a.clearance, reason: a.reason, by: a.reviewer, at: a.time }, key);
      else tx.objectStore('clearances').delete(key);
    }
    await committed(tx);
  }
  return { added: fresh.length, skipped };
}
