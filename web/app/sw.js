// The service worker: precaches the app shell, the wasm core and the default signed bundle, then serves
// them from the cache, so the page starts offline. Same-origin only: a request to any other origin is not
// touched (and the page's CSP allows none). Every build gets a new version (a fingerprint of the files
// below, set by scripts/build.sh), installs a fresh cache and deletes the old ones.
/* global __EXPORTCHECK_SW_VERSION__ */
const VERSION = typeof __EXPORTCHECK_SW_VERSION__ === 'string' ? __EXPORTCHECK_SW_VERSION__ : 'dev';
const CACHE = `exportcheck-${VERSION}`;

// Relative to the service worker's scope. Keep in step with SW_PRECACHE in scripts/build.sh.
const PRECACHE = [
  './', 'index.html', 'app.js', 'app.css', 'exportcheck.mjs', 'worker.js', 'icon.svg',
  'wasm/exportcheck-core.mjs', 'wasm/exportcheck-core.wasm',
  'bundle/default.ecb.gz', 'bundle/default.ecb.gz.sig',
  'samples/orders.csv', 'samples/orders.jsonl',
];

const scope = () => new URL(self.registration.scope);
const precached = () => new Set(PRECACHE.map((p) => new URL(p, scope()).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'reload' skips the HTTP cache, so the cache holds exactly this build's files.
    await cache.addAll(PRECACHE.map((p) => new Request(new URL(p, scope()), { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('exportcheck-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return; // never touch other origins
  url.hash = '';
  url.search = '';
  const isShell = request.mode === 'navigate' && url.href.startsWith(scope().href)
    && (url.href === scope().href || url.pathname.endsWith('/index.html'));
  if (!isShell && !precached().has(url.href)) return; // e.g. a newer bundle loaded by URL: straight to the network
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(isShell ? new URL('./', scope()).href : url.href);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(url.href, response.clone());
    return response;
  })());
});
