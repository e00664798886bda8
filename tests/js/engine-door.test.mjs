// One door into the core: the CLI (`exportcheck screen`) and the wasm (`ec_screen_text`, node flavour) give the
// same bytes for the same file, reports and errors alike, in English and in French, over the bad-input
// catalogue of tests/fixtures/bad-orders and the order fixtures. And the JS API, cutting a file into chunks
// for its Workers (planned by the core), gives the reports and errors of one whole run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { Core } from '../../web/lib/core.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.EXPORTCHECK_CLI ?? path.join(root, 'build/core/cli/exportcheck');
const bundlePath = process.env.EXPORTCHECK_BUNDLE ?? path.join(root, 'public/bundle/default.ecb.gz');
const nodeCore = process.env.EXPORTCHECK_WASM_NODE ?? path.join(root, 'build-wasm/wasm/exportcheck-core-node.cjs');
const screenedAt = '2026-07-10T09:00:00Z';
const encoder = new TextEncoder();

let modulePromise;
const wasm = () => {
  modulePromise ??= (async () => {
    const m = await createRequire(import.meta.url)(nodeCore)();
    new Core(m).loadBundle(new Uint8Array(gunzipSync(readFileSync(bundlePath))));
    return m;
  })();
  return modulePromise;
};

// ec_screen_text's reply, as the bytes the core wrote; the file's bytes as they are (some are not UTF-8).
function screenText(m, bytes, options) {
  const opts = encoder.encode(JSON.stringify(options));
  const ptr = m._malloc(bytes.length + opts.length + 2);
  try {
    m.HEAPU8.set(bytes, ptr);
    m.HEAPU8[ptr + bytes.length] = 0;
    m.HEAPU8.set(opts, ptr + bytes.length + 1);
    m.HEAPU8[ptr + bytes.length + 1 + opts.length] = 0;
    return m.UTF8ToString(m._ec_screen_text(ptr, bytes.length, ptr + bytes.length + 1));
  } finally {
    m._free(ptr);
  }
}

// The reply the CLI's run stands for: its lines as {"ok": [...]}, or the error it refused the file with.
function expectedReply({ status, stdout, stderr }) {
  const lines = stdout.split('\n').filter((l) => l.length > 0);
  const refused = stderr.match(/^exportcheck: (.*) \[([a-z_0-9]+)\]\n$/s);
  if (status === 1 && lines.length === 0 && refused) return { error: { code: refused[2], message: refused[1] } };
  return `{"ok":[${lines.map((l) => `\n${l}`).join(',')}\n]}`;
}

const badOrders = path.join(root, 'tests/fixtures/bad-orders');
const orderFixtures = path.join(root, 'tests/fixtures/orders');

// The catalogue, and a line over the order size limit (1 MB: generated, too big to keep as a file).
function catalogue(dir) {
  const files = readdirSync(badOrders).sort().map((f) => path.join(badOrders, f));
  const good = readFileSync(path.join(orderFixtures, 'sample-orders.jsonl'), 'utf8').split('\n')[0];
  const long = path.join(dir, 'too-long.jsonl');
  writeFileSync(long, `${good}\n{"id": "LONG-2", "notes": "${'x'.repeat(1024 * 1024)}"}\n${good}\n`);
  return [...files, long];
}

