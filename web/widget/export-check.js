// <export-check>: ExportCheck inside any shop, from one script (built to public/export-check.js).
//
//   <script type="module" src="https://exportcheck.example/export-check.js"></script>
//   <export-check mode="checkout" form="checkout" field-name="first_name last_name" field-country="country"
//                 items='[{"description": "NVIDIA H100 80GB", "quantity": 2}]'></export-check>
//
// The order is screened in a Worker that owns the wasm core and the signed lists (web/lib/worker.js);
// nothing the customer types leaves the page. The element reports with composed events:
//   exportcheck:ready   detail { info }                      the lists are loaded
//   exportcheck:result  detail { report, decision, order }    each screening
//   exportcheck:error   detail { code, message }              lists or core unavailable, order refused
// It never stops the shop's own checkout unless the page asks with block-on="blocked" (tokens: blocked,
// license_required, review, error): then a submit of the form waits for the check and is held back when
// the decision is one of those.
//
// Attributes: mode (checkout | panel), bundle, signature, public-key, form, field-* (see form-order.js),
// items (JSON), order (JSON: a whole order, for server-rendered pages), own-list (the shop's own list, import
// format), max-age-days (panel: lists older than this are called old; 90), order-id, trigger (change | submit | manual), block-on, loading (eager | lazy), lang,
// text-checking | text-clear | text-review | text-blocked | text-error.
// Properties: order, items, ownList, report, decision, info; methods check(order?), ready().
// Types: types/export-check-element.d.ts.
import css from './styles.js';
import { connect } from './client.js';
import { h } from '../lib/dom.js';
import { ExportCheckError } from '../lib/errors.js';
import { isDecision } from '../lib/decisions.js';
import { languageOf, text } from './strings.js';
import { FIELD_ATTRIBUTES, normaliseItems, orderFromForm } from './form-order.js';
import { fillCountries, panelForm, reportView } from './panel.js';

const WORKER_URL = new URL('./export-check-worker.js', import.meta.url);
const CHANGE_DELAY_MS = 400;

let sheet; // one constructed stylesheet shared by every element
function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(h('style', {}, css)); // older browsers; a strict style-src would refuse it there
  }
}

// A URL attribute resolved against the page, as the shop wrote it.
const pageUrl = (value) => (value ? new URL(value, document.baseURI).href : undefined);
const tokens = (value) => new Set(String(value ?? '').split(/[\s,]+/).filter(Boolean));

export class ExportCheckElement extends HTMLElement {
  static observedAttributes = ['mode', 'lang', 'order', 'items', 'form', 'own-list', ...FIELD_ATTRIBUTES];

