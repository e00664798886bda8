// The order form's validation: each control as the user leaves it (once flagged), all of them on submit,
// with a summary of links at the top. Only what the form needs to be screened (required fields, numbers,
// formats); every export rule is the core's, and the core's refusal is shown in the same summary.
import { h, clear } from './dom.js';
import { t } from './i18n/index.js';
import { partyIsEmpty } from './order-form-data.js';

const text = (v) => (typeof v === 'string' ? v.trim() : '');

function setError(control, key, params) {
  const error = document.getElementById(`${control.id}-error`);
  control.setAttribute('aria-invalid', 'true');
  if (error) {
    error.hidden = false;
    error.textContent = t(key, params);
    error.dataset.key = key;
  }
  return { control, key, params };
}

function clearError(control) {
  control.removeAttribute('aria-invalid');
  const error = document.getElementById(`${control.id}-error`);
  if (error) {
    error.hidden = true;
    error.textContent = '';
  }
}

// Checks one control; returns an error or null.
function check(control) {
  if (control.closest('[hidden]')) return null; // "same as buyer" parties
  const party = control.closest('fieldset.party');
  if (party && party.dataset.role !== 'buyer' && partyIsEmpty(party)) return null; // left out of the order
  const name = control.name ?? '';
  const value = text(control.value);
  const required = control.getAttribute('aria-required') === 'true';
  if (required && !value) return { key: name.endsWith('country') ? 'error.countryRequired' : 'error.required' };
  if (name === 'quantity' && value && !(Number.isInteger(Number(value)) && Number(value) >= 1)) return { key: 'error.quantity' };
  if (['unit_price', 'tpp', 'die_area_mm2'].includes(name) && value && !(Number(value) >= 0)) return { key: 'error.number' };
  if (control.type === 'email' && value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { key: 'error.email' };
  // A typing slip caught here: the core takes the maker's ECCN as given and weighs it against its own reading.
  if (name === 'eccn' && value && !/^([0-9][A-E][0-9]{3}(\.[a-z0-9.]+)?|EAR99)$/i.test(value)) return { key: 'error.eccn' };
  if (name.endsWith('.established') && value && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return { key: 'error.established' };
  return null;
}

function labelOf(form, control) {
  const label = form.querySelector(`label[for="${control.id}"] span`)?.textContent ?? control.name;
  const legend = control.closest('fieldset.party')?.querySelector('legend')?.textContent;
  return legend ? `${legend} — ${label}` : label;
}

function showSummary(form, summary, errors) {
  clear(summary,
    h('h3', {}, t('error.summary', { count: errors.length })),
    h('ul', {}, errors.map(({ control, key, params }) => h('li', {},
      h('a', { href: `#${control.id}`, onclick: (e) => { e.preventDefault(); control.focus(); } },
        `${labelOf(form, control)}: ${t(key, params)}`)))));
  summary.hidden = false;
  summary.focus();
}

// The validation of `form`, whose error summary is `summary`.
export function formValidation(form, summary) {
  const clearErrors = () => {
    for (const el of form.querySelectorAll('[aria-invalid]')) clearError(el);
    summary.hidden = true;
  };
  return {
    clearErrors,
    // Checks every control; flags and returns the errors ([] when the form can be screened).
    validate: () => {
      clearErrors();
      const errors = [];
      for (const control of form.querySelectorAll('input, select, textarea')) {
        const problem = check(control);
        if (problem) errors.push(setError(control, problem.key, problem.params));
      }
      return errors;
    },
    showSummary: (errors) => showSummary(form, summary, errors),
    recheck: (control) => {
      const problem = check(control);
      if (problem) setError(control, problem.key, problem.params);
      else clearError(control);
    },
    // A refusal from the core (bad_order) shown at the top of the form.
    showCoreError: (message) => {
      clear(summary, h('h3', {}, t('error.coreRefused')), h('p', {}, message));
      summary.hidden = false;
      summary.focus();
    },
    relabel: () => {
      for (const error of form.querySelectorAll('.error-text:not([hidden])')) error.textContent = t(error.dataset.key);
    },
  };
}
