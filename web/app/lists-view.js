// "Lists": which signed bundle is in use, the date of each list and how old it is (with a configurable
// warning age), how to load a newer bundle (a URL on this site, or the files, dropped or picked), and after a
// new bundle, rescreening the stored orders with the list of those whose decision changed.
import { h, clear, icon } from './dom.js';
import { t, formatDate, formatNumber, has, errorText, sourceName } from './i18n/index.js';
import { listAges } from '../lib/list-ages.js';
import { setSetting } from './db.js';
import { createRescreenPanel } from './rescreen-view.js';

function ageText(days) {
  if (!Number.isFinite(days)) return t('age.unknown');
  if (days < 60) return t('age.days', { n: days });
  const months = Math.floor(days / 30.44);
  if (months < 24) return t('age.months', { n: months });
  return t('age.years', { n: Math.floor(days / 365.25), m: Math.floor(months % 12) });
}

// The bundle in use: id, dates, origin, signature, counts, hashes.
function bundleFacts(info, record, fileSha256) {
  return h('dl', { class: 'bundle-facts' },
    h('dt', {}, t('lists.bundle')), h('dd', { id: 'bundle-id' }, info.id),
    h('dt', {}, t('lists.builtAt')), h('dd', {}, h('time', { id: 'built-at', datetime: info.built_at }, formatDate(info.built_at, { time: true }))),
    h('dt', {}, t('lists.origin')), h('dd', { id: 'bundle-origin' }, t(`lists.origin.${record.source ?? 'default'}`, { name: record.origin ?? '' })),
    h('dt', {}, t('lists.signature')), h('dd', { class: 'ok-text' }, t('lists.signatureOk')),
    h('dt', {}, t('lists.entries')), h('dd', { id: 'entries' }, formatNumber(info.entries)),
    h('dt', {}, t('lists.sha256')), h('dd', {}, h('code', { id: 'sha256' }, info.sha256)),
    h('dt', {}, t('lists.fileSha256')), h('dd', {}, h('code', {}, fileSha256)),
    record.stored_at ? [h('dt', {}, t('lists.storedAt')), h('dd', {}, formatDate(record.stored_at, { time: true }))] : null);
}

// A list as a reseller knows it: its full official title (from the bundle's metadata; older bundles: the
// page's short name) and its publisher.
function listTitle(info, code) {
  const meta = info.list_names?.[code];
  const title = meta?.title || (has(`list.${code}`) ? t(`list.${code}`) : code);
  return { title: title === code ? code : `${title} (${code})`, publisher: meta?.publisher ?? '' };
}

// Bundles before list_dates: each list code, its date unknown.
const listRows = (info, ages) => (info.list_dates ? ages.lists
  : Object.keys(info.lists ?? {}).map((key) => ({ key, date: '', days: NaN, old: true })));

// Every list screened against: one row each (the rows the age warning counts), with its data's date, its age
// and its entries; the old ones marked.
function listsTable(info, ages) {
  return h('div', { class: 'table-wrap' }, h('table', { id: 'lists', class: 'data' },
    h('caption', {}, t('lists.screenedCaption')),
    h('thead', {}, h('tr', {}, ['list', 'date', 'age', 'entries', 'status'].map((c) => h('th', { scope: 'col' }, t(`lists.col.${c}`))))),
    h('tbody', {}, listRows(info, ages).map((l) => {
      const { title, publisher } = listTitle(info, l.key);
      return h('tr', { dataset: { list: l.key, old: String(l.old) } },
        h('th', { scope: 'row' }, h('span', { class: 'list-title' }, title),
          publisher ? h('span', { class: 'list-publisher' }, publisher) : null),
        h('td', { class: 'date' }, l.date || '—'),
        h('td', { class: 'age' }, ageText(l.days)),
        h('td', { class: 'num' }, formatNumber(info.lists?.[l.key] ?? 0)),
        h('td', {}, l.old ? h('span', { class: 'badge old' }, icon('warning'), t('lists.tooOld')) : h('span', { class: 'badge fresh' }, t('lists.recent'))));
    }))));
}

// What a source file gives: entries of some lists, or only detail for parties a newer source lists.
function sourceRole(s) {
  const lists = (s.lists?.length ? s.lists : Object.keys(s.dropped ?? {})).join(', ');
  const role = s.entries > 0 ? t('lists.supplies', { count: s.entries, lists })
    : s.merged > 0 ? t('lists.addsDetail', { count: s.merged, lists })
      : t('lists.superseded');
  const dropped = Object.values(s.dropped ?? {}).reduce((a, n) => a + n, 0);
  return dropped ? `${role} ${t('lists.delisted', { count: dropped })}` : role;
}

