// A modal dialog with one report and, when it was recorded, its audit record (adjudication, retention).
// Escape or the close button closes it and focus returns to what opened it.
import { h, clear } from './dom.js';
import { t, formatDate } from './i18n/index.js';
import { renderReport } from './result-view.js';
import { adjudicate, getRecord } from './audit-log.js';
import { setSetting } from './db.js';

let dialog;
let body;

function ensure() {
  if (dialog) return;
  body = h('div', { class: 'dialog-body' });
  dialog = h('dialog', { class: 'report-dialog', 'aria-labelledby': 'dialog-title' },
    h('div', { class: 'dialog-head' },
      h('h2', { id: 'dialog-title' }),
      h('button', { type: 'button', class: 'secondary small close', onclick: () => dialog.close(), i18n: 'common.close' })),
    body);
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close(); // a click on the backdrop
  });
  document.body.append(dialog);
}

export function recordMeta(record) {
  if (!record) return null;
  return h('dl', { class: 'record-meta' },
    h('dt', {}, t('audit.col.time')), h('dd', {}, formatDate(record.time, { time: true })),
    h('dt', {}, t('audit.col.bundle')), h('dd', {}, `${record.bundle?.id ?? ''} · `, h('code', {}, record.bundle?.sha256 ?? '')),
    h('dt', {}, t('audit.engine')), h('dd', {}, String(record.engine ?? '')),
    h('dt', {}, t('audit.keepUntil')), h('dd', { class: 'retention' },
      t('audit.retention', { ear: formatDate(record.retention?.ear_until), ofac: record.retention?.ofac_until
        ? formatDate(record.retention.ofac_until) : t('audit.noOfac') })));
}

// Opens the dialog for a report; recordId (optional) loads its audit record for adjudication.
export async function openReport({ report, recordId, ctx, title }) {
  ensure();
  const record = recordId !== undefined ? await getRecord(recordId).catch(() => undefined) : undefined;
  dialog.querySelector('#dialog-title').textContent = title ?? t('result.dialogTitle', { id: report?.order_id ?? '' });
  const render = (rec) => clear(body, recordMeta(rec), renderReport(report ?? rec?.report, {
    record: rec,
    reviewer: ctx?.reviewer,
    onAdjudicate: rec ? async (a) => {
      if (ctx && a.reviewer && a.reviewer !== ctx.reviewer) {
        ctx.reviewer = a.reviewer;
        setSetting('reviewer', a.reviewer).catch(() => {});
      }
      return adjudicate(rec.id, a);
    } : undefined,
  }));
  render(record);
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('.close').focus();
}
