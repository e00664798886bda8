#!/usr/bin/env node
// Converts the third-party projection of trade.gov's CSL `consolidated.json` of 2026-07-31
// (csl_json_2026-07-31/screening-list.json) into ExportCheck's import format (docs/import-format.md),
// one JSON line per party, in csl_2026-07-31/csl.jsonl. Deterministic: the same input gives the same bytes.
//   node data/csl/convert-csl-json.mjs           write the .jsonl file
//   node data/csl/convert-csl-json.mjs --check   fail if the committed file is out of date
//
// What the projection lacks (street addresses, dates of birth, ids, listing dates) is left out, not
// invented: the bundle takes those from the official OFAC files, matched by OFAC entity number.
// Rows the CSL repeats per address or per order (same list and name, or same OFAC number) become one
// party with every country of its rows.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.join(here, 'csl_json_2026-07-31', 'screening-list.json');
const OUT = path.join(here, 'csl_2026-07-31', 'csl.jsonl');

// The CSL's code for a list where it differs from the bundle's (list_names.cpp).
const CODE = { 'NS-MBS': 'MBS' };
const TYPE = { Individual: 'person', Entity: 'organization', Vessel: 'vessel', Aircraft: 'aircraft' };

function partyKey(code, row) {
  return row.e ? `${code}\u001f#${row.e}` : `${code}\u001f${row.n.trim().toLowerCase()}`;
}

function sourceId(code, row) {
  if (row.e) return row.e;  // the OFAC entity number: the official files join on it
  const digest = createHash('sha256').update(`${code}\u001f${row.n.trim()}`).digest('hex');
  return `CSL-${code}-${digest.slice(0, 12)}`;
}

// Address countries the import format cannot take as one country: areas the project deliberately leaves
// unmapped (data/countries/aliases.tsv), a US state code in a DPL row, a dissolved state. They are kept
// in the entry's remarks instead, never dropped silently.
const NOT_ONE_COUNTRY = new Map([
  ['REGION: KASHMIR', 'disputed between India and Pakistan'],
  ['REGION: JAMMU AND KASHMIR', 'disputed between India and Pakistan'],
  ['REGION: KAFIA KINGI', 'disputed between Sudan and South Sudan'],
  ['REGION: COMMONWEALTH OF INDEPENDENT STATES', 'a grouping of states'],
  ['NM', 'not a country code; a US state (New Mexico) in the country field'],
  ['AN', 'Netherlands Antilles, dissolved in 2010'],
]);

const addUnique = (list, values) => { for (const v of values) if (v && !list.includes(v)) list.push(v); };

function convert() {
  const csl = JSON.parse(readFileSync(SOURCE, 'utf8'));
  const { sources, licenceRequirements, licencePolicies, programmes, urls } = csl.tables;
  const parties = new Map();
  for (const row of csl.entries) {
    const listName = sources[row.s];
    const authority = csl.listAuthority[listName];
    if (!authority) throw new Error(`${SOURCE}: source "${listName}" has no listAuthority code`);
    const code = CODE[authority.code] ?? authority.code;
    const key = partyKey(code, row);
    let p = parties.get(key);
    if (!p) {
      p = {
        list: code, list_name: listName, source_id: sourceId(code, row),
        ...(row.t ? { type: TYPE[row.t] ?? 'unknown' } : {}),
        name: row.n.trim(), aliases: [], addresses: [], programs: [], federal_register: [],
        license_requirement: row.lr === undefined ? '' : licenceRequirements[row.lr],
        license_policy: row.lp === undefined ? '' : licencePolicies[row.lp],
        source_url: row.u === undefined ? '' : urls[row.u],
        unmapped: [],
      };
      parties.set(key, p);
    }
    addUnique(p.aliases, (row.a ?? []).map((a) => a.trim()).filter((a) => a !== p.name));
    addUnique(p.programs, row.pg === undefined ? [] : programmes[row.pg].split('; '));
    if (row.fr) addUnique(p.federal_register, [row.fr.trim()]);
    for (const raw of row.c ?? []) {
      if (NOT_ONE_COUNTRY.has(raw)) {
        addUnique(p.unmapped, [`${raw} (${NOT_ONE_COUNTRY.get(raw)})`]);
        continue;
      }
      if (!p.addresses.some((a) => a.country === raw)) p.addresses.push({ country: raw });
    }
  }
  const lines = [];
  for (const p of parties.values()) {
    const { unmapped, ...rest } = p;
    const out = { ...rest, federal_register: p.federal_register.join(' | ') };
    if (unmapped.length) out.remarks = `Address country in the CSL export, not one country: ${unmapped.join('; ')}.`;
    for (const [k, v] of Object.entries(out)) if (v === '' || (Array.isArray(v) && v.length === 0)) delete out[k];
    lines.push(JSON.stringify(out));
  }
  return { text: lines.join('\n') + '\n', rows: csl.entries.length, parties: lines.length };
}

const { text, rows, parties } = convert();
if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(OUT, 'utf8'); } catch { /* missing counts as stale */ }
  if (current !== text) {
    console.error(`${OUT} is out of date: run node data/csl/convert-csl-json.mjs`);
    process.exit(1);
  }
} else {
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(process.cwd(), OUT)} (${rows} CSL rows -> ${parties} parties)`);
}
