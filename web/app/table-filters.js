// The filters above a table of screenings (the batch's results, the audit log): a decision (all, each
// decision most severe first, error) and a search text. The decision's options follow the page's language.
import { h } from './dom.js';
import { fillDecisionFilter } from './result-view.js';

// id: the ids' prefix ('batch' -> batch-filter-decision, batch-filter-text); textLabel: the search's i18n key;
// onChange(): either filter changed.
export function tableFilters({ id, textLabel, onChange }) {
  const decision = h('select', { id: `${id}-filter-decision` });
  const text = h('input', { type: 'search', id: `${id}-filter-text` });
  fillDecisionFilter(decision);
  decision.addEventListener('change', () => onChange());
  text.addEventListener('input', () => onChange());
  window.addEventListener('languagechange-app', () => fillDecisionFilter(decision));
  return {
    el: h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: decision.id, i18n: 'batch.filterDecision' }), decision),
      h('div', { class: 'field' }, h('label', { for: text.id, i18n: textLabel }), text)),
    get decision() { return decision.value; },
    get query() { return text.value; },
  };
}