test('the bad-input catalogue and the fixtures: CLI and wasm give the same bytes, errors too, in English and French', async () => {
  const m = await wasm();
  const dir = mkdtempSync(path.join(tmpdir(), 'exportcheck-door-'));
  try {
    // Every JSON fixture order is compared one by one in screen-parity.test.mjs; here the files of many orders.
    const fixtures = ['sample-orders.csv', 'sample-orders.jsonl', 'free-text-orders.jsonl', 'rule-a100-hong-kong.json'];
    const files = [...catalogue(dir), ...fixtures.map((f) => path.join(orderFixtures, f))];
    let refused = 0;
    let errorLines = 0;
    for (const file of files) {
      const name = path.relative(root, file).startsWith('..') ? path.basename(file) : path.relative(root, file);
      for (const lang of ['en', 'fr']) {
        const run = spawnSync(cli, ['screen', '--bundle', bundlePath, '--compact', '--screened-at', screenedAt, '--lang', lang, name],
          { cwd: path.relative(root, file).startsWith('..') ? dir : root, encoding: 'utf8', maxBuffer: 1 << 28 });
        const expected = expectedReply(run);
        const reply = screenText(m, new Uint8Array(readFileSync(file)), { name, screened_at: screenedAt, lang });
        if (typeof expected === 'string') {
          assert.equal(reply, expected, `${name} (${lang}): wasm and CLI differ`);
          errorLines += (reply.match(/^\{("column":[^,]*,)?"error":/gm) ?? []).length;
        } else {
          const { error } = JSON.parse(reply);
          assert.deepEqual({ code: error.code, message: error.message }, expected.error, `${name} (${lang}): refused otherwise`);
          assert.ok(error.message_id, `${name}: a refusal carries its message id`);
          refused += 1;
        }
      }
    }
    assert.ok(refused >= 6, `files refused whole: ${refused}`);
    assert.ok(errorLines >= 16, `error lines: ${errorLines}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad lines are worded from the catalogue: where (line, column) and why, in the language asked for', async () => {
  const m = await wasm();
  const file = path.join(badOrders, 'malformed.jsonl');
  const lines = (lang) => {
    const reply = screenText(m, new Uint8Array(readFileSync(file)), { name: 'commandes.jsonl', lang });
    return reply.split('\n').slice(1, -1).map((l) => JSON.parse(l.replace(/,$/, '')));
  };
  const en = lines('en').filter((l) => l.error).map((l) => l.error.message);
  assert.deepEqual(en.slice(0, 2), [
    'commandes.jsonl line 2, column 61: not valid JSON: the text ends too soon',
    'commandes.jsonl line 3, column 18: not valid JSON: syntax error',
  ]);
  assert.ok(en.includes('commandes.jsonl line 6, column 69: not valid JSON: number too large'), en.join(' | '));
  assert.ok(en.every((message) => !/parse_error|json\.exception|last read/.test(message)), en.join(' | '));
  const fr = lines('fr').filter((l) => l.error);
  assert.equal(fr[0].error.message, '« commandes.jsonl », ligne 2, colonne 61 : JSON non valide : le texte s\'arrête trop tôt');
  assert.equal(fr[0].error.message_id, 'in.json_syntax');
  assert.equal(fr[2].error.message, '« commandes.jsonl », ligne 4 : « order » : objet JSON attendu');
  const utf8 = screenText(m, new Uint8Array(readFileSync(path.join(badOrders, 'invalid-utf8.jsonl'))), { name: 'x.jsonl', lang: 'fr' });
  assert.match(utf8, /« x\.jsonl », ligne 2, colonne 63 : JSON non valide : octet UTF-8 mal formé/);
});

test('the JS API screens a file in chunks planned by the core: the reports and errors of one whole run', async () => {
  const { createChecker } = await import('../../web/lib/exportcheck.mjs');
  const publicKey = execFileSync(cli, ['bundle', 'pubkey', path.join(root, 'tests/keys/test-ed25519-public.pem')], { encoding: 'utf8' }).trim();
  const checker = await createChecker({
    bundle: new Uint8Array(readFileSync(bundlePath)), signature: new Uint8Array(readFileSync(`${bundlePath}.sig`)), publicKey,
  });
  const files = ['malformed.jsonl', 'bad-cell.csv', 'semicolon.csv', 'array-one-bad.json'].map((f) => path.join(badOrders, f))
    .concat(['sample-orders.csv', 'sample-orders.jsonl'].map((f) => path.join(orderFixtures, f)));
  for (const file of files) {
    const name = path.basename(file);
    const cliLines = spawnSync(cli, ['screen', '--bundle', bundlePath, '--compact', '--screened-at', screenedAt, '--lang', 'fr', file],
      { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l))
      .map((l) => (l.error ? { ...l, error: { ...l.error, message: l.error.message.replaceAll(file, name) } } : l));
    for (const chunkSize of [1, 2, undefined]) {
      const request = { screened_at: screenedAt, lang: 'fr' };
      const chunks = [];
      const { reports, errors } = await checker.screenText(readFileSync(file, 'utf8'),
        { name, chunkSize, request, onChunk: (from) => chunks.push(from) });
      // A report as the core wrote it; an error as its line, code, message and column.
      const canon = (l) => (l.error ? `${l.line}|${l.error.code}|${l.error.message}|${l.column ?? ''}` : JSON.stringify(l));
      const fromApi = [...reports.map(canon), ...errors.map((e) => `${e.line}|${e.code}|${e.message}|${e.column ?? ''}`)];
      assert.deepEqual(fromApi.sort(), cliLines.map(canon).sort(), `${name} in chunks of ${chunkSize}`);
      if (chunkSize === 1 && !name.endsWith('.json')) assert.ok(chunks.length >= 2, `${name}: ${chunks.length} chunks`);
    }
  }
  await assert.rejects(checker.screenText('\x89PNG\r\n\x1a\n', { name: 'photo.csv', request: { lang: 'fr' } }),
    { code: 'bad_csv', message: /^« photo\.csv » : ce n'est pas un CSV de commandes/ });
  checker.close();
});
