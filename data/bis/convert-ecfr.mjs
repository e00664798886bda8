#!/usr/bin/env node
// Converts the third-party parse of the eCFR Entity List (Supp. 4 to Part 744) and MEU List (Supp. 7)
// in nsfreg_ecfr_2026-07-09/ into ExportCheck's import format (docs/import-format.md), one JSON line per
// entry, in ecfr_2026-07-09/. Deterministic: the same input gives the same bytes.
//   node data/bis/convert-ecfr.mjs           write the .jsonl files
//   node data/bis/convert-ecfr.mjs --check   fail if the committed files are out of date
//
// What the source lacks is said, not invented: no licence review policy, no start date (taken from the
// earliest Federal Register date of the entry), licence requirement cut to 200 characters in 6 records.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE_DIR = path.join(here, 'nsfreg_ecfr_2026-07-09');
const OUT_DIR = path.join(here, 'ecfr_2026-07-09');

const LISTS = [
  {
    file: 'bis_entity_list.json', out: 'entity_list.jsonl', code: 'EL',
    name: 'Entity List (EL) - Bureau of Industry and Security (eCFR Supp. No. 4 to Part 744, as of 2026-07-09)',
    url: 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%204%20to%20Part%20744',
  },
  {
    file: 'bis_meu.json', out: 'meu.jsonl', code: 'MEU',
    name: 'Military End User (MEU) List - Bureau of Industry and Security (eCFR Supp. No. 7 to Part 744, as of 2026-07-09)',
    url: 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%207%20to%20Part%20744',
  },
];

const POLICY_NOT_STATED = 'Not stated in this source (the eCFR text parse has no licence review policy column).';
const REMARKS = 'From a third-party parse of the eCFR text (phagehunter/nsfreg, 2026-07-09): names and addresses '
  + 'were split by rough rules; check the entry in the eCFR before acting.';

// "88 FR 71992, 10/19/23" -> 2023-10-19; the earliest date of all citations is the listing date.
function earliestDate(citations) {
  const dates = [...citations.matchAll(/(\d{1,2})\/(\d{1,2})\/(\d{2}(?:\d{2})?)\b/g)].map(([, m, d, y]) => {
    const year = y.length === 4 ? Number(y) : (Number(y) < 50 ? 2000 : 1900) + Number(y);
    return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  });
  return dates.sort()[0] ?? '';
}

// "A; and B" / "A, and B." -> one address per part. The eCFR files Hong Kong under China; an address
// that names Hong Kong gets HK, which the rules treat as China anyway, but is more precise for matching.
function addresses(text, country) {
  if (!text) return country ? [{ country }] : [];
  return text.split(/;\s+and\s+|;\s+(?=[A-Z0-9])/).map((part) => part.trim().replace(/\.$/, ''))
    .filter(Boolean)
    .map((street) => ({ street, country: /hong kong/i.test(street) ? 'HK' : country }));
}

function sourceId(code, entity) {
  const digest = createHash('sha256').update(`${code}\u001f${entity.country}\u001f${entity.name}`).digest('hex');
  return `ECFR-${code}-${digest.slice(0, 12)}`;
}

function convert(list) {
  const { entities } = JSON.parse(readFileSync(path.join(SOURCE_DIR, list.file), 'utf8'));
  const seen = new Set();
  return entities.map((e) => {
    const citations = (e.federal_register ?? '').split('\n').map((c) => c.trim().replace(/\.$/, '')).filter(Boolean);
    let requirement = (e.notes ?? '').trim();
    if (requirement.endsWith('...')) requirement += ' (cut short in this source)';
    let id = sourceId(list.code, e);
    while (seen.has(id)) id += '+';  // the same name listed twice under one country
    seen.add(id);
    const entry = {
      list: list.code,
      list_name: list.name,
      source_id: id,
      name: e.name.trim(),
      aliases: (e.aliases ?? []).map((a) => a.trim()).filter(Boolean),
      addresses: addresses(e.address, e.country),
      federal_register: citations.join(' | '),
      license_requirement: requirement || 'Not stated in this source.',
      license_policy: POLICY_NOT_STATED,
      start_date: earliestDate(e.federal_register ?? ''),
      source_url: list.url,
      remarks: REMARKS,
    };
    return JSON.stringify(entry);
  }).join('\n') + '\n';
}

const check = process.argv.includes('--check');
let stale = false;
for (const list of LISTS) {
  const target = path.join(OUT_DIR, list.out);
  const text = convert(list);
  if (check) {
    let current = '';
    try { current = readFileSync(target, 'utf8'); } catch { /* missing counts as stale */ }
    if (current !== text) { console.error(`${target} is out of date: run node data/bis/convert-ecfr.mjs`); stale = true; }
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${path.relative(process.cwd(), target)} (${text.split('\n').length - 1} entries)`);
  }
}
process.exit(stale ? 1 : 0);
