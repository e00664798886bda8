// A French user from end to end: the page follows the browser's language, and the core writes the report
// in French too (decision summary, every finding, what is left to do), for a blocked, a licence-required and
// a clear order, and for a batch CSV with bad rows (every good order screened, every bad row named).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { launch, openApp, screenshot, root } from './support.mjs';

let env;
let page;
before(async () => {
  env = await launch({ locale: 'fr-FR' });
  page = await env.newPage();
});
after(async () => { await env?.close(); });

// Words that are English and never French; text in quotes (names from the order or a list) is left out.
const ENGLISH = new Set(['the', 'of', 'and', 'is', 'are', 'to', 'for', 'with', 'this', 'that', 'from', 'by', 'which',
  'has', 'have', 'not', 'its', 'an', 'be', 'or', 'but', 'it', 'check', 'before', 'shipping', 'hold', 'ship', 'party',
  'match', 'matches', 'order', 'entry', 'going', 'needs', 'buyer', 'payer', 'item', 'items', 'review', 'blocked']);
function englishWords(text) {
  const unquoted = text.replace(/"[^"]*"/g, ' ').replace(/«[^»]*»/g, ' ');
  return unquoted.toLowerCase().split(/[^a-zà-ÿœæ]+/).filter((w) => ENGLISH.has(w));
}

async function screenExample(index, id) {
  await page.selectOption('#example', { index });
  // The Screen button is brought into view and focused, ready to press.
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'submit');
  await page.click('button[type="submit"]');
  await page.waitForSelector(`#result .report[data-order-id="${id}"]`);
  const summary = await page.textContent('#result .decision-summary');
  const messages = await page.$$eval('#result .finding .message', (ps) => ps.map((p) => p.textContent));
  const steps = await page.$$eval('#result .next-steps li', (li) => li.map((l) => l.textContent));
  const lang = await page.getAttribute('#result .decision-summary', 'lang');
  for (const text of [summary, ...messages, ...steps]) assert.deepEqual(englishWords(text), [], text);
  return { summary, messages, steps, lang };
}

