// The <export-check> elements' Worker (web/lib/worker.js, built to public/export-check-worker.js, next to this
// script): one per bundle configuration, shared by every element of the page, started on first use so the
// wasm core and the lists are only downloaded when an element needs them. The Worker downloads the bundle
// and checks its signature itself, so the page's thread only posts orders.
import { WorkerBridge } from '../lib/bridge.js';

const connections = new Map();
const HINT = 'Check that the widget\'s origin is allowed in script-src and worker-src, and that it serves CORS headers.';

// The shared connection for this configuration: { ready: Promise<catalogue>, request(type, args, extra), closed }.
// A connection whose initialisation failed is replaced on the next call, so an element can retry.
export function connect(scriptUrl, config) {
  const key = JSON.stringify([scriptUrl.href, config.bundle, config.signature, config.publicKey]);
  let connection = connections.get(key);
  if (!connection || connection.closed) {
    connection = new WorkerBridge(scriptUrl, { name: 'export-check', hint: HINT });
    const bridge = connection;
    bridge.ready = bridge.request('init', [config]);
    bridge.ready.catch(() => bridge.terminate());
    connections.set(key, connection);
  }
  return connection;
}
