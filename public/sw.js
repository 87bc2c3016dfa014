// Followup's service worker: precache the exact files of one build, answer from the cache.
//
// `cargo xtask dist` rewrites the two `const` lines below with the build's file list and a
// hash of those files (see xtask/src/pwa.rs); this source is never served as-is.
// Strategy: cache-first for precached files (fair Wi-Fi is often "lie-fi", so never wait on
// the network to show the app); every navigation is answered with the cached index.html so
// deep links work offline; old caches are deleted on activate. A new version waits until
// the page asks it to take over (the app's "Update available" bar), so the page is never
// swapped under the user mid-edit.
const VERSION = "dev";
const PRECACHE = [];

const CACHE = "followup-" + VERSION;
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL("index.html", SCOPE).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((path) => new Request(new URL(path, SCOPE), { cache: "reload" })))
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith("followup-") && key !== CACHE).map((key) => caches.delete(key))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;

  if (request.mode === "navigate") {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(INDEX).then((cached) => cached || fetch(request))
      )
    );
    return;
  }

  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((cached) => cached || fetch(request))
    )
  );
});
