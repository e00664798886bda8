// The page's DOM helpers: the kit's h() (web/lib/dom.js) with two more keys, downloads, ids and icons.
// h('button', { class: 'x', onclick, i18n: 'key' }, child, ...): `i18n` sets the text from the catalogue
// and keeps it in step with the language; `i18nAttrs: { placeholder: 'key' }` does the same for attributes.
import { t, bindText, bindAttr } from './i18n/index.js';
import { attributeHooks, h, clear } from '../lib/dom.js';

export { h, clear };

attributeHooks.set('i18n', (el, value) => {
  const [key, params] = Array.isArray(value) ? value : [value];
  bindText(el, key, params);
});
attributeHooks.set('i18nAttrs', (el, value) => {
  for (const [attr, k] of Object.entries(value)) {
    const [key, params] = Array.isArray(k) ? k : [k];
    bindAttr(el, attr, key, params);
  }
});

let counter = 0;
export const uid = (prefix = 'ec') => `${prefix}-${++counter}`;

// Saves text as a file through a temporary blob URL (nothing leaves the machine).
export function download(filename, text, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// A short text for an element's visible label, translated.
export const label = (key, params) => t(key, params);

// A decorative icon per decision (text always accompanies it).
const ICONS = {
  clear: 'M4 12l5 5L20 6',
  review: 'M12 7v6M12 16.5v.5',
  license_required: 'M7 11V8a5 5 0 0 1 10 0v3M6 11h12v9H6z',
  blocked: 'M6 6l12 12M18 6L6 18',
  error: 'M12 7v6M12 16.5v.5',
  warning: 'M12 4l9 16H3zM12 10v4M12 16.5v.5',
};

export function icon(name, extraClass) {
  return h('svg', { class: ['icon', extraClass], viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    h('path', { d: ICONS[name] ?? ICONS.review }));
}