// The files the lists were built from, folded away: a reseller reads the lists above; an auditor opens this.
function sourcesTable(ages) {
  return h('details', { class: 'sources', id: 'sources-details' },
    h('summary', {}, t('lists.sourcesSummary', { count: ages.sources.length })),
    h('div', { class: 'table-wrap' }, h('table', { id: 'sources', class: 'data compact' },
      h('thead', {}, h('tr', {}, ['source', 'date', 'role'].map((c) => h('th', { scope: 'col' }, t(`lists.col.${c}`))))),
      h('tbody', {}, ages.sources.map((s) => h('tr', { dataset: { source: s.key, role: s.entries > 0 ? 'lists' : 'detail' } },
        h('th', { scope: 'row' }, s.title || sourceName(s.key),
          s.url ? h('span', { class: 'source-url' }, h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, t('lists.official'))) : null),
        h('td', { class: 'date', title: s.date_basis ?? '' }, s.date || '—'),
        h('td', {}, sourceRole(s))))))));
}

// The rules documents and their versions (none in a bundle without rules).
function rulesTable(info) {
  return Object.keys(info.rules ?? {}).length ? h('div', { class: 'table-wrap' }, h('table', { id: 'rules', class: 'data compact' },
    h('caption', {}, t('lists.rulesCaption')),
    h('thead', {}, h('tr', {}, ['document', 'version', 'asOf'].map((c) => h('th', { scope: 'col' }, t(`lists.col.${c}`))))),
    h('tbody', {}, Object.entries(info.rules).map(([name, doc]) => h('tr', {},
      h('th', { scope: 'row' }, has(`rules.${name}`) ? t(`rules.${name}`) : name),
      h('td', {}, String(doc?.version ?? '')), h('td', {}, formatDate(doc?.as_of))))))) : null;
}

