// `exportcheck bundle fetch` against a local HTTP server on 127.0.0.1 serving fixture copies of the
// official files, then `bundle build` from what it fetched: the publisher's refresh, end to end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, mkdir, copyFile, readFile, rm, access } from 'node:fs/promises';
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
    '--dpl', path.join(out, 'dpl.txt'), '--un', path.join(out, 'consolidated.xml'), '-o', bundle]);
  const info = JSON.parse(stdout);
  assert.equal(info.lists.SDN, 4);
  assert.equal(info.lists.UN, 8);
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
