// The one bridge between a page and its batch Workers (web/lib/worker.js): each Worker loads the wasm core and
// the already verified bundle once, then screens chunks of orders handed out as Workers fall idle.
// Progress is reported per chunk; an AbortSignal terminates every Worker (the next batch starts fresh
// ones); Workers left idle for a while are freed, all but one.
import { ExportCheckError } from './core.js';
import { Progress, abortError } from './batch.js';

const IDLE_MS = 120_000;

function defaultSize() {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 2;
  return Math.max(1, Math.min(4, cores));
}

// Orders per message: about a hundred progress steps for a big batch, small chunks for a small one.
function chunkSizeFor(total, workers) {
  return Math.max(1, Math.min(100, Math.ceil(total / 100), Math.ceil(total / workers)));
}

class BatchWorker {
  ownListVersion = 0; // the version of the own list this Worker screens with (0: none)

  constructor(url, bundle) {
    this.worker = new Worker(url, { type: 'module', name: 'exportcheck-batch' });
    this.pending = null; // { resolve, reject } of the message awaited
    this.worker.onmessage = (event) => this.#settle(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this.#fail(new ExportCheckError('worker_failed', `the batch worker stopped: ${event.message ?? 'unknown error'}`));
    };
    this.worker.onmessageerror = () => this.#fail(new ExportCheckError('worker_failed', 'a batch message could not be read'));
    this.ready = this.#request({ type: 'init', bundle });
    this.ready.catch(() => {});
  }

  #request(message) {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(message);
    });
  }

  #settle(data) {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    if (data.type === 'failed') pending.reject(new ExportCheckError(data.error.code, data.error.message));
    else pending.resolve(data);
  }

  #fail(err) {
    this.failure = err;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(err);
  }

  // ownList: { text, name, version } | null, sent only when this Worker does not have that version yet.
  async screen(orders, request, digest, ownList) {
    if (this.failure) throw this.failure;
    const version = ownList?.version ?? 0;
    const message = { type: 'screen', orders, request, digest };
    if (version !== this.ownListVersion) message.ownList = ownList ? { text: ownList.text, name: ownList.name } : { text: '' };
    const reply = await this.#request(message);
    this.ownListVersion = version;
    return reply;
  }

  terminate() {
    this.worker.terminate();
    this.#fail(new ExportCheckError('worker_terminated', 'the batch worker was stopped'));
  }
}

export class WorkerPool {
  #url;
  #bundle;
  #size;
  #workers = [];
  #ownList = null;
  #queue = Promise.resolve();
  #idleTimer;

  constructor({ workerUrl, bundle, size }) {
    this.#url = workerUrl;
    this.#bundle = bundle;
    this.#size = size ?? defaultSize();
  }

  get size() {
    return this.#size;
  }

  // The own list every later chunk is screened with ({ text, name, version } or null); each Worker gets
  // it with its next chunk.
  setOwnList(ownList) {
    this.#ownList = ownList ?? null;
  }

  // Starts Workers up to `count` (all by default); a single order needs only one.
  #start(count = this.#size) {
    clearTimeout(this.#idleTimer);
    while (this.#workers.length < Math.min(count, this.#size)) this.#workers.push(new BatchWorker(this.#url, this.#bundle));
    return this.#workers;
  }

  // After a while without work, all Workers but one are freed (the one left keeps single orders instant).
  #idle() {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      for (const w of this.#workers.splice(1)) w.terminate();
    }, IDLE_MS);
  }

  // Resolves once `count` Workers (all by default) have loaded the core, the bundle and the rules, with what
  // the first one reported: { info, products }.
  async ready(count) {
    const workers = this.#start(count);
    try {
      const [first] = await Promise.all(workers.map((w) => w.ready));
      return { info: first.info, products: first.products ?? [] };
    } finally {
      this.#idle();
    }
  }

  // One batch at a time: a second call waits for the first.
  run(orders, options = {}) {
    const job = this.#queue.then(() => this.#run(orders, options));
    this.#queue = job.catch(() => {});
    return job;
  }

  async #run(orders, { onProgress, onChunk, signal, chunkSize, request, digest } = {}) {
    if (signal?.aborted) throw abortError(signal);
    const workers = this.#start(orders.length === 1 ? 1 : undefined);
    const total = orders.length;
    const size = chunkSize ?? chunkSizeFor(total, workers.length);
    const results = new Array(total);
    const progress = new Progress(total, onProgress);
    progress.report();

    let next = 0;
    let stop; // rejects the batch on abort
    const stopped = new Promise((_, reject) => { stop = reject; });
    stopped.catch(() => {});
    const onAbort = () => {
      this.terminate();
      stop(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const ownList = this.#ownList; // one batch, one own list
    const drive = async (worker) => {
      await worker.ready;
      while (next < total) {
        const from = next;
        const to = Math.min(total, from + size);
        next = to;
        const { reports } = await worker.screen(orders.slice(from, to), request, digest, ownList);
        for (let i = 0; i < reports.length; i++) results[from + i] = reports[i];
        onChunk?.(from, reports);
        progress.add(reports.length);
      }
    };
    try {
      await Promise.race([Promise.all(workers.map(drive)), stopped]);
      return results;
    } catch (err) {
      if (signal?.aborted) throw abortError(signal);
      this.terminate(); // a Worker failed: start clean next time
      throw err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (this.#workers.length) this.#idle();
    }
  }

  terminate() {
    clearTimeout(this.#idleTimer);
    const workers = this.#workers;
    this.#workers = [];
    for (const w of workers) w.terminate();
  }
}
