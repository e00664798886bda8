// Types of the <export-check> element (public/export-check.js, built from web/widget/export-check.js) and
// of its events. `import type {} from 'exportcheck/widget'` (or a triple-slash reference) makes
// document.querySelector('export-check') and addEventListener('exportcheck:result', ...) typed.
import type { BundleInfo, Decision, Order, Report } from './exportcheck.js';

export type { BundleInfo, Decision, Order, Report };

/** A cart line: the core's item shape, or a shop's own names (title/name/product_title, sku). */
export interface CartLine {
  description?: string;
  title?: string;
  name?: string;
  product_title?: string;
  model?: string;
  sku?: string | number;
  quantity?: number | string;
  unit_price?: number | string;
  currency?: string;
  [field: string]: unknown;
}

/** What the element shows: a decision, work in progress, or a failure (mirrored in its `state` attribute). */
export type ExportCheckState = 'checking' | Decision | 'error';

export interface ExportCheckReadyDetail {
  info: BundleInfo;
}

export interface ExportCheckResultDetail {
  report: Report;
  decision: Decision;
  /** The order as screened (from the `order` property or the shop's form). */
  order: Order;
}

export interface ExportCheckErrorDetail {
  /** bundle_unavailable, bundle_signature_invalid, worker_failed, worker_blocked, no_order, bad_items,
   *  bad_order, not_available, ... */
  code: string;
  message: string;
}

export interface ExportCheckBlockedDetail {
  /** The decision (or "error") that made the element hold the form's submit back (see `block-on`). */
  decision: Decision | 'error';
  report: Report | null;
}

export interface ExportCheckEventMap {
  'exportcheck:ready': CustomEvent<ExportCheckReadyDetail>;
  'exportcheck:result': CustomEvent<ExportCheckResultDetail>;
  'exportcheck:error': CustomEvent<ExportCheckErrorDetail>;
  'exportcheck:blocked': CustomEvent<ExportCheckBlockedDetail>;
}

/**
 * `<export-check>`. Attributes:
 * - `mode`: `checkout` (default: a one-line status for a shop's checkout) or `panel` (a screening form for a
 *   back office, with the full report).
 * - `bundle`, `signature`, `public-key`: another signed bundle (URLs relative to the page) and the base64
 *   Ed25519 key it is signed with. Default: the bundle next to the script, checked with the pinned key.
 * - `form`: the id of the shop's form (default: the enclosing form); `field-name`, `field-company`,
 *   `field-address`, `field-city`, `field-postal-code`, `field-country`, `field-email`, `field-phone`,
 *   `field-ship-name`, `field-ship-company`, `field-ship-address`, `field-ship-city`, `field-ship-postal-code`,
 *   `field-ship-country`, `field-end-use`: the names of its fields (space-separated lists are joined).
 * - `items`: the cart as JSON (or the `items` property); `order-id`.
 * - `order`: a whole order as JSON, for server-rendered pages (the `order` property wins over it).
 * - `own-list`: the shop's own list in the import format (CSV or JSON lines; the `ownList` property wins).
 * - `max-age-days`: in a panel, the lists are called old past this age (default 90).
 * - `trigger`: `change` (default: screen when the fields or items change), `submit`, `manual` (call check()).
 * - `block-on`: decisions that hold the form's submit back (`blocked`, `license_required`, `review`, `error`);
 *   absent: the widget never interferes with the shop's checkout.
 * - `loading`: `eager` (default: start the Worker when the element appears) or `lazy` (on first check).
 * - `lang` (`en`, `fr`; default: the closest [lang]), `text-checking`, `text-clear`, `text-review`,
 *   `text-blocked`, `text-error`: the status words.
 *
 * Theming: the custom properties --export-check-font, -font-size, -color, -muted, -background, -border,
 * -radius, -accent, -clear, -review, -license, -blocked; parts status, icon, message, panel, form, field,
 * input, button, error, result, decision, summary, findings, finding, footer.
 */
export declare class ExportCheckElement extends HTMLElement {
  mode: 'checkout' | 'panel';
  /** The whole order; setting it screens it (unless trigger="manual"). Wins over the form. */
  order: Order | null;
  /** Cart lines for an order read from the form; wins over the `items` attribute. */
  items: CartLine[];
  /** The shop's own list (docs/import-format.md, CSV or JSON lines): screened with every order of this
   *  element; wins over the `own-list` attribute. Changing it screens the order again. */
  ownList: string;
  /** The last report, or null. */
  readonly report: Report | null;
  readonly decision: Decision | null;
  /** The loaded lists, once ready. */
  readonly info: BundleInfo | null;
  /** Resolves once the Worker has verified and loaded the lists. */
  ready(): Promise<BundleInfo>;
  /** Screens `order` (default: the order property, else the form); fires exportcheck:result or :error. */
  check(order?: Order): Promise<Report>;

  addEventListener<K extends keyof ExportCheckEventMap>(type: K,
    listener: (this: ExportCheckElement, event: ExportCheckEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K,
    listener: (this: ExportCheckElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ExportCheckEventMap>(type: K,
    listener: (this: ExportCheckElement, event: ExportCheckEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K,
    listener: (this: ExportCheckElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'export-check': ExportCheckElement;
  }
  // The events bubble and are composed: a listener on document or window receives them too.
  interface DocumentEventMap extends ExportCheckEventMap {}
  interface WindowEventMap extends ExportCheckEventMap {}
}