  #root;
  #order = null; // set by the host (property); wins over the form
  #items = null; // set by the host (property); wins over the items attribute
  #lastOrder = null; // the order of the last finished screening
  #ownList = null; // the shop's own list (import format text), set by the host; wins over the own-list attribute
  #report = null;
  #info = null;
  #connection = null;
  #form = null;
  #status;
  #result;
  #seq = 0; // only the latest screening updates the element
  #screened = null; // { key, report | null } of the last finished screening (null report: it failed)
  #pendingKey = null; // the order being screened (JSON) and its promise
  #pending = null;
  #lastError = null;
  #timer;
  #connected = false;
  #readyFired = false;
  #countries = null; // the core's, once the lists are loaded

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root);
  }

  // --- properties -----------------------------------------------------------------------------------
  get mode() { return this.getAttribute('mode') === 'panel' ? 'panel' : 'checkout'; }
  set mode(value) { this.setAttribute('mode', value); }

  // The whole order (the core's JSON shape). Setting it screens it, unless trigger="manual".
  get order() { return this.#order; }
  set order(value) {
    this.#order = value ?? null;
    if (this.#connected && this.#order && this.getAttribute('trigger') !== 'manual') this.check().catch(() => {});
  }

  // Cart lines for an order read from the form: [{description, quantity, ...}] (title/name/sku accepted).
  get items() { return this.#items ?? this.#itemsAttribute(); }
  set items(value) {
    this.#items = value ?? null;
    this.#scheduleChange(0);
  }

  // The shop's own list (docs/import-format.md: CSV or JSON lines), screened with every order of this element;
  // '' or null for none. Changing it screens the order again.
  get ownList() { return this.#ownList ?? this.getAttribute('own-list') ?? ''; }
  set ownList(value) {
    this.#ownList = value ?? null;
    this.#ownListChanged();
  }

  get report() { return this.#report; }
  get decision() { return this.#report?.decision ?? null; }
  // The loaded lists (bundle id, built_at, counts), once ready.
  get info() { return this.#info; }

  // Resolves with the bundle info once the Worker has verified and loaded the lists.
  async ready() {
    const { info } = await this.#connect().ready;
    return info;
  }

  // Screens `order` (default: the order property, else the form) and resolves with the report; the
  // element shows the outcome and fires exportcheck:result (or exportcheck:error, and rejects).
  // The same order asked again while its check runs gets that check's promise.
  check(order) {
    const target = order ?? this.#currentOrder();
    if (!target) return Promise.reject(this.#fail(new ExportCheckError('no_order', 'There is no order to check yet.')));
    const key = this.#keyOf(target);
    if (key === this.#pendingKey) return this.#pending;
    this.#pendingKey = key;
    this.#pending = this.#screen(target, key, ++this.#seq);
    return this.#pending;
  }

  async #screen(target, key, seq) {
    this.#show('checking');
    let report;
    try {
      const connection = this.#connect();
      this.#ready(await connection.ready);
      // The core reads no clock: the time dates the report and the age of the parties' companies.
      const ownList = this.ownList ? { text: this.ownList, name: 'own list' } : null;
      report = await connection.request('screen', [target, { screened_at: new Date().toISOString(), lang: this.#lang() }], { ownList });
    } catch (err) {
      if (seq !== this.#seq) throw err;
      this.#pendingKey = null;
      const error = this.#fail(err);
      this.#screened = { key, report: null };
      throw error;
    }
    if (seq === this.#seq) {
      this.#pendingKey = null;
      this.#report = report;
      this.#screened = { key, report };
      this.#lastOrder = target;
      this.#show(isDecision(report.decision) ? report.decision : 'error', report);
      this.#emit('exportcheck:result', { report, decision: report.decision, order: target });
    }
    return report;
  }

  // --- lifecycle ------------------------------------------------------------------------------------
  connectedCallback() {
    // A property the page set before this script defined the element shadows the accessor: move it.
    for (const name of ['order', 'items', 'ownList']) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        if (name === 'order') this.#order = value ?? null;
        else if (name === 'items') this.#items = value ?? null;
        else this.#ownList = value ?? null;
      }
    }
    this.#connected = true;
    this.#render();
    this.#bindForm();
    document.addEventListener('submit', this.#onSubmit, true);
    if (this.getAttribute('loading') !== 'lazy') this.#connect().ready.then((ready) => this.#ready(ready), (err) => this.#fail(err));
    if (this.#order && this.getAttribute('trigger') !== 'manual') this.check().catch(() => {});
    else this.#scheduleChange(0);
  }

  disconnectedCallback() {
    this.#connected = false;
    clearTimeout(this.#timer);
    this.#bindForm(null);
    document.removeEventListener('submit', this.#onSubmit, true);
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#connected || before === after) return;
    if (name === 'own-list') return this.#ownListChanged();
    if (name === 'mode' || name === 'lang') this.#render();
    if (name === 'form' || name.startsWith('field-') || name === 'mode') this.#bindForm();
    this.#scheduleChange(0);
  }

  // --- internals ------------------------------------------------------------------------------------
  // A new own list: the last order is screened again with it (when there was one).
  #ownListChanged() {
    if (!this.#connected || this.getAttribute('trigger') === 'manual') return;
    const order = this.#currentOrder() ?? this.#lastOrder;
    if (order) this.check(order).catch(() => {});
  }

  // What a screening depends on: the order and the own list.
  #keyOf(order) { return `${JSON.stringify(order)}\n${this.ownList}`; }

  // The lists are loaded: exportcheck:ready, once per element.
  #ready({ info, countries }) {
    this.#info = info;
    this.#countries = countries;
    if (this.#result) fillCountries(this.#root.querySelector('form'), this.#lang(), countries);
    if (this.#readyFired) return;
    this.#readyFired = true;
    this.#emit('exportcheck:ready', { info });
  }

  #connect() {
    if (!this.#connection || this.#connection.closed) {
      const bundle = pageUrl(this.getAttribute('bundle'));
      const signature = pageUrl(this.getAttribute('signature'));
      const publicKey = this.getAttribute('public-key') || undefined;
      this.#connection = connect(WORKER_URL, { bundle, signature, publicKey });
    }
    return this.#connection;
  }

  #lang() { return languageOf(this); }

  // The age past which the lists are called old (max-age-days, default 90).
  #maxAgeDays() { return Number(this.getAttribute('max-age-days')) || 90; }

  #render() {
    const lang = this.#lang();
    this.#status = h('div', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite', dataset: { state: 'idle' } });
    if (this.mode === 'panel') {
      this.#result = h('div', { class: 'result', part: 'result' });
      const form = panelForm(lang, (order) => this.check(order).catch(() => {}), this.#countries);
      this.#root.replaceChildren(h('section', { class: 'panel', part: 'panel' }, form, this.#status, this.#result));
    } else {
      this.#result = null;
      this.#root.replaceChildren(this.#status);
    }
    if (this.#report) this.#show(this.#report.decision, this.#report);
  }

  // The status line (and in a panel, the report).
  #show(state, report) {
    const lang = this.#lang();
    // A customer reads "passed", "needs review" or, when the shop holds such orders back, "contact us";
    // never which list or rule: the shop decides what to tell them.
    let key = state;
    if (isDecision(state) && state !== 'clear') {
      key = tokens(this.getAttribute('block-on')).has(state) ? 'blocked' : 'review';
    }
    const words = this.getAttribute(`text-${key}`) || text(lang, key);
    const glyph = { clear: '✓', review: '!', license_required: '!', blocked: '✕', error: '–' }[state] ?? '';
    this.setAttribute('state', state);
    let message = words;
    if (this.#result) {
      // In a panel the report says it all: the status line shows progress and errors, and tells a screen
      // reader the decision and its summary without showing them twice.
      const decided = isDecision(state);
      this.#status.dataset.state = decided ? 'announce' : state === 'checking' || state === 'error' ? state : 'idle';
      if (decided) message = `${text(lang, `decision.${state}`)}. ${report?.summary ?? ''}`;
      if (report) this.#result.replaceChildren(...reportView(lang, report, this.#info, this.#maxAgeDays()).filter(Boolean));
      else if (state !== 'checking') this.#result.replaceChildren();
      this.#root.querySelector('button[type="submit"]')?.toggleAttribute('disabled', state === 'checking');
    } else {
      this.#status.dataset.state = state;
    }
    this.#status.replaceChildren(h('span', { class: 'icon', part: 'icon', 'aria-hidden': 'true' }, state === 'checking' ? '' : glyph),
      h('span', { class: 'message', part: 'message' }, message));
  }

  #fail(err) {
    const error = err instanceof ExportCheckError ? err : new ExportCheckError(err?.code ?? 'internal', err?.message ?? String(err));
    this.#report = null;
    this.#show('error');
    if (this.#result) this.#result.replaceChildren(h('p', { class: 'error', part: 'error' }, error.message));
    // The same failure (the lists could not load) reaches both ready() and check(): report it once.
    if (error !== this.#lastError) this.#emit('exportcheck:error', { code: error.code, message: error.message });
    this.#lastError = error;
    return error;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // A JSON attribute (items, order), or `fallback` when absent or not JSON (reported once as bad_<name>).
  #jsonAttribute(name, fallback) {
    const raw = this.getAttribute(name);
    if (!raw) return fallback;
    try {
      return JSON.parse(raw);
    } catch {
      const error = new ExportCheckError(`bad_${name}`, `The ${name} attribute is not valid JSON.`);
      if (this.#lastError?.code !== error.code) this.#fail(error);
      return fallback;
    }
  }

  #itemsAttribute() {
    return this.#jsonAttribute('items', []);
  }

  // The order to screen: the order property, else the order attribute (JSON, as a server-rendered page
  // writes it; cart lines may use the shop's names), else what the shop's form says (null while incomplete).
  #currentOrder() {
    if (this.#order) return this.#order;
    const written = this.#jsonAttribute('order', null);
    if (written && typeof written === 'object') return { ...written, items: normaliseItems(written.items ?? []) };
    if (this.mode === 'panel' || !this.#form) return null;
    return orderFromForm(this, this.#form, normaliseItems(this.items));
  }

  #findForm() {
    const id = this.getAttribute('form');
    if (id) return document.getElementById(id);
    if (!FIELD_ATTRIBUTES.some((a) => this.hasAttribute(a))) return null;
    return this.closest('form') ?? document.forms[0] ?? null;
  }

  #bindForm(form = this.mode === 'checkout' ? this.#findForm() : null) {
    if (form === this.#form) return;
    this.#form?.removeEventListener('change', this.#onChange);
    this.#form = form;
    form?.addEventListener('change', this.#onChange);
  }

  #onChange = () => this.#scheduleChange(CHANGE_DELAY_MS);

  // Screens the form's order after `delay` when it changed since the last screening (trigger="change").
  #scheduleChange(delay) {
    clearTimeout(this.#timer);
    if (!this.#connected || (this.getAttribute('trigger') ?? 'change') !== 'change') return;
    this.#timer = setTimeout(() => {
      const order = this.#currentOrder();
      if (!order) return;
      const key = this.#keyOf(order);
      if (key === this.#pendingKey || (this.#screened?.report && this.#screened.key === key)) return;
      this.check(order).catch(() => {});
    }, delay);
  }

  // A submit of the shop's form. Without block-on nothing is held back. With it, the submit waits for the
  // check of the order as it is now, and goes on (requestSubmit) unless the decision is one to block on.
  #onSubmit = (event) => {
    if (!this.#form || event.target !== this.#form || this.mode !== 'checkout') return;
    const blockOn = tokens(this.getAttribute('block-on'));
    const order = this.#currentOrder();
    if (!order) return;
    const key = this.#keyOf(order);
    const known = this.#screened?.key === key ? this.#screened : null;
    if (!blockOn.size) {
      if (!known?.report) this.check(order).catch(() => {});
      return;
    }
    if (known) {
      const decision = known.report?.decision ?? 'error';
      if (blockOn.has(decision)) this.#hold(event, decision);
      return;
    }
    this.#hold(event, 'checking');
    const submitter = event.submitter;
    const resume = (decision) => {
      if (blockOn.has(decision)) {
        this.#emit('exportcheck:blocked', { decision, report: this.#report });
        return;
      }
      const form = this.#form;
      if (form?.isConnected) form.requestSubmit(submitter?.form === form ? submitter : undefined);
    };
    this.check(order).then((report) => resume(report.decision), () => resume('error'));
  };

  #hold(event, state) {
    event.preventDefault();
    event.stopImmediatePropagation();
    if (state !== 'checking') {
      if (this.#report) this.#show(state, this.#report);
      this.#emit('exportcheck:blocked', { decision: state, report: this.#report });
    }
  }
}

if (!customElements.get('export-check')) customElements.define('export-check', ExportCheckElement);
