// One wasm core with a loaded bundle, driven in this thread: what node's createChecker uses directly and what
// every Worker (web/lib/worker.js) runs for the page and the widget. Every method is synchronous.
import { ExportCheckError } from './core.js';
import { errorRow, screenChunk } from './batch.js';
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

// The core's digest line (wasm/hot_doors.cpp report_digest): what a results table, a chart and an audit
// summary need.
const fromCoreDigest = (d) => ({ order_id: d.order_id, decision: d.decision, summary: d.summary, findings: d.findings,
  rules: d.rules, main: d.main });

const REPORTS_PER_BUFFER = 30; // ~180 KB, ~25 KB packed (+ the orders: ~35 KB): under the size a browser moves to a file

// The reports' bytes ([digest, start, end] in `bytes`) copied into buffers of REPORTS_PER_BUFFER reports; each
// digest gets its `span` ([buffer, start, end)) in them. -> the buffers.
function reportBuffers(bytes, texts) {
  const buffers = [];
  for (let k = 0; k < texts.length; k += REPORTS_PER_BUFFER) {
    const part = texts.slice(k, k + REPORTS_PER_BUFFER);
    const buffer = new Uint8Array(part.reduce((n, [, start, end]) => n + end - start, 0));
    let at = 0;
    for (const [d, start, end] of part) {
      buffer.set(bytes.subarray(start, end), at);
      d.span = [buffers.length, at, (at += end - start)];
    }
    buffers.push(buffer);
  }
  return buffers;
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

  // Orders (objects) -> reports, a refused order giving an error row in its place. With `digest`, the orders
  // go to the core as JSON lines and come back as the core's digests and report bytes, as screenText gives
  // them (`buffers`, each digest's `span`).
  screenOrders(orders, { request, digest } = {}) {
    if (!digest) {
      const core = this.#core;
      return { reports: screenChunk((order) => core.call('screen', screenRequest(order, request)), orders) };
    }
    const text = orders.map((order) => JSON.stringify(order ?? null)).join('\n');
    const { reports, errors, buffers } = this.screenText(text, { format: 'jsonl', request, digest });
    // A value that is no order at all (null, a number) holds no report: its line's error is its row.
    const errorAt = new Map(errors.map((e) => [e.line, e]));
    const refusal = (i) => errorAt.get(i + 1) ?? { code: 'bad_order', message: 'not an order' };
    return { reports: reports.map((r, i) => r ?? errorRow(orders[i], i, refusal(i))), buffers };
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
  // core words it ({line, column?, code, message, message_id, params}). With `digest`, the reports' text stays
  // the UTF-8 the core wrote: `buffers` (Uint8Arrays of REPORTS_PER_BUFFER reports each, which a Worker hands
  // over without a copy and an audit log can store as they are) and each digest's `span` ([buffer, start, end))
  // instead of its `json` (web/lib/batch.js withReportText).
  screenText(text, { format, name, firstLine, csvHeader, request, digest } = {}) {
    const { count, spans, bytes, line } = this.#core.screenText(text, {
      ...requestOptions(request), format, name, first_line: firstLine, csv_header: csvHeader, keep_orders: true,
      ...(digest ? { digest: true } : {}),
    });
    const step = digest ? 3 : 2; // order, report (, digest)
    const orders = [];
    const reports = [];
    const errors = [];
    const texts = []; // [digest, start, end] of each report kept as bytes
    for (let i = 0; i < count; i += step) {
      const order = line(i);
      if (order === 'null') {
        errors.push(lineError(JSON.parse(line(i + 1))));
        if (format !== 'csv') { orders.push(null); reports.push(null); }
        continue;
      }
      orders.push(JSON.parse(order));
      const summary = digest ? line(i + 2) : null;
      if (summary && summary !== 'null') {
        const d = fromCoreDigest(JSON.parse(summary));
        texts.push([d, spans[2 * i + 2], spans[2 * i + 3]]);
        reports.push(d);
        continue;
      }
      const report = line(i + 1);
      if (report.startsWith('{"error":') || report.startsWith('{"column":')) {
        const { order_id: id, line: at, error } = JSON.parse(report);
        reports.push({ order_id: id ?? '', line: at, error });
      } else reports.push(JSON.parse(report));
    }
    return digest ? { orders, reports, errors, buffers: reportBuffers(bytes, texts) } : { orders, reports, errors };
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
