// The page's Workers (web/lib/worker.js through web/lib/bridge.js): one per core, at most 4, each loading the
// core and the already verified bundle once. Single requests go to the first Worker; a batch is cut into
// tasks handed out as Workers fall idle, with progress per task; an AbortSignal terminates every Worker (the
// next request starts fresh ones); Workers left idle for a while are freed, all but one. Every request carries
// the own list when that Worker does not have its latest version yet.
import { WorkerBridge } from './bridge.js';
import { Progress, abortError } from './batch.js';

const IDLE_MS = 120_000;

function defaultSize() {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 2;
  return Math.max(1, Math.min(4, cores));
}

export class WorkerPool {
  #url;
  #init;
  #size;
  #slots = []; // { bridge, ready, ownVersion }
  #ownList = null; // { text, name, version }
  #queue = Promise.resolve();
  #idleTimer;

  // init: the argument of the Workers' init request ({ raw } bytes of the verified bundle).
  constructor({ workerUrl, init, size }) {
    this.#url = workerUrl;
    this.#init = init;
    this.#size = size ?? defaultSize();
  }

  get size() { return this.#size; }

  // The own list every later request is screened with ({ text, name, version } or null).
  setOwnList(ownList) { this.#ownList = ownList ?? null; }

  #start(count = this.#size) {
    clearTimeout(this.#idleTimer);
    this.#slots = this.#slots.filter((s) => !s.bridge.closed);
    while (this.#slots.length < Math.min(count, this.#size)) {
      const bridge = new WorkerBridge(this.#url, { name: 'exportcheck' });
      const ready = bridge.request('init', [this.#init]);
      ready.catch(() => {});
      this.#slots.push({ bridge, ready, ownVersion: 0 });
    }
    return this.#slots.slice(0, Math.min(count, this.#size));
  }

  // After a while without work, all Workers but one are freed (the one left keeps single orders instant).
  #idle() {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      for (const s of this.#slots.splice(1)) s.bridge.terminate();
    }, IDLE_MS);
  }

  #send(slot, type, args) {
    const version = this.#ownList?.version ?? 0;
    const extra = {};
    if (slot.ownVersion !== version) extra.ownList = this.#ownList ? { text: this.#ownList.text, name: this.#ownList.name } : null;
    slot.ownVersion = version;
    return slot.bridge.request(type, args, extra);
  }

  // Resolves once `count` Workers (all by default) have loaded the core and the bundle, with what the first
  // one reported (web/lib/worker.js init).
  async ready(count) {
    const slots = this.#start(count);
    try {
      const [first] = await Promise.all(slots.map((s) => s.ready));
      return first;
    } finally {
      this.#idle();
    }
  }

  // One request to the first Worker: `type(...args)` of web/lib/engine.js.
  async call(type, args) {
    const [slot] = this.#start(1);
    try {
      await slot.ready;
      return await this.#send(slot, type, args);
    } finally {
      this.#idle();
    }
  }

  // A batch: tasks [{ count, type, args }] (count: orders in the task) run in the Workers, one batch at a time;
  // onTask(task, result) as each finishes (not necessarily in order). Resolves when all are done.
  run(tasks, options = {}) {
    const job = this.#queue.then(() => this.#run(tasks, options));
    this.#queue = job.catch(() => {});
    return job;
  }

  async #run(tasks, { total, onTask, onProgress, signal } = {}) {
    if (signal?.aborted) throw abortError(signal);
    const slots = this.#start(tasks.length === 1 ? 1 : undefined);
    const progress = new Progress(total ?? tasks.reduce((n, t) => n + t.count, 0), onProgress);
    progress.report();
    let next = 0;
    let stop;
    const stopped = new Promise((_, reject) => { stop = reject; });
    stopped.catch(() => {});
    const onAbort = () => {
      this.terminate();
      stop(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const drive = async (slot) => {
      await slot.ready;
      while (next < tasks.length) {
        const task = tasks[next++];
        onTask?.(task, await this.#send(slot, task.type, task.args));
        progress.add(task.count);
      }
    };
    try {
      await Promise.race([Promise.all(slots.map(drive)), stopped]);
    } catch (err) {
      if (signal?.aborted) throw abortError(signal);
      this.terminate(); // a Worker failed: start clean next time
      throw err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (this.#slots.length) this.#idle();
    }
  }

  terminate() {
    clearTimeout(this.#idleTimer);
    const slots = this.#slots;
    this.#slots = [];
    for (const s of slots) s.bridge.terminate();
  }
}
