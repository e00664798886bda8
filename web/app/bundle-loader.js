// The Lists view's "load a newer bundle": a URL on this site (and its signature's, when not URL + '.sig'),
// or the files, dropped or picked. The bundle manager verifies before it replaces anything; the outcome is
// said in one banner (the bundle in use is kept when the new one is refused).
import { h, clear, icon } from './dom.js';
import { t, formatDate, errorText } from './i18n/index.js';
import { dropZone } from './drop-zone.js';

function urlForm(onLoad, say) {
  const urlInput = h('input', { type: 'text', id: 'bundle-url', placeholder: 'bundle/lists.ecb.gz', spellcheck: 'false', autocomplete: 'off' });
  const sigInput = h('input', { type: 'text', id: 'bundle-sig-url', spellcheck: 'false', autocomplete: 'off' });
  const form = h('form', { class: 'bundle-url-form', novalidate: true },
    h('div', { class: 'field wide' }, h('label', { for: urlInput.id, i18n: 'lists.urlLabel' }), urlInput,
      h('p', { class: 'hint', id: 'bundle-url-hint', i18n: 'lists.urlHint' })),
    h('div', { class: 'field wide' }, h('label', { for: sigInput.id, i18n: 'lists.sigLabel' }), sigInput,
      h('p', { class: 'hint', i18n: 'lists.sigHint' })),
    h('button', { type: 'submit', class: 'primary', id: 'bundle-url-load', i18n: 'lists.loadUrl' }));
  urlInput.setAttribute('aria-describedby', 'bundle-url-hint bundle-message');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!urlInput.value.trim()) {
      urlInput.setAttribute('aria-invalid', 'true');
      say('error', h('p', {}, t('lists.urlMissing')));
      urlInput.focus();
      return;
    }
    urlInput.removeAttribute('aria-invalid');
    onLoad(urlInput.value, sigInput.value.trim() || undefined);
  });
  return form;
}

export function createBundleLoader(ctx) {
  const message = h('div', { class: 'load-message', id: 'bundle-message', tabindex: '-1' });
  const say = (kind, ...children) => clear(message, h('div', { class: `banner ${kind}`, role: kind === 'error' ? 'alert' : 'status', dataset: { kind } },
    icon(kind === 'error' ? 'blocked' : kind === 'ok' ? 'clear' : 'review'), h('div', {}, ...children)));

  // action(): replaces the bundle (or throws); what: the URL or the files' names, for the messages.
  async function load(action, what) {
    say('info', h('p', {}, t('lists.verifying', { what })));
    try {
      const before = ctx.checker.info();
      await action();
      const after = ctx.checker.info();
      say('ok', h('p', { id: 'bundle-replaced' }, t('lists.replaced', { id: after.id, built: formatDate(after.built_at, { time: true }), old: before.id })),
        after.built_at < before.built_at ? h('p', {}, t('lists.olderWarning')) : null);
      message.dataset.result = 'ok';
    } catch (err) {
      message.dataset.result = err.code ?? 'error';
      say('error', h('p', { id: 'bundle-refused' }, h('strong', {}, t('lists.refused', { what }))), h('p', {}, errorText(err)),
        h('p', {}, t('lists.kept', { id: ctx.checker.info().id })));
    }
    message.focus();
  }

  const fromUrl = (url, sig) => load(() => ctx.manager.replaceFromUrl(url, sig), url.trim());
  const fromFiles = (files) => {
    if (!files?.length) return;
    load(() => ctx.manager.replaceFromFiles(files), Array.from(files).map((f) => f.name).join(' + '));
  };
  const fileInput = h('input', { type: 'file', id: 'bundle-files', multiple: true, accept: '.gz,.ecb,.sig,application/gzip,application/octet-stream' });
  return h('section', { class: 'load', 'aria-labelledby': 'load-title' },
    h('h3', { id: 'load-title', i18n: 'lists.loadTitle' }),
    h('p', { i18n: 'lists.loadIntro' }),
    h('p', { class: 'hint', i18n: 'lists.publisherHow' }),
    message,
    h('div', { class: 'two-columns' }, urlForm(fromUrl, say),
      dropZone({ id: 'bundle-drop', input: fileInput, keys: { title: 'lists.drop', choose: 'lists.chooseFiles', hint: 'lists.dropHint' }, onFiles: fromFiles })));
}
