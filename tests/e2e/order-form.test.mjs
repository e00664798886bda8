// The order form as a keyboard user and a French user meet it: errors named inline and in a summary
// (linked with aria-describedby), Enter screens the order, the language switches without losing what was
// typed, and the page fits a phone's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openApp, screenshot } from './support.mjs';

let env;
let page;
before(async () => {
  env = await launch();
  page = await env.newPage();
});
after(async () => { await env?.close(); });

const buyer = (field) => `[name="party.buyer.${field}"]`;

test('an empty order is refused field by field, with a summary that links to each field', async () => {
  assert.equal(await openApp(page, env.server.url, '#/screen'), 'ready');
  await page.focus(buyer('name'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error-summary:not([hidden])');
  const summary = await page.textContent('.error-summary');
  assert.match(summary, /Please correct these \d+ fields/);
  assert.match(summary, /Buyer — Name: This field is needed/);
  assert.match(summary, /Description: This field is needed/);
  // The field says so too, and its error is linked to it.
  assert.equal(await page.getAttribute(buyer('name'), 'aria-invalid'), 'true');
  const describedBy = (await page.getAttribute(buyer('name'), 'aria-describedby')).split(' ');
  const errorId = describedBy.find((id) => id.endsWith('-error'));
  assert.match(await page.textContent(`#${errorId}`), /This field is needed/);
  // The summary's link takes the focus to the field.
  await page.click('.error-summary a:first-of-type');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'party.buyer.name');
  await screenshot(page, 'order-form-errors');
  // Filling the field clears its error when the user leaves it.
  await page.fill(buyer('name'), 'Lumière Calcul SAS');
  await page.keyboard.press('Tab');
  assert.equal(await page.getAttribute(buyer('name'), 'aria-invalid'), null);
  env.assertClean();
});

test('the language switches to French and keeps what was typed', async () => {
  await page.selectOption('#language', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.inputValue(buyer('name')), 'Lumière Calcul SAS');
  assert.match(await page.textContent('#order-form-title'), /Commande/);
  assert.match(await page.textContent('label[for="language"]'), /Langue/);
  assert.match(await page.textContent(`${buyer('country')} option[value="DE"]`), /Allemagne/);
  await page.selectOption('#language', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  env.assertClean();
});

test('a filled order is screened with Enter from a text field', async (t) => {
  await page.selectOption(buyer('country'), 'FR');
  await page.fill(buyer('city'), 'Lyon');
  await page.fill('.item input[name="description"]', 'NVIDIA GeForce RTX 4090');
  await page.fill('.item input[name="quantity"]', '2');
  await page.fill('[name="end_use"]', '3D rendering workstations');
  await page.focus('.item input[name="quantity"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#result .report[data-decision]');
  assert.match(await page.textContent('#result .decision-banner'), /\w/);
  env.assertClean();
});

test('on a phone-sized screen the page fits its width, in French', async (t) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.selectOption('#language', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  {
    await page.selectOption('#example', { index: 1 });
    await page.click('button[type="submit"]');
    await page.waitForSelector('#result .report[data-order-id="SAMPLE-001"]');
  }
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await screenshot(page, 'order-phone-fr');
  t.diagnostic(`decision shown: ${await page.textContent('#result .decision-label').catch(() => '-')}`);
  env.assertClean();
});
