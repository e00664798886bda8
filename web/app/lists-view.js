// "Lists": which signed bundle is in use, the date of each list and how old it is (with a configurable
// warning age), how to load a newer bundle (bundle-loader.js), and after a new bundle, rescreening the
// stored orders with the list of those whose decision changed.
import { h, clear, icon } from './dom.js';
import { t, formatDate } from './i18n/index.js';
import { listAges } from '../lib/list-ages.js';
import { setSetting } from './db.js';
import { createRescreenPanel } from './rescreen-view.js';
import { createBundleLoader } from './bundle-loader.js';
import { ageText, bundleFacts, listsTable, sourcesTable, rulesTable } from './lists-tables.js';

// The warning age (days), stored as a setting; onChange() once a valid one is saved.
function ageSetting(ctx, onChange) {
  const maxAge = h('input', { type: 'number', id: 'max-age', min: '1', max: '3650', step: '1', value: String(ctx.maxAgeDays), inputmode: 'numeric' });
  const save = async (e) => {
    e.preventDefault();
    const days = Math.round(Number(maxAge.value));
    if (!(days >= 1 && days <= 3650)) {
      maxAge.setAttribute('aria-invalid', 'true');
      return;
    }
    maxAge.removeAttribute('aria-invalid');
    ctx.maxAgeDays = days;
    await setSetting('maxAgeDays', days).catch(() => {});
    onChange();
  };
  return h('section', { class: 'settings', 'aria-labelledby': 'age-setting-title' },
    h('h3', { id: 'age-setting-title', i18n: 'lists.ageSettingTitle' }),
    h('form', { class: 'inline', id: 'age-form', novalidate: true, onsubmit: save },
      h('label', { for: maxAge.id, i18n: 'lists.maxAge' }), maxAge,
      h('button', { type: 'submit', class: 'secondary', i18n: 'common.save' })));
}

// Whether every list is recent enough, and when not, which is the oldest and what to do.
function ageBanner(ctx, ages, record) {
  if (!ages.anyOld) return h('p', { class: 'banner ok' }, t('lists.fresh', { max: ctx.maxAgeDays }));
  return h('div', { class: 'banner warning', id: 'lists-old' }, icon('warning'), h('div', {},
    h('p', {}, h('strong', {}, t('age.title'))),
    h('p', {}, t('lists.oldExplain', { oldest: formatDate(ages.oldest?.date), age: ageText(ages.oldest?.days) }),
      (record.source ?? 'default') === 'default' ? ` ${t('lists.shippedOld')}` : ''),
    h('p', {}, t('age.howto'))));
}

// The reseller's own list is screened beside the bundle: say so here, with the way to it.
function ownListLine(checker) {
  const own = checker.ownList();
  return h('p', { id: 'lists-own' }, own ? t('lists.ownList', { count: own.entries }) : t('lists.ownListNone'), ' ',
    h('a', { href: '#/own' }, t('lists.ownListLink')));
}

// Everything about the bundle in use, rendered again whenever it, the language or the warning age changes.
function renderCurrent(ctx, current) {
  const checker = ctx.checker;
  const info = checker.info();
  const ages = listAges(info, ctx.maxAgeDays);
  const record = ctx.manager.record ?? {};
  clear(current,
    ageBanner(ctx, ages, record),
    bundleFacts(info, record, checker.fileSha256),
    listsTable(info, ages),
    sourcesTable(ages),
    // Said plainly: a French or German reseller must also screen against the EU list, which this bundle lacks.
    info.lists?.EU ? null : h('p', { id: 'lists-eu', class: 'age-warning' }, icon('warning'), t('lists.euMissing')),
    ownListLine(checker),
    rulesTable(info),
    info.notes?.length ? h('details', { class: 'notes' }, h('summary', {}, t('lists.notes', { count: info.notes.length })),
      h('ul', {}, info.notes.map((n) => h('li', {}, n)))) : null);
}

export function createListsView(ctx) {
  const current = h('div', { class: 'bundle-current', id: 'bundle-current' });
  const notices = h('div', { class: 'notices' });
  const rescreenPanel = createRescreenPanel(ctx, { id: 'rescreen' });
  const render = () => renderCurrent(ctx, current);

  const el = h('section', { class: 'view view-lists', 'aria-labelledby': 'lists-title' },
    h('h2', { id: 'lists-title', i18n: 'lists.title' }),
    notices,
    current,
    ageSetting(ctx, () => {
      render();
      ctx.refreshBundleStatus();
    }),
    createBundleLoader(ctx),
    rescreenPanel.el);

  // A newer bundle: the stored orders are rescreened at once, the changed decisions shown first.
  ctx.manager.addEventListener('change', () => {
    render();
    rescreenPanel.offer({ auto: true }).catch(() => {});
  });
  window.addEventListener('languagechange-app', () => render());
  render();

  return {
    el,
    show: () => render(), // the own list may have changed since
    notice: (code) => notices.append(h('p', { class: 'banner warning' }, icon('warning'), t(`lists.notice.${code}`))),
  };
}
