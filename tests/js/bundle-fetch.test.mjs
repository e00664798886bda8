// `exportcheck bundle fetch` against a local HTTP server on 127.0.0.1 serving fixture copies of the
// official files, then `bundle build` from what it fetched: the publisher's refresh, end to end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, mkdir, copyFile, readFile, writeFile, rm, access } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'build', 'core', 'cli', 'exportcheck');
const fixtures = path.join(root, 'tests', 'fixtures');

// Official file name -> fixture holding real rows of that file.
const OFFICIAL = {
  'consolidated.csv': 'csl_excerpt.csv',
  'sdn.csv': 'ofac_sdn/sdn.csv',
  'alt.csv': 'ofac_sdn/alt.csv',
  'add.csv': 'ofac_sdn/add.csv',
  'sdn_comments.csv': 'ofac_sdn/sdn_comments.csv',
  'cons_prim.csv': 'ofac_cons/cons_prim.csv',
  'cons_alt.csv': 'ofac_cons/cons_alt.csv',
  'cons_add.csv': 'ofac_cons/cons_add.csv',
  'cons_comments.csv': 'ofac_cons/cons_comments.csv',
  'dpl.txt': 'dpl_excerpt.txt',
  'consolidated.xml': 'un_excerpt.xml',
  'CONSOLIDATED.XML': 'ofac_cons_xml/CONSOLIDATED.XML',
  'ConList.xlsx': 'intl/ofsi_conlist_excerpt.xlsx',
  'regulation8_consolidated.xlsx': 'intl/dfat_excerpt.xlsx',
};

let work, served, server, baseUrl;

before(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'exportcheck-fetch-'));
  served = path.join(work, 'served');
  await mkdir(served);
  for (const [name, fixture] of Object.entries(OFFICIAL)) await copyFile(path.join(fixtures, fixture), path.join(served, name));
  server = await startServer({ root: served, port: 0 });
  baseUrl = `http://127.0.0.1:${server.port}/`;
});

