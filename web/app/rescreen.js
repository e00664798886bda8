// Rescreening after a new bundle: the latest stored screening of each order that was checked against
// another bundle is screened again (in the batch Workers); each new screening is recorded, pointing to the
// one it repeats; the orders whose decision changed are returned.
import { language } from './i18n/index.js';
import { reportOfDigest } from '../lib/report-bytes.js';
import { addRecords, allRecords, loadClearances, makeRecord, ordersOf, recordContext } from './audit-log.js';

const decisionOf = (report) => (report?.error ? 'error' : report?.decision ?? 'error');

// The records to rescreen (summaries): the latest per order id, not already screened with the bundle in use
// (all: every latest one, e.g. after the own list changed).
export async function rescreenCandidates(checker, { all = false } = {}) {
  const sha = checker.info().sha256;
  const latest = new Map();
  for (const r of (await allRecords()).sort((a, b) => a.time.localeCompare(b.time))) {
    latest.set(r.order_id || r.uid, r);
  }
  return [...latest.values()].filter((r) => all || r.bundle?.sha256 !== sha);
}

export async function rescreen(checker, candidates, { onProgress, signal } = {}) {
  const context = recordContext(checker);
  const writes = [];
  const orders = await ordersOf(candidates);
  candidates = candidates.map((r, i) => ({ ...r, order: orders[i] })).filter((r) => r.order);
  const reports = await checker.screenBatch(candidates.map((r) => r.order), {
    request: { clearances: await loadClearances(), screened_at: new Date().toISOString(), lang: language() },
    digest: true,
    onProgress,
    signal,
    onChunk: (from, chunk) => {
      writes.push(addRecords(chunk.map((digest, i) => makeRecord({
        order: candidates[from + i].order, digest, context, kind: 'rescreen', rescreenOf: candidates[from + i].id,
      }))));
    },
  });
  await Promise.all(writes);
  const changed = [];
  for (const [i, report] of reports.entries()) {
    const before = candidates[i].decision;
    const after = decisionOf(report);
    if (before !== after) changed.push({ record: candidates[i], report: await reportOfDigest(report), before, after });
  }
  return { total: candidates.length, changed };
}
