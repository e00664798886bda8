// The reseller's page: boots the language, loads the signed lists (stored bundle or the site's default) and
// the reseller's own list, then mounts the five views (screen one order, batch, audit log, lists, own list)
// behind hash links.
import { h, clear, icon } from './dom.js';
import { t, bindText, setLanguage, pickLanguage, language, LANGUAGES, formatDate, errorText } from './i18n/index.js';
import { getSetting, setSetting } from './db.js';
import { BundleManager } from './bundle-manager.js';
import { listAges } from '../lib/list-ages.js';
import { createOrderView } from './order-view.js';
import { createBatchView } from './batch-view.js';
import { createAuditView } from './audit-view.js';
import { createListsView } from './lists-view.js';
import { createOwnListView } from './own-list-view.js';
import { applyOwnList, loadOwnList } from './own-list-store.js';
import { setCountries } from './countries.js';

const DEFAULT_MAX_AGE_DAYS = 90;

const ROUTES = [
  { id: 'screen', label: 'nav.screen', create: createOrderView },
  { id: 'batch', label: 'nav.batch', create: createBatchView },
  { id: 'audit', label: 'nav.audit', create: createAuditView },
  { id: 'lists', label: 'nav.lists', create: createListsView },
  { id: 'own', label: 'nav.own', create: createOwnListView },
];

const app = document.getElementById('app');
const status = h('p', { id: 'status', class: 'status', role: 'status', i18n: 'boot.loading' });
const bundleChip = h('p', { class: 'bundle-chip', id: 'bundle-chip' });
// One line under the status bar when a list is older than the warning age (never a tall banner).
const ageWarning = h('p', { id: 'age-warning', class: 'age-warning', role: 'note', hidden: true });
const nav = h('nav', { class: 'tabs', 'aria-label': t('nav.label'), i18nAttrs: { 'aria-label': 'nav.label' } });
const main = h('main', { id: 'main', tabindex: '-1' });
const views = new Map();

const ctx = {
  manager: new BundleManager(),
  get checker() { return ctx.manager.checker; },
  maxAgeDays: DEFAULT_MAX_AGE_DAYS,
  reviewer: '',
  navigate: (id) => { location.hash = `#/${id}`; },
  view: (id) => views.get(id),
  refreshBundleStatus: () => renderBundleStatus(),
  setStatus: (key, params) => setStatusText(key, params),
};

function languagePicker() {
  const select = h('select', { id: 'language', class: 'language' },
    Object.keys(LANGUAGES).map((code) => h('option', { value: code, selected: code === language() },
      LANGUAGES[code]['language.name'])));
  select.addEventListener('change', async () => {
    setLanguage(select.value);
    renderBundleStatus();
    await setSetting('lang', select.value).catch(() => {});
  });
  return h('div', { class: 'language-picker' },
    h('label', { for: 'language', i18n: 'language.label' }), select);
}

function shell() {
  for (const route of ROUTES) {
    nav.append(h('a', { href: `#/${route.id}`, id: `tab-${route.id}`, i18n: route.label }));
  }
  clear(app,
    h('a', { class: 'skip', href: '#main', i18n: 'app.skip' }),
    h('header', { class: 'app-header' },
      h('div', { class: 'brand' },
        h('h1', {}, h('span', { class: 'logo', 'aria-hidden': 'true' }, '◆'), ' ', h('span', { i18n: 'app.title' })),
        h('p', { class: 'tagline', i18n: 'app.tagline' })),
      languagePicker()),
    h('div', { class: 'statusbar' }, status, bundleChip),
    ageWarning,
    nav,
    main,
    h('footer', { class: 'app-footer' },
      h('p', { i18n: 'app.privacy' }),
      h('p', { i18n: 'app.disclaimer' }),
      h('p', { class: 'site-links' }, h('a', { href: 'shop/', i18n: 'app.shopDemo' }))));
}

function setStatusText(key, params) {
  bindText(status, key, params);
}