after(async () => {
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

test('fetch downloads every official file, records a manifest, and build reads the result', async () => {
  const out = path.join(work, 'lists');
  await run(cli, ['bundle', 'fetch', '--out', out, '--base-url', baseUrl]);

  const manifest = JSON.parse(await readFile(path.join(out, 'fetch-manifest.json'), 'utf8'));
  assert.match(manifest.fetched_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  assert.equal(manifest.files.length, Object.keys(OFFICIAL).length);
  for (const f of manifest.files) {
    const name = path.basename(f.path);
    const original = await readFile(path.join(served, name));
    assert.equal(f.sha256, sha256(original), name);
    assert.equal(f.url, baseUrl + name);
    assert.deepEqual(await readFile(path.join(out, f.path)), original);
  }

  const bundle = path.join(work, 'fresh.ecb.gz');
  const { stdout } = await run(cli, ['bundle', 'build', '--csl', path.join(out, 'consolidated.csv'),
    '--ofac-sdn', path.join(out, 'ofac_sdn'), '--ofac-cons', path.join(out, 'ofac_cons'),
    '--ofac-cons-xml', path.join(out, 'ofac_cons_xml', 'CONSOLIDATED.XML'),
    '--dpl', path.join(out, 'dpl.txt'), '--un', path.join(out, 'consolidated.xml'),
    '--ofsi-conlist', path.join(out, 'ConList.xlsx'), '--dfat', path.join(out, 'regulation8_consolidated.xlsx'), '-o', bundle]);
  const info = JSON.parse(stdout);
  assert.equal(info.lists.SDN, 4);
  assert.equal(info.lists.UN, 8);
  assert.equal(info.lists.UK, 5);
  assert.equal(info.lists.AU, 6);
  const sdn = info.sources.find((s) => s.key === 'ofac_sdn');
  assert.equal(sdn.date, manifest.fetched_at.slice(0, 10));
  assert.equal(sdn.date_basis, 'downloaded on (fetch-manifest.json)');
  // OFAC's XML carries its own date; the non-SDN CSV set fetched today is newer and decides who is listed.
  const xml = info.sources.find((s) => s.key === 'ofac_cons_xml');
  assert.equal(xml.date, '2026-01-08');
  assert.equal(xml.date_basis, 'Publish_Date in the file');
  assert.equal(xml.merged + Object.values(xml.dropped).reduce((a, b) => a + b, 0), 4);
});

test('a missing file on the server fails the fetch, names the URL, and writes nothing', async () => {
  const broken = path.join(work, 'broken');
  await mkdir(broken);
  for (const [name, fixture] of Object.entries(OFFICIAL))
    if (name !== 'dpl.txt') await copyFile(path.join(fixtures, fixture), path.join(broken, name));
  const brokenServer = await startServer({ root: broken, port: 0 });
  const out = path.join(work, 'lists-broken');
  try {
    await assert.rejects(
      run(cli, ['bundle', 'fetch', '--out', out, '--base-url', `http://127.0.0.1:${brokenServer.port}/`]),
      (err) => err.code === 1 && /dpl\.txt: HTTP status 404/.test(err.stderr),
    );
  } finally {
    await brokenServer.close();
  }
  // Nothing is written unless every file arrived: the previous set stays whole.
  await assert.rejects(access(out));
});

test('an unreachable server is a clear error', async () => {
  const probe = await startServer({ root: work, port: 0 });
  const port = probe.port;
  await probe.close();
  await assert.rejects(
    run(cli, ['bundle', 'fetch', '--out', path.join(work, 'x'), '--base-url', `http://127.0.0.1:${port}/`, '--timeout', '5']),
    (err) => err.code === 1 && /127\.0\.0\.1/.test(err.stderr) && /consolidated\.csv/.test(err.stderr),
  );
});

// Serves the official files with one of them replaced, fetches, and expects a refusal naming it.
async function fetchWithReplaced(name, bytes) {
  const dir = await mkdtemp(path.join(work, 'bad-'));
  for (const [official, fixture] of Object.entries(OFFICIAL)) await copyFile(path.join(fixtures, fixture), path.join(dir, official));
  await writeFile(path.join(dir, name), bytes);
  const bad = await startServer({ root: dir, port: 0 });
  const out = path.join(dir, 'lists');
  try {
    const err = await run(cli, ['bundle', 'fetch', '--out', out, '--base-url', `http://127.0.0.1:${bad.port}/`]).then(
      () => assert.fail('the fetch was accepted'), (e) => e);
    assert.equal(err.code, 1);
    await assert.rejects(access(out));  // nothing written: the previous set stays whole
    return err.stderr;
  } finally {
    await bad.close();
  }
}

test('an HTML error page served in place of a list is refused, naming the file', async () => {
  const stderr = await fetchWithReplaced('regulation8_consolidated.xlsx',
    '<!DOCTYPE html>\n<html><head><title>Page not found</title></head><body>Not found</body></html>\n');
  assert.match(stderr, /regulation8_consolidated\.xlsx: the server sent an HTML page, not the list file/);
  assert.match(stderr, /\[fetch_refused\]/);
});

test('a truncated workbook, XML or CSV is refused, naming the file and the reason', async () => {
  const xlsx = await readFile(path.join(fixtures, 'intl/ofsi_conlist_excerpt.xlsx'));
  assert.match(await fetchWithReplaced('ConList.xlsx', xlsx.subarray(0, xlsx.length - 100)),
    /ConList\.xlsx: .*not a complete \.xlsx workbook: the zip archive has no central directory \(truncated\?\)/);
  const xml = await readFile(path.join(fixtures, 'un_excerpt.xml'));
  assert.match(await fetchWithReplaced('consolidated.xml', xml.subarray(0, xml.length - 200)),
    /consolidated\.xml: cut short: the root element <CONSOLIDATED_LIST> never closes/);
  const csv = await readFile(path.join(fixtures, 'csl_excerpt.csv'));
  assert.match(await fetchWithReplaced('consolidated.csv', csv.subarray(0, csv.length - 10)),
    /consolidated\.csv: cut short: the last line is incomplete/);
});

test('a list that shrank by more than 20% against the previous bundle is refused unless allowed', async () => {
  const lists = path.join(work, 'lists');  // fetched by the first test
  const dfat = ['--dfat', path.join(lists, 'regulation8_consolidated.xlsx')];
  const previous = path.join(work, 'previous.ecb.gz');
  await run(cli, ['bundle', 'build', '--ofsi-conlist', path.join(lists, 'ConList.xlsx'), ...dfat, '-o', previous]);
  // A UK file that lost most of its rows: 2 of the 5 parties are left.
  const csv = (await readFile(path.join(fixtures, 'intl/ofsi_conlist_excerpt.csv'), 'utf8')).split('\r\n');
  const cut = path.join(work, 'ConList.csv');
  await writeFile(cut, csv.slice(0, 7).join('\r\n') + '\r\n');
  const next = path.join(work, 'next.ecb.gz');
  const build = ['bundle', 'build', '--ofsi-conlist', cut, ...dfat, '--previous', previous];
  const err = await run(cli, [...build, '-o', next]).then(() => assert.fail('accepted'), (e) => e);
  assert.equal(err.code, 1);
  assert.match(err.stderr, /list UK: 2 entries from ConList\.csv, 60% fewer than the 5 of the previous bundle .*previous\.ecb\.gz/);
  assert.match(err.stderr, /--allow-shrink UK/);
  await assert.rejects(access(next));  // nothing written
  // A list that is gone altogether is refused too.
  const gone = await run(cli, ['bundle', 'build', ...dfat, '--previous', previous, '-o', next]).then(() => assert.fail('accepted'), (e) => e);
  assert.match(gone.stderr, /list UK: no entries in the new bundle \(the previous bundle .* had 5\)/);
  // The publisher says the list really shrank.
  const { stdout } = await run(cli, [...build, '--allow-shrink', 'UK', '-o', next]);
  assert.equal(JSON.parse(stdout).lists.UK, 2);
});
