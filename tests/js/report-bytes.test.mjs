// A batch's report bytes as a Worker packs them (deflate) and the page reads them back (web/lib/report-bytes.js).
import assert from 'node:assert/strict';
import test from 'node:test';

import { packReports, reportJson, reportOfDigest, withReportBytes } from '../../web/lib/report-bytes.js';

const encoder = new TextEncoder();

test('packed reports read back byte for byte, each from its span in its buffer', async () => {
  const reports = [{ order_id: 'A-1', decision: 'clear', summary: 'Rien à signaler — «OK»' },
    { order_id: 'A-2', decision: 'blocked', findings: [{ rule: 'R01' }] }].map((r) => JSON.stringify(r));
  const bytes = encoder.encode(reports.join(''));
  const cut = encoder.encode(reports[0]).length;
  const { buffers, packed } = await packReports([bytes]);
  assert.equal(packed, true);
  assert.ok(buffers[0].length > 0 && buffers[0] !== bytes);
  const digests = [{ order_id: 'A-1', span: [0, 0, cut] }, { order_id: 'A-2', span: [0, cut, bytes.length] }]
    .map((d) => withReportBytes(d, buffers, packed));
  assert.equal(await reportJson(digests[0]), reports[0]);
  assert.equal(await reportJson(digests[1]), reports[1]);
  assert.deepEqual(await reportOfDigest(digests[1]), JSON.parse(reports[1]));
  assert.equal('span' in digests[0], false);
  assert.equal(Object.keys(digests[0]).includes('packed'), false); // not carried when the digest is cloned
});

test('unpacked report bytes keep their text at hand (json), and a report object reads as itself', async () => {
  const text = JSON.stringify({ order_id: 'B-1', decision: 'review' });
  const [digest] = [withReportBytes({ span: [0, 0, text.length] }, [encoder.encode(text)], false)];
  assert.equal(digest.json, text);
  assert.equal(await reportJson(digest), text);
  const error = { order_id: 'B-2', error: { code: 'bad_order', message: 'no parties' } };
  assert.equal(await reportOfDigest(error), error);
  assert.equal(await reportJson(error), JSON.stringify(error));
});