function renderBundleStatus() {
  const checker = ctx.checker;
  if (!checker) return;
  const info = checker.info();
  const ages = listAges(info, ctx.maxAgeDays);
  // "Lists as of" the oldest list's date: what every screening can rely on.
  clear(bundleChip, ages.anyOld ? icon('warning', 'warn') : null,
    h('a', { href: '#/lists', title: info.id }, t('bundle.asOf', { date: formatDate(ages.oldest?.date), days: ages.oldest?.days ?? '?' })));
  bundleChip.classList.toggle('old', ages.anyOld);
  ageWarning.hidden = !ages.anyOld;
  if (ages.anyOld) {
    clear(ageWarning, icon('warning'), t('bundle.oldWarning', {
      old: ages.lists.filter((s) => s.old).length, total: ages.lists.length, max: ctx.maxAgeDays,
    }), ' ', h('a', { href: '#/lists' }, t('bundle.oldHow')));
  }
}

function currentRoute() {
  const id = (location.hash.match(/^#\/(\w+)/) ?? [])[1];
  return (ROUTES.find((r) => r.id === id) ?? ROUTES[0]).id;
}

function route() {
  const current = ROUTES.find((r) => r.id === currentRoute());
  for (const r of ROUTES) {
    const tab = document.getElementById(`tab-${r.id}`);
    if (r === current) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
    const view = views.get(r.id);
    if (view) view.el.hidden = r !== current;
  }
  views.get(current.id)?.show?.();
  renderBundleStatus();
  document.title = `${t(current.label)} · ${t('app.title')}`;
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => {
    // the page works without it, only not offline
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) setStatusText('boot.updated');
  });
}

// The lists could not be loaded: said in the status bar and in the page, with what to do.
function showBootFailure(err) {
  setStatusText('boot.failed', { message: errorText(err) });
  status.dataset.error = err.code ?? 'internal';
  status.classList.add('error');
  main.append(h('div', { class: 'banner error', role: 'alert' }, icon('blocked'), h('div', {},
    h('p', {}, h('strong', {}, t('boot.failedTitle'))),
    h('p', {}, errorText(err)),
    h('p', {}, t('boot.failedHelp')))));
  document.body.dataset.state = 'error';
}

// The own list, stored in this browser, goes to the core before anything is screened, and again to the
// core of every bundle that replaces this one (this listener runs before the views' own).
// -> { entries, error } (error: the core refused the stored list).
async function startOwnList(checker) {
  let entries = [];
  let error;
  try {
    entries = await loadOwnList();
    if (entries.length) await applyOwnList(checker, entries);
  } catch (err) {
    error = err;
  }
  ctx.manager.addEventListener('change', () => {
    const list = views.get('own')?.entries() ?? entries;
    if (list.length) applyOwnList(ctx.checker, list).catch((err) => views.get('own')?.notice(err));
  });
  return { entries, error };
}

function mountViews() {
  for (const r of ROUTES) {
    const view = r.create(ctx);
    view.el.hidden = true;
    view.el.id = `view-${r.id}`;
    views.set(r.id, view);
    main.append(view.el);
  }
}

// The status bar once the page is usable: the lists loaded, or the own list refused (never silently: every
// view shows that orders are screened without it).
function showReady(result, ownError) {
  const info = result.checker.info();
  setStatusText(result.fresh ? 'boot.readyFresh' : 'boot.ready', { entries: info.entries, sources: info.sources.length });
  if (ownError) {
    setStatusText('boot.ownListRefused', { message: errorText(ownError) });
    status.classList.add('error');
    status.dataset.error = 'own_list';
  }
}

async function boot() {
  ctx.maxAgeDays = await getSetting('maxAgeDays', DEFAULT_MAX_AGE_DAYS);
  ctx.reviewer = await getSetting('reviewer', '');
  setLanguage(pickLanguage(await getSetting('lang')));
  shell();
  document.body.dataset.state = 'loading';
  let result;
  try {
    result = await ctx.manager.start();
  } catch (err) {
    showBootFailure(err);
    return;
  }
  setCountries(result.checker.countries());
  const own = await startOwnList(result.checker);
  mountViews();
  views.get('own').setEntries(own.entries);
  if (own.error) views.get('own').notice(own.error);
  window.addEventListener('hashchange', route);
  route();
  renderBundleStatus();
  ctx.manager.addEventListener('change', ({ detail }) => {
    renderBundleStatus();
    setStatusText('boot.replaced', { id: detail.current.id, entries: detail.current.entries, sources: detail.current.sources.length });
  });
  showReady(result, own.error);
  for (const notice of result.notices) views.get('lists').notice?.(notice);
  // When the page became usable (ms since navigation), for the benchmark.
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.state = 'ready';
  // After the page is usable, so precaching does not compete with the first load.
  registerServiceWorker();
}

boot();
