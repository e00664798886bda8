#!/usr/bin/env node
// Generates core/src/text/country_table.inc, the data behind exportcheck::country_code / country_name.
//
//   node scripts/gen-country-table.mjs [iso_3166-1.json] [--check]
//
// Sources: Debian's iso-codes iso_3166-1.json (name, official_name, common_name, alpha_3 of every
// country) and the hand-written data/countries/aliases.tsv (the names the list files use that
// iso-codes lacks). The .inc is committed so the build never needs iso-codes installed.
// --check compares instead of writing and exits 1 when the committed file is stale.
//
// The lookup normalisation is implemented twice, here (to build the keys) and in countries.cpp
// (for the input). To keep the two from drifting, the accent-fold table is computed here and
// emitted into the .inc, so C++ uses exactly the folds this script used.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_ISO_JSON = '/usr/share/iso-codes/json/iso_3166-1.json';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const aliasesPath = resolve(repoRoot, 'data/countries/aliases.tsv');
const outPath = resolve(repoRoot, 'core/src/text/country_table.inc');

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const isoPath = args.find((a) => !a.startsWith('--')) ?? DEFAULT_ISO_JSON;

function fail(message) {
  console.error(`gen-country-table: ${message}`);
  process.exit(2);
}

// ---- normalisation (mirrored by normalise() in core/src/text/countries.cpp) ----------------------

// Latin-1 / Latin Extended-A letters that have no canonical decomposition into base + accent.
const FOLD_SPECIAL = new Map(Object.entries({
  'Æ': 'ae', 'æ': 'ae', 'Ð': 'd', 'ð': 'd', 'Ø': 'o', 'ø': 'o', 'Þ': 'th', 'þ': 'th', 'ß': 'ss',
  'Đ': 'd', 'đ': 'd', 'Ħ': 'h', 'ħ': 'h', 'ı': 'i', 'Ĳ': 'ij', 'ĳ': 'ij', 'ĸ': 'k', 'Ŀ': 'l',
  'ŀ': 'l', 'Ł': 'l', 'ł': 'l', 'ŉ': 'n', 'Ŋ': 'n', 'ŋ': 'n', 'Œ': 'oe', 'œ': 'oe', 'Ŧ': 't', 'ŧ': 't', 'ſ': 's',
}));
const FOLD_FIRST = 0xc0;
const FOLD_LAST = 0x17f;

// U+00C0..U+017F -> lower-case ASCII ("" never; " " for the two symbols × and ÷).
function foldLatin(cp) {
  const ch = String.fromCodePoint(cp);
  if (FOLD_SPECIAL.has(ch)) return FOLD_SPECIAL.get(ch);
  const decomposed = ch.normalize('NFD');
  if (/^[A-Za-z]\p{M}*$/u.test(decomposed)) return decomposed[0].toLowerCase();
  if (/\p{L}/u.test(ch)) fail(`no ASCII fold for letter U+${cp.toString(16).toUpperCase()} ${ch}`);
  return ' ';
}

function normalise(text) {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) out += /[A-Za-z0-9]/.test(ch) ? ch.toLowerCase() : ' ';
    else if (cp < FOLD_FIRST) out += ' '; // C1 controls, NBSP and Latin-1 symbols
    else if (cp <= FOLD_LAST) out += foldLatin(cp);
    else if (cp >= 0x2000 && cp <= 0x206f) out += ' '; // General Punctuation: ’ – “ ...
    else out += ch;
  }
  const words = out.split(' ').filter(Boolean);
  // "The Gambia", "Bahamas, The", "Congo, Democratic Republic of the": the article carries nothing.
  if (words.length > 1 && words[0] === 'the') words.shift();
  if (words.length > 1 && words[words.length - 1] === 'the') words.pop();
  return words.join(' ');
}

// ---- sources -----------------------------------------------------------------------------------

if (!existsSync(isoPath)) fail(`cannot find ${isoPath} (install iso-codes or pass the path)`);
const isoJson = JSON.parse(readFileSync(isoPath, 'utf8'));
const isoEntries = isoJson['3166-1'];
if (!Array.isArray(isoEntries) || isoEntries.length < 200) fail(`${isoPath} has no 3166-1 list`);

// iso_3166-1.json itself carries no version; Debian ships it next to a pkg-config file that does.
function isoCodesVersion() {
  if (typeof isoJson.version === 'string') return isoJson.version;
  const pc = resolve(dirname(isoPath), '../../pkgconfig/iso-codes.pc');
  if (existsSync(pc)) {
    const m = /^Version:\s*(\S+)/m.exec(readFileSync(pc, 'utf8'));
    if (m) return m[1];
  }
  return 'unknown version';
}

const codeToName = new Map(); // alpha-2 -> English short name
const nameToCode = new Map(); // normalised key -> alpha-2
const keyOrigin = new Map(); // normalised key -> where it came from, for error messages
let redundantAliases = 0;

