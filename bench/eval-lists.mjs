#!/usr/bin/env node
// Are the lists current? Screens listed names against a bundle with `exportcheck match --batch` and prints:
//   - SDN parties designated after the 2023-12-29 SDN file (OFAC numbers in the 2026-07-31 CSL, not in
//     that file): the share found by their listed name, as that very party (same OFAC number);
//   - Entity List parties newer than the 2022 CSL (EL names of the 2026-07-31 CSL the 2022 CSL lacks):
//     the share found on the EL;
//   - delisted SDN parties (in the 2023-12-29 file, not in the 2026-07-31 CSL): the share still reported
//     as that party (should be 0), and the share with any SDN hit at all (a same-named listed party).
// It reads the source files from the shared data folder (not part of the project); it says so plainly
// when that folder is missing.
//   node bench/eval-lists.mjs [--bundle B] [--shared DIR] [--cli PATH] [--limit N]
// Defaults: public/bundle/default.ecb.gz, ../shared/data, build/core/cli/exportcheck, every name.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const bundle = opt('bundle', path.join(root, 'public/bundle/default.ecb.gz'));
const shared = opt('shared', path.join(root, '../shared/data'));
const cli = opt('cli', path.join(root, 'build/core/cli/exportcheck'));
const limit = Number(opt('limit', 'Infinity'));

const CSL_2026 = path.join(shared, 'csl/csl_json_2026-07-31/screening-list.json');
const SDN_2023 = path.join(shared, 'ofac/sdn_2023-12-29/sdn.csv');
const CSL_2022 = path.join(shared, 'csl/consolidated.csv');
for (const [what, file] of [['shared data folder', shared], ['bundle', bundle], ['CLI', cli], ['2026 CSL', CSL_2026],
  ['2023-12-29 sdn.csv', SDN_2023], ['2022 CSL', CSL_2022]]) {
  if (!existsSync(file)) {
    console.error(`eval-lists: the ${what} is missing: ${file} (this evaluation needs it; see bench/README.md)`);
    process.exit(2);
  }
}

// A minimal CSV reader (quoted fields, doubled quotes): enough for OFAC's sdn.csv and the CSL.
function* csvRows(text) {
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field.replace(/\r$/, '')); yield row; row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); yield row; }
}

const csl = JSON.parse(readFileSync(CSL_2026, 'utf8'));
const codeOf = (row) => csl.listAuthority[csl.tables.sources[row.s]].code;
const TYPE = { Individual: 'person', Entity: 'organization' };

const sdn2023 = new Map();
for (const r of csvRows(readFileSync(SDN_2023, 'utf8').replace(/\x1a$/, ''))) {
  if (r.length >= 3) sdn2023.set(r[0], { name: r[1].trim(), person: r[2].trim() === 'individual' });
}
const sdn2026 = new Map(csl.entries.filter((e) => codeOf(e) === 'SDN').map((e) => [e.e, e]));
const norm = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const el2022 = new Set();
for (const r of csvRows(readFileSync(CSL_2022, 'utf8'))) if (r[1]?.startsWith('Entity List')) el2022.add(norm(r[5]));

const take = (list) => list.slice(0, Number.isFinite(limit) ? limit : list.length);
const newSdn = take([...sdn2026.values()].filter((e) => !sdn2023.has(e.e)));
const newEl = take([...new Map(csl.entries.filter((e) => codeOf(e) === 'EL' && !el2022.has(norm(e.n)))
  .map((e) => [norm(e.n), e])).values()]);
const delisted = take([...sdn2023.entries()].filter(([n]) => !sdn2026.has(n)).map(([n, v]) => ({ e: n, ...v })));

function match(queries) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'eval-lists-'));
  try {
    const file = path.join(dir, 'q.jsonl');
    writeFileSync(file, queries.map((q) => JSON.stringify(q)).join('\n') + '\n');
    const out = execFileSync(cli, ['match', '--bundle', bundle, '--batch', file, '--top', '10'],
      { maxBuffer: 1 << 30, encoding: 'utf8' });
    return out.trim().split('\n').map((l) => JSON.parse(l).hits ?? []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(2)}%` : 'n/a');
const line = (label, n, d) => console.log(`${label.padEnd(64)} ${String(n).padStart(6)} / ${String(d).padEnd(6)} ${pct(n, d)}`);

console.log(`bundle: ${bundle}`);
const newSdnHits = match(newSdn.map((e) => ({ name: e.n, ...(TYPE[e.t] ? { type: TYPE[e.t] } : {}) })));
line('SDN designated after 2023-12, found as that party (same number)', newSdnHits
  .filter((hits, i) => hits.some((h) => h.list === 'SDN' && h.source_id === newSdn[i].e)).length, newSdn.length);
const newElHits = match(newEl.map((e) => ({ name: e.n })));
line('Entity List parties newer than the 2022 CSL, found on the EL', newElHits
  .filter((hits) => hits.some((h) => h.list === 'EL')).length, newEl.length);
const delistedHits = match(delisted.map((e) => ({ name: e.name, type: e.person ? 'person' : 'organization' })));
line('SDN delisted since 2023-12, still reported as that party', delistedHits
  .filter((hits, i) => hits.some((h) => h.list === 'SDN' && h.source_id === delisted[i].e)).length, delisted.length);
line('SDN delisted since 2023-12, any SDN hit (a same-named listed party)', delistedHits
  .filter((hits) => hits.some((h) => h.list === 'SDN')).length, delisted.length);
