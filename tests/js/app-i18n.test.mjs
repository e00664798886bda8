// Every string of the page lives in web/app/i18n/{en,fr}.js: both catalogues have the same keys and the same
// placeholders, and every key the app's code names is in them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import en from '../../web/app/i18n/en.js';
import fr from '../../web/app/i18n/fr.js';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/app');
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('English and French have the same keys, kinds and placeholders', () => {
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    assert.equal(typeof fr[key], typeof en[key], `${key}: string in one language, function in the other`);
    if (typeof en[key] === 'string') assert.deepEqual(placeholders(fr[key]), placeholders(en[key]), key);
  }
});

test('every key the app names is in the catalogues', () => {
  const used = new Set();
  for (const file of readdirSync(appDir).filter((f) => f.endsWith('.js'))) {
    const source = readFileSync(path.join(appDir, file), 'utf8');
    const pattern = /(?:\bt\(|i18n: \[?|label: |caption: |key: |hint: |: )'([a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)'/g;
    for (const [, key] of source.matchAll(pattern)) {
      if (/^(?:[a-z]+\.(?:js|json|csv|jsonl|svg|mjs|gz|sig|ecb))$/.test(key)) continue; // file names
      used.add(key);
    }
  }
  assert.deepEqual([...used].filter((k) => !(k in en)), [], 'keys used in web/app but missing from en.js');
  assert.ok(used.size > 150, `only ${used.size} keys found: the pattern is broken`);
});

test('keys built from data exist for every value the app knows', () => {
  for (const d of ['clear', 'review', 'license_required', 'blocked', 'error']) {
    assert.ok(`decision.${d}` in en && `decision.${d}.sentence` in en, d);
  }
  for (const r of ['buyer', 'ship_to', 'ultimate_consignee', 'end_user', 'forwarder', 'intermediate_consignee', 'payer', 'payer_bank']) {
    assert.ok(`role.${r}` in en && `role.${r}.hint` in en, r);
  }
  for (let i = 1; i <= 22; i++) assert.ok(`rule.R${String(i).padStart(2, '0')}` in en);
  for (const s of ['csl', 'ofac_sdn', 'ofac_cons', 'dpl', 'un']) assert.ok(`source.${s}` in en, s);
});

test('messages render: plurals and numbers in both languages', () => {
  const fmt = { n: (v) => String(v) };
  assert.equal(en['batch.read']({ count: 1, file: 'a.csv' }, fmt), '1 order read from a.csv.');
  assert.equal(en['batch.read']({ count: 3, file: 'a.csv' }, fmt), '3 orders read from a.csv.');
  assert.match(fr['batch.read']({ count: 3, file: 'a.csv' }, fmt), /^3 commandes lues dans a\.csv\.$/);
  assert.match(fr['age.years']({ n: 2, m: 3 }), /^2\u00a0ans et 3\u00a0mois$/);
});