function addKey(rawName, code, origin) {
  const key = normalise(rawName);
  if (!/^[a-z0-9]+( [a-z0-9]+)*$/.test(key)) fail(`${origin}: "${rawName}" normalises to non-ASCII "${key}"`);
  // country_code() tries a two-letter input as a code first, so such a key must agree with the code.
  const asCode = key.toUpperCase();
  if (key.length === 2 && codeToName.has(asCode) && asCode !== code) fail(`${origin}: "${rawName}" is the code ${asCode}`);
  const known = nameToCode.get(key);
  if (known === undefined) {
    nameToCode.set(key, code);
    keyOrigin.set(key, origin);
  } else if (known !== code) {
    fail(`${origin}: "${rawName}" -> ${code} clashes with ${keyOrigin.get(key)} -> ${known} (key "${key}")`);
  } else if (origin.startsWith('aliases')) {
    redundantAliases += 1;
  }
}

for (const e of isoEntries) {
  if (!/^[A-Z]{2}$/.test(e.alpha_2) || !/^[A-Z]{3}$/.test(e.alpha_3)) fail(`bad iso entry ${JSON.stringify(e)}`);
  codeToName.set(e.alpha_2, e.name);
}
for (const e of isoEntries) {
  for (const field of ['name', 'official_name', 'common_name']) {
    if (e[field]) addKey(e[field], e.alpha_2, `iso-codes ${e.alpha_2} ${field}`);
  }
  addKey(e.alpha_3, e.alpha_2, `iso-codes ${e.alpha_2} alpha_3`);
}

const aliasLines = readFileSync(aliasesPath, 'utf8').split(/\r?\n/);
const aliasRows = [];
aliasLines.forEach((line, index) => {
  const text = line.replace(/#.*$/, '').trimEnd();
  if (!text.trim()) return;
  const where = `aliases.tsv:${index + 1}`;
  const cols = text.split('\t');
  if (/[^\x20-\x7e\t]/.test(text)) fail(`${where}: aliases must be plain ASCII (accents are folded at lookup)`);
  if (cols[0] === '@code') {
    if (cols.length !== 3 || !/^[A-Z]{2}$/.test(cols[1]) || !cols[2]) fail(`${where}: expected @code<TAB>XX<TAB>name`);
    if (codeToName.has(cols[1])) fail(`${where}: ${cols[1]} is already an ISO code`);
    codeToName.set(cols[1], cols[2]);
    return;
  }
  if (cols.length !== 2 || !cols[0].trim() || !/^[A-Z]{2}$/.test(cols[1])) fail(`${where}: expected alias<TAB>XX`);
  aliasRows.push({ alias: cols[0].trim(), code: cols[1], where });
});
for (const { alias, code, where } of aliasRows) {
  if (!codeToName.has(code)) fail(`${where}: unknown code ${code}`);
  addKey(alias, code, `aliases ${where}`);
}

// ---- output ------------------------------------------------------------------------------------

const byBytes = (a, b) => (a < b ? -1 : a > b ? 1 : 0); // keys are ASCII, so UTF-16 order = byte order
const cString = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const folds = [];
for (let cp = FOLD_FIRST; cp <= FOLD_LAST; cp += 1) folds.push(foldLatin(cp));
const foldRows = [];
for (let i = 0; i < folds.length; i += 16) {
  const first = (FOLD_FIRST + i).toString(16).toUpperCase().padStart(4, '0');
  foldRows.push(`    ${folds.slice(i, i + 16).map(cString).join(', ')},  // U+${first}`);
}

const nameRows = [...nameToCode.keys()].sort(byBytes).map((k) => `    {${cString(k)}, "${nameToCode.get(k)}"},`);
const codeRows = [...codeToName.keys()].sort(byBytes).map((c) => `    {"${c}", ${cString(codeToName.get(c))}},`);

const text = `// GENERATED by scripts/gen-country-table.mjs -- do not edit; change the sources and re-run it.
// Sources: iso-codes ${isoCodesVersion()} iso_3166-1.json (name, official_name, common_name, alpha_3)
//          and data/countries/aliases.tsv.
// Included by core/src/text/countries.cpp, which declares NameCode and CodeName.

// Accent folds for U+${FOLD_FIRST.toString(16).toUpperCase().padStart(4, '0')}..U+${FOLD_LAST.toString(16).toUpperCase().padStart(4, '0')} (Latin-1 letters and Latin Extended-A), to lower-case ASCII.
constexpr std::string_view kLatinFold[] = {
${foldRows.join('\n')}
};

// Normalised name or lower-case alpha-3 -> alpha-2; sorted by name in byte order, names unique.
constexpr NameCode kNameToCode[] = {
${nameRows.join('\n')}
};

// Alpha-2 -> English short name (ISO 3166-1 "name"), sorted by code.
constexpr CodeName kCodeToName[] = {
${codeRows.join('\n')}
};
`;

const rel = relative(repoRoot, outPath);
if (checkOnly) {
  const current = existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
  if (current !== text) {
    console.error(`gen-country-table: ${rel} is stale; run node scripts/gen-country-table.mjs`);
    process.exit(1);
  }
  console.log(`${rel} is up to date`);
} else {
  writeFileSync(outPath, text);
  console.log(`wrote ${rel}: ${nameRows.length} names -> ${codeRows.length} codes` +
    ` (${aliasRows.length} aliases, ${redundantAliases} already covered by iso-codes)`);
}
