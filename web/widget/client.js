// The bridge between <export-check> elements and the widget's Worker. One Worker per bundle configuration
// is shared by every element of the page; it starts on first use, so the wasm core and the lists are only
// downloaded when an element needs them.
//
// The Worker script lives next to export-check.js, on the widget's own origin. A page may only start a
// Worker from its own origin, so when the widget is hosted elsewhere (a CDN, the ExportCheck site) the
// Worker starts from a one-line blob module that imports the real script: the page's CSP then needs
// `worker-src blob:` and the widget's origin in script-src (see README, "Embed in your shop").

const workers = new Map();

export class WidgetError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'ExportCheckError';
    this.code = code;
  }
}

function startWorker(scriptUrl) {
  if (scriptUrl.origin === location.origin) return new Worker(scriptUrl, { type: 'module', name: 'export-check' });
  const source = `import ${JSON.stringify(scriptUrl.href)};\n`;
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return new Worker(blobUrl, { type: 'module', name: 'export-check' });
  } finally {
    // The Worker has its own reference once started; revoke after it had time to fetch the blob.
    setTimeout(() => URL.revokeObjectURL(blobUrl), 30_000);
  }
}

class Connection {
  #worker;
  #pending = new Map();
  #nextId = 1;

  constructor(scriptUrl, config) {
    try {
      this.#worker = startWorker(scriptUrl);
    } catch (err) {
      // e.g. a CSP without worker-src blob:
      this.closed = true;
      this.ready = Promise.reject(new WidgetError('worker_blocked',
        `The export check could not start its worker (${err.message}). Check the page's Content-Security-Policy.`));
      this.ready.catch(() => {});
      return;
    }
    this.#worker.onmessage = ({ data }) => {
      const pending = this.#pending.get(data.id);
      if (!pending) return;
      this.#pending.delete(data.id);
      if (data.error) pending.reject(new WidgetError(data.error.code, data.error.message));
      else pending.resolve(data.ok);
    };
    this.#worker.onerror = (event) => {
      event.preventDefault?.();
      this.#failAll(new WidgetError('worker_failed',
        `The export check worker could not run${event.message ? `: ${event.message}` : ''}. ` +
        'Check that the widget\'s origin is allowed in script-src and worker-src, and that it serves CORS headers.'));
    };
    this.ready = this.request({ type: 'init', ...config });
    this.ready.catch(() => {});
  }

  request(message) {
    if (!this.#worker) return this.ready;
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...message, id });
    });
  }

  #failAll(err) {
    for (const { reject } of this.#pending.values()) reject(err);
    this.#pending.clear();
    this.close();
  }

  close() {
    this.closed = true;
    this.#worker?.terminate();
  }
}

// The shared connection for this configuration: { ready: Promise<{info, capabilities}>, request(msg) }.
// A connection whose initialisation failed is replaced on the next call, so an element can retry.
export function connect(scriptUrl, config) {
  const key = JSON.stringify([scriptUrl.href, config.bundle, config.signature, config.publicKey]);
  let connection = workers.get(key);
  if (!connection || connection.closed) {
    const fresh = new Connection(scriptUrl, config);
    fresh.ready.catch(() => fresh.close());
    workers.set(key, (connection = fresh));
  }
  return connection;
}
