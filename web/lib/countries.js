import { h } from './dom.js';

// The core's countries ([{code, name}], English names: checker.countries() or a Worker's catalogue) named in
// `lang` (Intl.DisplayNames, the core's name where the browser has none) and sorted by that name.
export function countriesIn(countries, lang) {
  let names;
  try {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  } catch {
    names = null;
  }
  const named = (countries ?? []).map(({ code, name }) => {
    let local;
    try { local = names?.of(code); } catch { local = undefined; }
    return { code, name: local ?? name };
  });
  const collator = new Intl.Collator(lang);
  return named.sort((a, b) => collator.compare(a.name, b.name));
}

// The <option>s of a country picker, "name (code)" with the code as the value: the page's and the widget's.
export const countryOptions = (named, selected = '') =>
  named.map(({ code, name }) => h('option', { value: code, selected: code === selected }, `${name} (${code})`));
