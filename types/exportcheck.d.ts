// Types of ExportCheck's JavaScript API (web/lib/exportcheck.mjs): `import { createChecker } from 'exportcheck'`.
// The order and report shapes follow shared/design/ARCHITECTURE.md ("Order and report"); fields this file
// does not name are passed through by the core, so every object type stays open.

export type CountryCode = string; // ISO 3166-1 alpha-2, e.g. "FR"

export type PartyRole =
  | 'buyer' | 'ship_to' | 'ultimate_consignee' | 'end_user' | 'forwarder'
  | 'intermediate_consignee' | 'payer' | 'payer_bank';

export interface Address {
  lines?: string[];
  city?: string;
  postal_code?: string;
  country?: CountryCode;
  [field: string]: unknown;
}

export interface Party {
  role: PartyRole;
  name: string;
  type?: 'person' | 'organization' | string;
  address?: Address;
  email?: string;
  phone?: string;
  website?: string;
  business?: string;
  established?: string;
  headquarters_country?: CountryCode;
  parent?: { name?: string; headquarters_country?: CountryCode };
  ownership?: unknown[];
  [field: string]: unknown;
}

export interface Item {
  description: string;
  model?: string;
  quantity?: number;
  unit_price?: number;
  currency?: string;
  /** The maker's ECCN, when known. */
  eccn?: string;
  /** The chip's own figures, when the catalogue does not know it. */
  tpp?: number;
  die_area_mm2?: number;
  datacenter?: boolean;
  [field: string]: unknown;
}

export interface Order {
  id: string;
  parties: Party[];
  items: Item[];
  payment?: { method?: string; from_country?: CountryCode; payer?: string; [field: string]: unknown };
  shipping?: { route?: CountryCode[]; [field: string]: unknown };
  end_use?: string;
  instructions?: string;
  [field: string]: unknown;
}

export type Decision = 'clear' | 'review' | 'license_required' | 'blocked';
export type Severity = 'info' | 'cleared' | 'review' | 'license_required' | 'blocked';

export interface Finding {
  /** party_match, license, embargo, red_flag, data_quality, classification, ... */
  kind: string;
  /** A stable rule id: "R01".."R22" (red flags), "LIC-3A090-D5", "EMB-E1", "OWN" (the reseller's own list), ... */
  rule: string;
  severity: Severity;
  /** Red flags: "high" | "medium" | "low". */
  level?: string;
  /** One plain-language sentence. */
  message: string;
  /** What the finding rests on: the list entry (list, source_id, listed_name, fr_notice, ...) or the
   *  regulation (citation, sources, confidence). */
  evidence: Record<string, unknown>;
}

export interface BundleRef {
  /** Named by the lists' data dates ("exportcheck-lists-2026-02-27-to-2026-07-31"), not the build day. */
  id: string;
  sha256: string;
  built_at: string;
  /** The data date of each list the order was screened against (YYYY-MM-DD, or "" when unknown). */
  list_dates: Record<string, string>;
}

export interface Report {
  order_id: string;
  decision: Decision;
  /** The decision in one sentence a non-lawyer understands. */
  summary: string;
  findings: Finding[];
  /** Per item: the classification (ECCN and its basis, TPP and PD when known). */
  items?: Array<{ item: string; description?: string; quantity?: number; classification?: Record<string, unknown>; [field: string]: unknown }>;
  parties?: Array<Record<string, unknown>>;
  destination?: Record<string, unknown>;
  bundle: BundleRef;
  /** The reseller's own list the order was screened with, when one was set (Checker.setOwnList). */
  own_list?: OwnListSummary;
  engine: { name: string; version: string };
  [field: string]: unknown;
}

/** The own list in use. */
export interface OwnListSummary {
  entries: number;
  /** sha256 of the entries as the core read them. */
  sha256: string;
}

/** One entry of an own list in the import format (docs/import-format.md). */
export interface OwnListEntry {
  list: 'OWN';
  list_name?: string;
  source_id: string;
  type?: 'person' | 'organization' | 'vessel' | 'aircraft';
  name: string;
  aliases?: Array<string | { name: string; type?: string }>;
  addresses?: Array<{ street?: string; city?: string; state?: string; postal_code?: string; country?: CountryCode }>;
  /** What a match does: the decision becomes blocked or review. */
  consequence: 'block' | 'review';
  remarks?: string;
  start_date?: string;
  [field: string]: unknown;
}

/** A row of screenBatch for an order the core refused. */
export interface BatchError {
  order_id: string;
  error: { code: string; message: string };
}

export interface BundleInfo {
  format: string;
  format_version: number;
  id: string;
  built_at: string;
  engine: string;
  sha256?: string;
  entries: number;
  /** Entries per list code: SDN, EL, DPL, UVL, MEU, UN, ... */
  lists: Record<string, number>;
  /** The data date of each list: that of the newest source it comes from. */
  list_dates: Record<string, string>;
  /** Per list code: parties only older sources carried, dropped as delisted. */
  dropped: Record<string, number>;
  sources?: Array<Record<string, unknown>>;
  notes?: string[];
  [field: string]: unknown;
}

export interface MatchQuery {
  name: string;
  type?: 'person' | 'organization';
  country?: CountryCode;
  [field: string]: unknown;
}

export interface MatchHit {
  list: string;
  source_id: string;
  /** The listed primary name. */
  name: string;
  /** The name or alias that matched. */
  matched_name: string;
  /** 0..1 */
  score: number;
  explanation?: unknown;
  [field: string]: unknown;
}

export interface MatchResult {
  query: MatchQuery;
  hits: MatchHit[];
}