test('a blocked, a licence-required and a clear order, all in French', async () => {
  assert.equal(await openApp(page, env.server.url, '#/screen'), 'ready');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.waitForSelector('#example option:nth-child(26)', { state: 'attached' });

  const blocked = await screenExample(2, 'SAMPLE-002');  // a buyer on the Entity List
  assert.equal(blocked.lang, 'fr');
  assert.match(blocked.summary, /^Ne pas expédier/);
  assert.equal(await page.getAttribute('#result .report', 'data-decision'), 'blocked');
  // Blocking findings carry a label that looks different from review ones.
  const color = await page.$eval('#result .severity.sev-blocked', (e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(color, 'rgba(0, 0, 0, 0)');
  await screenshot(page, 'fr-blocked-1280');

  const licence = await screenExample(25, 'RULE-A100-HK');  // an A100 to Hong Kong
  assert.equal(await page.getAttribute('#result .report', 'data-decision'), 'license_required');
  assert.match(licence.summary, /Cette commande exige une licence d'exportation américaine/);
  assert.match(licence.summary, /Hong Kong \(HK\), que les règles américaines assimilent à la Chine/);
  // What triggered it (policy, conditions, notes, citations) is in French too, not only the sentences.
  const evidence = await page.$$eval('#result .finding dl.evidence dd', (dd) => dd.map((d) => d.textContent));
  assert.ok(evidence.length > 3, evidence.join(' | '));
  for (const text of evidence) assert.deepEqual(englishWords(text), [], text);
  assert.ok(evidence.some((t) => /présomption de refus/.test(t)), evidence.join(' | '));
  // The licence requirement is the main reason, before any other finding.
  assert.match(licence.messages[0], /exige une licence/);
  await screenshot(page, 'fr-licence-1280');

  const clear = await screenExample(1, 'SAMPLE-001');  // an RTX 4090 to Lyon
  assert.equal(await page.getAttribute('#result .report', 'data-decision'), 'clear');
  assert.match(clear.summary, /^Dégagée/);
  // A clear result says what is left to do: keep the record until a date, and why no licence is needed.
  assert.ok(clear.steps.some((s) => /^Conservez ce rapport avec la commande jusqu'au \d+(er)? [a-zéû]+ \d{4}/.test(s)), clear.steps.join(' | '));
  assert.ok(clear.steps.some((s) => /Aucune licence d'exportation américaine n'est nécessaire/.test(s)), clear.steps.join(' | '));
  assert.ok(clear.steps.some((s) => /Aucune notification NAC ou ACA/.test(s)), clear.steps.join(' | '));
  assert.equal(await page.textContent('#result .report-meta dd:nth-of-type(3)').then((t) => /object/.test(t)), false);
  await screenshot(page, 'fr-clear-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await screenshot(page, 'fr-clear-390');
  await page.setViewportSize({ width: 1280, height: 900 });
  env.assertClean();
});

test('a French batch CSV with bad rows: every good order screened, every bad row named with line, column and file', async () => {
  const csv = (await readFile(path.join(root, 'public/samples/orders.csv'), 'utf8')).split(/\r?\n/).filter(Boolean);
  const header = csv[0].split(',');
  const qty = header.indexOf('item.quantity');
  // Line 3 (SAMPLE-002) gets "dix" as its quantity; line 5 (SAMPLE-004) a country that is no country.
  const bad = csv.slice(0, 6).map((line, i) => {
    if (i !== 2) return line;
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, ''));
    cells[qty] = 'dix';
    return cells.join(',');
  });
  await page.click('#tab-batch');
  await page.setInputFiles('#batch-file', { name: 'commandes.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.join('\n') + '\n') });
  await page.waitForSelector('#view-batch[data-state="done"]');
  const errors = await page.$$eval('.line-errors li', (li) => li.map((l) => l.textContent));
  assert.equal(errors.length, 1, errors.join(' | '));
  // The core writes the row error in French; the file and column names and the user's value stay as written.
  assert.match(errors[0], /^« commandes\.csv », ligne 3, colonne \d+ \(« item\.quantity »\) : nombre attendu, reçu « dix »$/);
  assert.deepEqual(englishWords(errors[0]), [], errors[0]);
  assert.doesNotMatch(errors[0], /docs\//);
  const summary = await page.textContent('#batch-summary');
  assert.match(summary, /^4 commandes contrôlées \(commandes\.csv\)/);
  // The progress heading says the batch is over, not that it still runs.
  assert.equal(await page.textContent('#batch-progress-label'), 'Contrôle terminé');
  await screenshot(page, 'fr-batch-errors-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  // At phone size a result row is at most two lines tall (it was ~430 px with every cell wrapped), and the
  // table scrolls in its box rather than widening the page.
  const heights = await page.$$eval('#batch-results tbody tr', (trs) => trs.map((tr) => tr.getBoundingClientRect().height));
  const lineHeight = await page.$eval('#batch-results tbody td', (td) => parseFloat(getComputedStyle(td).fontSize) * 1.6);
  assert.equal(heights.length, 4);
  assert.ok(Math.max(...heights) <= 2 * lineHeight + 16, `rows of ${heights.map(Math.round).join(', ')} px`);
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await screenshot(page, 'fr-batch-errors-390');
  await page.setViewportSize({ width: 1280, height: 900 });
  env.assertClean();
});

test('a French batch file that is not a CSV of orders is refused in French', async () => {
  await page.click('#tab-batch');
  await page.setInputFiles('#batch-file', { name: 'photo.csv', mimeType: 'text/csv',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
  await page.waitForSelector('#view-batch[data-state="refused"]');
  const refusal = await page.textContent('.batch-messages');
  assert.match(refusal, /« photo\.csv » : ce n'est pas un CSV de commandes \(c'est une image, un PDF ou un autre fichier binaire\)/);
  assert.deepEqual(englishWords(refusal), [], refusal);
  env.assertClean();
});
