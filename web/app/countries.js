// The country pickers: the core's countries (checker.countries()), named and sorted in the page's language.
import { countriesIn, countryOptions } from '../lib/countries.js';
import { language } from './i18n/index.js';
import { h, clear } from './dom.js';

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

const chooseOption = () => h('option', { value: '', i18n: 'form.countryChoose' });

// A <select> of countries (name in the page's language, value the ISO code).
export const countrySelect = (attrs, value = '') => h('select', attrs, chooseOption(), countryOptions(countriesByName(), value));

// Fills a country <select> again (in the page's language now), keeping or setting its value.
export function fillCountrySelect(select, value = select.value) {
  clear(select, chooseOption(), countryOptions(countriesByName()));
  select.value = value;
}
