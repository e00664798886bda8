// The one error class of the API, the page and the widget: a stable `code` (the core's, or the bridge's
// worker_failed / worker_terminated, or the download's bundle_unavailable ...) and a readable message.
export class ExportCheckError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = 'ExportCheckError';
    this.code = code;
  }
}

// An error as it crosses postMessage: { code, message }, and back.
export const errorData = (err) => ({ code: err?.code ?? 'internal', message: err?.message ?? String(err) });
export const fromErrorData = (data) => new ExportCheckError(data.code, data.message);