export function createListsView(ctx) {
  const current = h('div', { class: 'bundle-current', id: 'bundle-current' });
  const loadMessage = h('div', { class: 'load-message', id: 'bundle-message', tabindex: '-1' });
  const maxAge = h('input', { type: 'number', id: 'max-age', min: '1', max: '3650', step: '1', value: String(ctx.maxAgeDays), inputmode: 'numeric' });
  const urlInput = h('input', { type: 'text', id: 'bundle-url', placeholder: 'bundle/lists.ecb.gz', spellcheck: 'false', autocomplete: 'off' });
  const sigInput = h('input', { type: 'text', id: 'bundle-sig-url', spellcheck: 'false', autocomplete: 'off' });
  const fileInput = h('input', { type: 'file', id: 'bundle-files', multiple: true, accept: '.gz,.ecb,.sig,application/gzip,application/octet-stream' });
  const notices = h('div', { class: 'notices' });
  const rescreenPanel = createRescreenPanel(ctx, { id: 'rescreen' });

  const urlForm = h('form', { class: 'bundle-url-form', novalidate: true },
    h('div', { class: 'field wide' }, h('label', { for: urlInput.id, i18n: 'lists.urlLabel' }), urlInput,
      h('p', { class: 'hint', id: 'bundle-url-hint', i18n: 'lists.urlHint' })),
    h('div', { class: 'field wide' }, h('label', { for: sigInput.id, i18n: 'lists.sigLabel' }), sigInput,
      h('p', { class: 'hint', i18n: 'lists.sigHint' })),
    h('button', { type: 'submit', class: 'primary', id: 'bundle-url-load', i18n: 'lists.loadUrl' }));
  urlInput.setAttribute('aria-describedby', 'bundle-url-hint bundle-message');
  const drop = h('div', { class: 'drop-zone', id: 'bundle-drop' },
    h('p', {}, h('strong', { i18n: 'lists.drop' })),
    h('label', { for: fileInput.id, class: 'button secondary', i18n: 'lists.chooseFiles' }), fileInput,
    h('p', { class: 'hint', i18n: 'lists.dropHint' }));

  const el = h('section', { class: 'view view-lists', 'aria-labelledby': 'lists-title' },
    h('h2', { id: 'lists-title', i18n: 'lists.title' }),
    notices,
    current,
    h('section', { class: 'settings', 'aria-labelledby': 'age-setting-title' },
      h('h3', { id: 'age-setting-title', i18n: 'lists.ageSettingTitle' }),
      h('form', { class: 'inline', id: 'age-form', novalidate: true, onsubmit: async (e) => {
        e.preventDefault();
        const days = Math.round(Number(maxAge.value));
        if (!(days >= 1 && days <= 3650)) {
          maxAge.setAttribute('aria-invalid', 'true');
          return;
        }
        maxAge.removeAttribute('aria-invalid');
        ctx.maxAgeDays = days;
        await setSetting('maxAgeDays', days).catch(() => {});
        render();
        ctx.refreshBundleStatus();
      } },
      h('label', { for: maxAge.id, i18n: 'lists.maxAge' }), maxAge,
      h('button', { type: 'submit', class: 'secondary', i18n: 'common.save' }))),
    h('section', { class: 'load', 'aria-labelledby': 'load-title' },
      h('h3', { id: 'load-title', i18n: 'lists.loadTitle' }),
      h('p', { i18n: 'lists.loadIntro' }),
      h('p', { class: 'hint', i18n: 'lists.publisherHow' }),
      loadMessage,
      h('div', { class: 'two-columns' }, urlForm, drop)),
    rescreenPanel.el);

  function render() {
    const checker = ctx.checker;
    const info = checker.info();
    const ages = listAges(info, ctx.maxAgeDays);
    const record = ctx.manager.record ?? {};
    clear(current,
      ages.anyOld ? h('div', { class: 'banner warning', id: 'lists-old' }, icon('warning'), h('div', {},
        h('p', {}, h('strong', {}, t('age.title'))),
        h('p', {}, t('lists.oldExplain', { oldest: formatDate(ages.oldest?.date), age: ageText(ages.oldest?.days) }),
          (record.source ?? 'default') === 'default' ? ` ${t('lists.shippedOld')}` : ''),
        h('p', {}, t('age.howto')))) : h('p', { class: 'banner ok' }, t('lists.fresh', { max: ctx.maxAgeDays })),
      bundleFacts(info, record, checker.fileSha256),
      listsTable(info, ages),
      sourcesTable(ages),
      // Said plainly: a French or German reseller must also screen against the EU list, which this bundle lacks.
      info.lists?.EU ? null : h('p', { id: 'lists-eu', class: 'age-warning' }, icon('warning'), t('lists.euMissing')),
      ownListLine(),
      rulesTable(info),
      info.notes?.length ? h('details', { class: 'notes' }, h('summary', {}, t('lists.notes', { count: info.notes.length })),
        h('ul', {}, info.notes.map((n) => h('li', {}, n)))) : null);
  }

  // The reseller's own list is screened beside the bundle: say so here, with the way to it.
  function ownListLine() {
    const own = ctx.checker.ownList();
    return h('p', { id: 'lists-own' }, own ? t('lists.ownList', { count: own.entries }) : t('lists.ownListNone'), ' ',
      h('a', { href: '#/own' }, t('lists.ownListLink')));
  }

  function say(kind, ...children) {
    clear(loadMessage, h('div', { class: `banner ${kind}`, role: kind === 'error' ? 'alert' : 'status', dataset: { kind } },
      icon(kind === 'error' ? 'blocked' : kind === 'ok' ? 'clear' : 'review'), h('div', {}, ...children)));
  }

  async function load(action, what) {
    say('info', h('p', {}, t('lists.verifying', { what })));
    try {
      const before = ctx.checker.info();
      await action();
      const after = ctx.checker.info();
      say('ok', h('p', { id: 'bundle-replaced' }, t('lists.replaced', { id: after.id, built: formatDate(after.built_at, { time: true }), old: before.id })),
        after.built_at < before.built_at ? h('p', {}, t('lists.olderWarning')) : null);
      loadMessage.dataset.result = 'ok';
    } catch (err) {
      loadMessage.dataset.result = err.code ?? 'error';
      say('error', h('p', { id: 'bundle-refused' }, h('strong', {}, t('lists.refused', { what }))), h('p', {}, errorText(err)),
        h('p', {}, t('lists.kept', { id: ctx.checker.info().id })));
    }
    loadMessage.focus();
  }

  urlForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!urlInput.value.trim()) {
      urlInput.setAttribute('aria-invalid', 'true');
      say('error', h('p', {}, t('lists.urlMissing')));
      urlInput.focus();
      return;
    }
    urlInput.removeAttribute('aria-invalid');
    load(() => ctx.manager.replaceFromUrl(urlInput.value, sigInput.value.trim() || undefined), urlInput.value.trim());
  });
  const loadFiles = (files) => {
    if (!files?.length) return;
    load(() => ctx.manager.replaceFromFiles(files), Array.from(files).map((f) => f.name).join(' + '));
  };
  fileInput.addEventListener('change', () => {
    loadFiles(fileInput.files);
    fileInput.value = '';
  });
  for (const type of ['dragenter', 'dragover']) drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add('dragging'); });
  for (const type of ['dragleave', 'drop']) drop.addEventListener(type, () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    loadFiles(e.dataTransfer?.files);
  });

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
