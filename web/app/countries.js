// The country pickers' options: the core's countries (checker.countries()), named and sorted in the page's
// language.
import { countriesIn } from '../lib/countries.js';
import { language } from './i18n/index.js';

let source = [];
const sorted = new Map();

// Called once the lists are loaded: the countries the core knows.
export function setCountries(countries) {
  source = countries ?? [];
  sorted.clear();
}

export function countriesByName() {
  const lang = language();
  if (!sorted.has(lang)) sorted.set(lang, countriesIn(source, lang));
  return sorted.get(lang);
}
