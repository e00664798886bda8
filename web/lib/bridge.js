// The one bridge to a Worker (web/lib/worker.js), for the page's pool and the widget alike: requests
// {id, type, args, ownList?} are queued in the Worker in the order sent and answered by id; a Worker that
// fails or is terminated rejects everything pending with an ExportCheckError.
//
// A page may only start a Worker from its own origin. When the script lives elsewhere (the widget on a
// CDN), the Worker starts from a one-line blob module importing it: the host page's CSP then needs
// `worker-src blob:` and the script's origin in script-src.
import { ExportCheckError, fromErrorData } from './errors.js';

function startWorker(url, name) {
  if (url.origin === location.origin) return new Worker(url, { type: 'module', name });
  const blobUrl = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};\n`], { type: 'text/javascript' }));
  try {
    return new Worker(blobUrl, { type: 'module', name });
  } finally {
    setTimeout(() => URL.revokeObjectURL(blobUrl), 30_000); // the Worker has fetched it by then
  }
}

export class WorkerBridge {
  #worker;
  #pending = new Map();
  #nextId = 1;
  failure = null; // the error that ended this Worker, once it ended

  constructor(url, { name = 'exportcheck', hint = '' } = {}) {
    try {
      this.#worker = startWorker(url, name);
    } catch (err) { // e.g. a CSP without worker-src blob:
      this.failure = new ExportCheckError('worker_blocked',
        `The export check could not start its worker (${err.message}). Check the page's Content-Security-Policy.`);
      return;
    }
    this.#worker.onmessage = ({ data }) => {
      const pending = this.#pending.get(data.id);
      if (!pending) return;
      this.#pending.delete(data.id);
      if (data.error) pending.reject(fromErrorData(data.error));
      else pending.resolve(data.ok);
    };
    this.#worker.onerror = (event) => {
      event.preventDefault?.();
      this.#end(new ExportCheckError('worker_failed',
        `The export check worker stopped${event.message ? `: ${event.message}` : ''}.${hint ? ` ${hint}` : ''}`));
    };
    this.#worker.onmessageerror = () => this.#end(new ExportCheckError('worker_failed', 'a worker message could not be read'));
  }

  get busy() { return this.#pending.size > 0; }
  get closed() { return this.failure !== null; }

  // Resolves with the Worker's answer to `type(...args)`.
  request(type, args = [], extra = {}) {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, type, args, ...extra });
    });
  }

  terminate() {
    this.#end(new ExportCheckError('worker_terminated', 'the worker was stopped'));
  }

  #end(err) {
    if (!this.failure) this.failure = err;
    this.#worker?.terminate();
    for (const { reject } of this.#pending.values()) reject(err);
    this.#pending.clear();
  }
}