export interface BatchProgress {
  done: number;
  total: number;
  elapsedMs: number;
  /** Orders per second. */
  rate: number;
  /** NaN until a rate is known. */
  etaMs: number;
}

/** A prior adjudication of a false positive (docs/orders.md, "Clearances"): copy the fingerprints, list and
 *  source_id from the finding's evidence. */
export interface Clearance {
  party_fingerprint: string;
  list: string;
  source_id: string;
  entry_fingerprint: string;
  reason: string;
  by?: string;
  /** ISO 8601 */
  at?: string;
}

/** Options of one screening (docs/orders.md). */
export interface ScreenOptions {
  clearances?: Clearance[];
  /** Overrides applied before the order's own `settings`. */
  settings?: Record<string, unknown>;
  /** ISO 8601: shown in the report and used to date company ages (the core reads no clock). */
  screened_at?: string;
}

export interface ScreenBatchOptions {
  onProgress?: (progress: BatchProgress) => void;
  /** Reports as they arrive (not necessarily in order), from index `firstIndex`. */
  onChunk?: (firstIndex: number, reports: Array<Report | BatchError>) => void;
  /** Aborting terminates the Workers; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Orders per Worker task (default: about a hundred tasks, at most 100 orders each). */
  chunkSize?: number;
  /** Digests ({order_id, decision, summary, findings, rules, main, json}) instead of report objects. */
  digest?: boolean;
  /** The options of screen() for every order. */
  request?: ScreenOptions;
}

export type BytesOrUrl = string | URL | Uint8Array | ArrayBuffer | ArrayBufferView;

export interface CreateCheckerOptions {
  /** The gzip-compressed bundle: URL or bytes. Default: bundle/default.ecb.gz next to the module. */
  bundle?: BytesOrUrl;
  /** Its raw 64-byte Ed25519 signature: URL or bytes. Default: the bundle URL + ".sig". */
  signature?: BytesOrUrl;
  /** The publisher's raw Ed25519 public key, base64. Default: the key pinned at build time. */
  publicKey?: string;
  /** In a browser: keep the core in this thread instead of Workers. */
  inline?: boolean;
}

export interface Checker {
  info(): BundleInfo;
  /** The engine version, e.g. "0.1.0". */
  version(): string;
  /** sha256 of the signed (compressed) file as downloaded. */
  readonly fileSha256: string;
  /** Every country the core knows (ISO 3166-1 alpha-2 and XK) with its English short name. */
  countries(): Array<{ code: string; name: string }>;
  /** The core's documented maxima (exportcheck/limits.hpp). */
  limits(): { orders_per_batch: number; order_bytes: number; name_bytes: number; [limit: string]: number };
  match(query: MatchQuery): Promise<MatchResult>;
  /** Rejects with an ExportCheckError (code bad_order, ...) when the core refuses the order. */
  screen(order: Order, options?: ScreenOptions): Promise<Report>;
  screenBatch(orders: Order[], options?: ScreenBatchOptions): Promise<Array<Report | BatchError>>;
  /** A file of orders as text, read by the core as the CLI reads it (cut by the core into chunks of whole
   *  orders for the Workers, each chunk's text given as written). Lines or rows that hold no order are not
   *  screened: `errors` names them, worded by the core in `request.lang` (file, line, column). */
  screenText(text: string, options?: ScreenBatchOptions & { format?: 'csv' | 'jsonl' | 'json'; name?: string }): Promise<{
    orders: Order[];
    reports: Array<Report | BatchError>;
    errors: Array<{ line: number; column?: string; code: string; message: string; message_id: string; params: unknown }>;
  }>;
  /** Reads a file of orders as screenText reads it (the core, every format), none screened: every good order,
   *  and every line or row that holds none, worded in `lang`. A file over the limits, or not a CSV of orders,
   *  rejects whole. */
  parseOrders(text: string, options?: { format?: 'csv' | 'jsonl' | 'json'; name?: string; lang?: 'en' | 'fr' }): Promise<{
    orders: Order[];
    errors: Array<{ line: number; column?: string; code: string; message: string; message_id: string; params: unknown }>;
  }>;
  products(): Promise<unknown[]>;
  /** The reseller's own list (CSV or JSON lines in the import format, list code OWN, every entry with its
   *  consequence), screened with every later order, single or batch, until replaced; '' clears it. A list
   *  with an error rejects with ExportCheckError('import_invalid', '<name>: line 3: field `consequence`: ...')
   *  and changes nothing. Resolves to null when cleared. */
  setOwnList(text: string, options?: { name?: string }): Promise<OwnListSummary | null>;
  /** The own list in use, or null. */
  ownList(): OwnListSummary | null;
  /** Reads an own list without using it (throws as setOwnList). */
  parseOwnList(text: string, options?: { name?: string }): Promise<{ entries: OwnListEntry[] }>;
  /** An own list (CSV or JSON lines) written as the import format's CSV, which reads back the same. */
  ownListCsv(text: string, options?: { name?: string }): Promise<string>;
  /** Starts the batch Workers (browser; `count` of them, all by default) and resolves with what the first
   *  reports once its rules are built. */
  warmUp(options?: { count?: number }): Promise<{ info: BundleInfo; products: unknown[] }>;
  close(): void;
}

export declare class ExportCheckError extends Error {
  constructor(code: string, message: string, options?: { cause?: unknown });
  readonly name: 'ExportCheckError';
  /** A stable code: bundle_unavailable, bundle_signature_invalid, public_key_missing, bad_order, ... */
  readonly code: string;
}

/** Downloads (or takes) the bundle, checks its signature before anything reads it, and loads the core. */
export declare function createChecker(options?: CreateCheckerOptions): Promise<Checker>;
