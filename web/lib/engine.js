// One wasm core with a loaded bundle, driven in this thread: what node's createChecker uses directly and what
// every Worker (web/lib/worker.js) runs for the page and the widget. Every method is synchronous.
import { ExportCheckError } from './core.js';
import { digestReport, screenChunk } from './batch.js';
import { screenRequest } from './screen-request.js';

const ownListArgument = (text, name) => {
  if (typeof text !== 'string') throw new ExportCheckError('bad_argument', 'the own list must be given as text (CSV or JSON lines)');
  return { text, name: name ?? 'own list' };
};

// ec_screen_text's options for a batch's `request` (clearances, settings, screened_at, lang).
const requestOptions = (request) => {
  const options = {};
  for (const key of ['clearances', 'settings', 'screened_at', 'lang']) if (request?.[key] !== undefined) options[key] = request[key];
  return options;
};

// An error line of the core ({column?, error: {code, message, message_id, params}, line, order_id?}) as a row
// of `errors`: what the page lists, worded by the core (file, line, column) in the language asked for.
const lineError = ({ column, error, line }) => ({ line, ...(column ? { column } : {}), ...error });

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

  // How to give a file of orders to screenText in chunks (the core counts and applies the file limits):
  // { format, orders, csv_header, chunks: [[first_line, lines, orders], ...] }.
  planText(text, { format, name, chunk, workers, lang } = {}) {
    return this.#core.callText('plan_text', text, { options: { format, name, chunk, workers, lang } });
  }

  // A file of orders, or a chunk of one (whole lines; CSV rows with the file's header and the line they start
  // at), read and screened by the core as the CLI does: the text goes to it as written. -> { orders, reports,
  // errors }: orders and reports one slot per order (JSON lines: per non-blank line, null where the line holds
  // none), a refused order giving {order_id, line, error} as its report; errors: what holds no order, as the
  // core words it ({line, column?, code, message, message_id, params}).
  screenText(text, { format, name, firstLine, csvHeader, request, digest } = {}) {
    const out = this.#core.screenText(text, {
      ...requestOptions(request), format, name, first_line: firstLine, csv_header: csvHeader, keep_orders: true,
    });
    const orders = [];
    const reports = [];
    const errors = [];
    for (let i = 0; i < out.length; i += 2) {
      const line = out[i + 1];
      if (out[i] === 'null') {
        errors.push(lineError(JSON.parse(line)));
        if (format !== 'csv') { orders.push(null); reports.push(null); }
        continue;
      }
      orders.push(JSON.parse(out[i]));
      if (line.startsWith('{"error":') || line.startsWith('{"column":')) {
        const { order_id: id, line: at, error } = JSON.parse(line);
        reports.push({ order_id: id ?? '', line: at, error });
      } else reports.push(digest ? digestReport(line) : JSON.parse(line));
    }
    return { orders, reports, errors };
  }

  // Orders from a file (CSV, JSON lines or JSON), read by the core as screenText reads them, none screened.
  // -> { orders, errors: [{line, column?, code, message, message_id, params}] }: every good order and every
  // line or row that holds none, named after the file (`name`), in `lang` ('en', 'fr'). A file refused whole
  // (over the limits, not a CSV of orders) throws.
  parseOrders(text, { format, name, lang } = {}) {
    if (typeof text !== 'string') throw new ExportCheckError('bad_argument', 'parseOrders expects the file as text');
    const { orders, errors } = this.#core.callText('read_orders_text', text, { options: { format, name, lang } });
    return { orders, errors: errors.map(lineError) };
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
