// Small DOM helpers: h() builds elements (no innerHTML anywhere, so no markup injection and nothing the
// CSP would block), plus downloads and ids.

// h('button', { class: 'x', onclick, i18n: 'key' }, child, ...): `i18n` sets the text from the catalogue
// and keeps it in step with the language; `i18nAttrs: { placeholder: 'key' }` does the same for attributes.
import { t, bindText, bindAttr } from './i18n/index.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'path', 'rect', 'text', 'g', 'title', 'circle', 'line', 'polyline']);

export function h(tag, attrs = {}, ...children) {
  const svg = SVG_TAGS.has(tag);
  const el = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'i18n') {
      const [k, params] = Array.isArray(value) ? value : [value];
      bindText(el, k, params);
    } else if (key === 'i18nAttrs') {
      for (const [attr, k] of Object.entries(value)) {
        const [kk, params] = Array.isArray(k) ? k : [k];
        bindAttr(el, attr, kk, params);
      }
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (!svg && key in el && typeof value !== 'string') {
      el[key] = value; // properties: checked, value, hidden, disabled...
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

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
