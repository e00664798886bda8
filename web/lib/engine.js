// One wasm core with a loaded bundle, driven in this thread: what node's createChecker uses directly and what
// every Worker (web/lib/worker.js) runs for the page and the widget. Every method is synchronous.
import { ExportCheckError } from './core.js';
import { digestReport, orderId, parseJsonLines, screenChunk } from './batch.js';
import { screenRequest } from './screen-request.js';

const ownListArgument = (text, name) => {
  if (typeof text !== 'string') throw new ExportCheckError('bad_argument', 'the own list must be given as text (CSV or JSON lines)');
  return { text, name: name ?? 'own list' };
};

// The text `ec_screen` reads for one order line with the batch's options: the line itself, or the line
// wrapped as {"order": <line>, ...options} without parsing it again.
function requestWrapper(request) {
  const options = screenRequest({}, request);
  if (!options.order) return (line) => line;
  const rest = JSON.stringify({ ...options, order: undefined }).slice(1);
  return (line) => `{"order":${line}${rest === '}' ? '}' : `,${rest}`}`;
}

export class Engine {
  #core;
  #ownText = ''; // the own list in use, as given (to skip setting the same list again)

  constructor(core) {
    this.#core = core;
  }

  loadBundle(raw) { return this.#core.loadBundle(raw); }
  info() { return this.#core.info(); }
  version() { return this.#core.version(); }
  // [{code, name}] of every country the core knows (English names).
  countries() { return this.#core.call('countries', {}); }
  limits() { return this.#core.call('limits', {}); }
  // The product catalogue (building it builds the rules, so the first screening does not wait for them).
  products() { return this.#core.call('products', {}); }
  // What a page or a widget needs once the lists are loaded.
  catalogue() { return { info: this.info(), version: this.version(), countries: this.countries(), limits: this.limits() }; }

  match(query) { return this.#core.call('match', query); }
  screen(order, options) { return this.#core.call('screen', screenRequest(order, options)); }

  // Orders (objects) -> reports (or digests), a refused order giving an error row in its place.
  screenOrders(orders, { request, digest } = {}) {
    const core = this.#core;
    const screen = digest
      ? (order) => digestReport(core.callRaw('screen', screenRequest(order, request)))
      : (order) => core.call('screen', screenRequest(order, request));
    return { reports: screenChunk(screen, orders) };
  }

  // A chunk of a JSON-lines file as text: each line goes to the core as written (never written again in
  // JavaScript). -> { orders, reports, errors: [{line, message}] }: one slot per non-blank line in orders and
  // reports, null where the line holds no order (then an error naming the line, counted from `firstLine`).
  screenLines(text, { request, digest, firstLine = 1 } = {}) {
    const core = this.#core;
    const wrap = requestWrapper(request);
    const orders = [];
    const reports = [];
    const { errors } = parseJsonLines(text, {
      firstLine,
      onOrder: (order, line) => {
        orders.push(order);
        try {
          const json = core.callRaw('screen', wrap(line));
          reports.push(digest ? digestReport(json) : JSON.parse(json));
        } catch (err) {
          reports.push({ order_id: orderId(order, orders.length - 1), error: { code: err?.code ?? 'internal', message: err?.message ?? String(err) } });
        }
      },
      onError: () => { orders.push(null); reports.push(null); },
    });
    return { orders, reports, errors };
  }

  // Orders from a file: CSV (the core reads it), JSON lines or JSON. -> { orders, errors: [{line, column?, message}] }:
  // every good order and every bad row, named after the file (`name`); the core's errors in `lang` ('en', 'fr').
  parseOrders(text, { format, name, lang } = {}) {
    if (typeof text !== 'string') throw new ExportCheckError('bad_argument', 'parseOrders expects the file as text');
    const kind = format ?? (/^\s*[[{]/.test(text) ? 'jsonl' : 'csv');
    if (kind === 'csv') {
      const parsed = this.#core.call('read_orders_csv', { text, name: name ?? 'orders.csv', ...(lang ? { lang } : {}) });
      return { orders: parsed.orders ?? [], errors: parsed.errors ?? [] };
    }
    if (kind === 'json' || (kind === 'jsonl' && text.trimStart().startsWith('['))) {
      const value = JSON.parse(text);
      return { orders: Array.isArray(value) ? value : [value], errors: [] };
    }
    if (kind === 'jsonl') return parseJsonLines(text);
    throw new ExportCheckError('bad_argument', `unknown order file format "${kind}" (csv, jsonl or json)`);
  }

  // The reseller's own list (import format, CSV or JSON lines); '' clears it. -> { entries, sha256 } or null.
  // A list with an error is refused (import_invalid, naming file, line and field) and changes nothing.
  setOwnList(text, { name } = {}) {
    const summary = this.#core.call('set_own_list', ownListArgument(text, name));
    this.#ownText = text;
    return summary;
  }

  // Sets the own list only when it is not the one in use ({text, name} or null for none).
  useOwnList(ownList) {
    const text = ownList?.text ?? '';
    if (text !== this.#ownText) this.setOwnList(text, { name: ownList?.name });
  }

  ownList() { return this.#core.call('own_list', {}); }
  parseOwnList(text, { name } = {}) { return this.#core.call('parse_own_list', ownListArgument(text, name)); }
  ownListCsv(text, { name } = {}) { return this.#core.call('own_list_csv', ownListArgument(text, name)); }
}
