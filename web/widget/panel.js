// mode="panel": a compact screening form for a back office (one party, its country, an item), and the
// report: the decision, the core's one-sentence summary and every finding with its rule and evidence.
import { h } from '../lib/dom.js';
import { countriesIn, countryOptions } from '../lib/countries.js';
import { listAges } from '../lib/list-ages.js';
import { text } from './strings.js';

// The panel's form; `onSubmit(order)` receives the order it describes.
// The country picker's options, once the core's countries are known.
export function fillCountries(form, lang, countries) {
  const select = form?.elements.namedItem('country');
  if (!select || !countries || select.options.length > 1) return;
  select.append(...countryOptions(countriesIn(countries, lang)));
}

export function panelForm(lang, onSubmit, countries) {
  const t = (key) => text(lang, key);
  const field = (key, control, wide) => h('label', { part: 'field', class: wide ? 'wide' : null }, t(key), control);
  const input = (name, attrs = {}) => h('input', { name, part: 'input', autocomplete: 'off', ...attrs });
  const form = h('form', { part: 'form', novalidate: true },
    field('name', input('name', { required: true }), true),
    field('type', h('select', { name: 'type', part: 'input' },
      h('option', { value: 'organization' }, t('organization')),
      h('option', { value: 'person' }, t('person')))),
    field('country', h('select', { name: 'country', part: 'input', required: true },
      h('option', { value: '' }, t('choose')))),
    field('city', input('city')),
    field('item', input('item', { placeholder: 'e.g. NVIDIA H100 80GB' }), true),
    field('quantity', input('quantity', { type: 'number', min: 1, value: 1, inputmode: 'numeric' })),
    field('endUse', input('end_use')),
    h('button', { type: 'submit', part: 'button' }, t('check')),
    h('p', { class: 'error wide', part: 'error', hidden: true, role: 'alert' }));
  fillCountries(form, lang, countries);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = (name) => form.elements.namedItem(name).value.trim();
    const error = form.querySelector('.error');
    error.hidden = Boolean(v('name') && v('country'));
    if (!error.hidden) {
      error.textContent = t('required');
      return;
    }
    const party = { role: 'buyer', name: v('name'), type: v('type'), address: { country: v('country') } };
    if (v('city')) party.address.city = v('city');
    const order = { id: 'panel', parties: [party], items: [] };
    if (v('item')) order.items.push({ description: v('item'), quantity: Number(v('quantity')) || 1 });
    if (v('end_use')) order.end_use = v('end_use');
    onSubmit(order);
  });
  return form;
}

// A short line citing where a finding comes from: the list entry, or the rule's regulation.
function evidenceLine(evidence) {
  const e = evidence ?? {};
  const parts = [];
  if (e.list) parts.push([e.list, e.source_id].filter(Boolean).join(' '));
  for (const k of ['listed_name', 'fr_notice', 'title', 'citation']) {
    if (typeof e[k] === 'string' && e[k]) parts.push(e[k]);
  }
  return parts.join(' · ');
}

// The report, for a back-office user.
// "Lists as of DATE (N days old)", and what to do when a list is older than maxAgeDays.
function listsLine(lang, info, maxAgeDays) {
  const ages = listAges(info ?? {}, maxAgeDays);
  if (!ages.oldest) return null;
  return h('p', { class: 'footer', part: 'footer', dataset: { old: String(ages.anyOld) } },
    text(lang, 'lists', { date: ages.oldest.date, days: ages.oldest.days }),
    ages.anyOld ? h('strong', { class: 'old' }, ' ', text(lang, 'listsOld', { max: maxAgeDays })) : null);
}

export function reportView(lang, report, info, maxAgeDays) {
  const decision = report.decision;
  const findings = (report.findings ?? []).filter((f) => f.severity !== 'info');
  return [
    h('span', { class: 'decision', part: 'decision', dataset: { decision } }, text(lang, `decision.${decision}`)),
    report.summary ? h('p', { class: 'summary', part: 'summary' }, report.summary) : null,
    findings.length
      ? h('ul', { class: 'findings', part: 'findings' }, findings.map((f) => {
        const cite = evidenceLine(f.evidence);
        return h('li', { class: 'finding', part: 'finding', dataset: { severity: f.severity, kind: f.kind } },
          h('p', {}, f.message),
          h('p', { class: 'evidence' }, f.rule ? h('span', { class: 'rule' }, f.rule) : null, cite ? ` ${cite}` : null));
      }))
      : h('p', { class: 'summary' }, report.summary ? null : text(lang, 'noFindings')),
    listsLine(lang, info, maxAgeDays),
  ];
}
