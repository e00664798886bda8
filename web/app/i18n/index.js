// Every string the page shows comes from one catalogue per language (en.js, fr.js). A message is a
// string with {placeholders} (numbers are formatted for the language) or a function (params, fmt) for
// plurals and sentences that need logic. Elements built with h(..., { i18n }) are re-translated in place
// when the language changes; views with computed content listen for the 'languagechange-app' event on window.
import en from './en.js';
import fr from './fr.js';

export const LANGUAGES = { en, fr };
let lang = 'en';
const bound = new WeakMap(); // element -> { text: [key, params], attrs: { name: [key, params] } }

export const language = () => lang;

export function pickLanguage(stored) {
  if (stored && LANGUAGES[stored]) return stored;
  for (const l of globalThis.navigator?.languages ?? []) {
    const base = String(l).slice(0, 2).toLowerCase();
    if (LANGUAGES[base]) return base;
  }
  return 'en';
}

const numberFormats = new Map();
export function formatNumber(value, options = {}) {
  const key = `${lang}|${JSON.stringify(options)}`;
  if (!numberFormats.has(key)) numberFormats.set(key, new Intl.NumberFormat(lang, options));
  return numberFormats.get(key).format(value);
}

// A date (ISO text or Date) for people: "28 Nov 2026"; a month-only date ("2025-12") stays a month.
export function formatDate(value, { time = false } = {}) {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) {
    return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' })
      .format(new Date(`${value}-01T00:00:00Z`));
  }
  const date = value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return String(value);
  const options = { year: 'numeric', month: 'short', day: 'numeric' };
  if (time) Object.assign(options, { hour: '2-digit', minute: '2-digit' });
  else options.timeZone = 'UTC';
  return new Intl.DateTimeFormat(lang, options).format(date);
}

let regionNames;
let regionLang;
// The country's name in the page's language ("DE" -> "Germany" / "Allemagne").
export function countryName(code) {
  if (!code) return '';
  if (regionLang !== lang) {
    regionNames = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    regionLang = lang;
  }
  try {
    return regionNames.of(String(code).toUpperCase());
  } catch {
    return String(code);
  }
}

const fmt = { n: (v, o) => formatNumber(v, o), date: (v) => formatDate(v), country: (c) => countryName(c) };

export function t(key, params = {}) {
  let message = LANGUAGES[lang][key] ?? LANGUAGES.en[key];
  if (message === undefined) return key;
  if (typeof message === 'function') return message(params, fmt);
  return message.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    return typeof value === 'number' ? formatNumber(value) : String(value);
  });
}

// True when the catalogue has this key (for optional labels: rule ids, list codes...).
export const has = (key) => key in LANGUAGES[lang] || key in LANGUAGES.en;

export function bindText(el, key, params) {
  const entry = bound.get(el) ?? { attrs: {} };
  entry.text = [key, params];
  bound.set(el, entry);
  el.dataset.i18n = key;
  el.textContent = t(key, params);
}

export function bindAttr(el, attr, key, params) {
  const entry = bound.get(el) ?? { attrs: {} };
  entry.attrs[attr] = [key, params];
  bound.set(el, entry);
  el.dataset.i18nAttr = '';
  el.setAttribute(attr, t(key, params));
}

export function setLanguage(next) {
  lang = LANGUAGES[next] ? next : 'en';
  document.documentElement.lang = lang;
  document.title = t('app.title');
  for (const el of document.querySelectorAll('[data-i18n], [data-i18n-attr]')) {
    const entry = bound.get(el);
    if (!entry) continue;
    if (entry.text) el.textContent = t(...entry.text);
    for (const [attr, [key, params]] of Object.entries(entry.attrs)) el.setAttribute(attr, t(key, params));
  }
  window.dispatchEvent(new CustomEvent('languagechange-app', { detail: { lang } }));
}

// A refusal in plain words: the catalogue's text for the error's code when there is one, else its message.
export function errorText(err) {
  const key = `error.${err?.code}`;
  return has(key) ? t(key, { message: err.message }) : err?.message ?? String(err);
}

// A list source's name for people: "csl" -> "Consolidated Screening List (US, trade.gov)"; an imported
// list ("list:entity_list") by its own name when the catalogue does not know it.
export function sourceName(key) {
  if (has(`source.${key}`)) return t(`source.${key}`);
  const name = String(key ?? '').replace(/^list:/, '').replace(/_/g, ' ');
  return t('source.imported', { name });
}
