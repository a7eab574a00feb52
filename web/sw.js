// The service worker: after the first visit the app works offline. Same-origin GET
// requests are answered from the cache first, then from the network (and cached). The
// cache's name carries the build, so a new build replaces the old files at once.
const BUILD = '__WINNOW_BUILD__'; // scripts/build writes the hash of the built files here
const CACHE = `winnow-${BUILD}`;
const SHELL = [
  './', 'index.html', 'app.mjs', 'worker.mjs', 'library.mjs', 'transfer.mjs', 'style.css', 'favicon.svg',
  'bookmarklet.html', 'bookmarklet.mjs', 'vendor/comlink.mjs', 'vendor/idb.mjs',
  'winnow-wasm/src/js/browser.mjs', 'winnow-wasm/src/js/facade.mjs',
  'winnow-wasm/dist/wasm/winnow.mjs', 'winnow-wasm/dist/wasm/winnow.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('winnow-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) cache.put(request, response.clone());
      return response;
    }),
  );
});
