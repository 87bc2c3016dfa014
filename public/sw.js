// Followup's service worker: precache the exact files of one build, answer from the cache.
//
// `cargo xtask dist` rewrites the two `const` lines below with the build's file list and a
// hash of those files (see xtask/src/pwa.rs); this source is never served as-is.
// Strategy: cache-first for precached files (fair Wi-Fi is often "lie-fi", so never wait on
// the network to show the app); every navigation but My page's (me.html) is answered with
// the cached index.html so deep links work offline; old caches are deleted on activate. A new version waits until
// the page asks it to take over (the app's "Update available" bar), so the page is never
// swapped under the user mid-edit.
//
// Morning reminders (src/reminders.rs, src/domain/reminders.rs): the page keeps a plan of
// the next 60 days in the "followup-reminders" cache, worded by the app. Woken by a
// `periodicsync`, the worker only picks today's entry (local date) and checks the hour:
// at most one notification a day, from the chosen hour to 21:00, none when nothing is due.
const VERSION = "dev";
const PRECACHE = [];

const CACHE = "followup-" + VERSION;
const REMINDERS = "followup-reminders";
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
          keys.filter((key) => key.startsWith("followup-") && key !== CACHE && key !== REMINDERS).map((key) => caches.delete(key))
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

  // My page is a page of its own (no app, no wasm): served as itself, from the cache first.
  if (request.mode === "navigate" && !url.pathname.endsWith("/me.html")) {
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

const PLAN = new URL("reminders.json", SCOPE).href;
const SHOWN = new URL("reminders-shown", SCOPE).href;

// "2026-12-07" in the device's own time zone (the plan's days are local calendar days).
function localDay(now) {
  const pad = (n) => String(n).padStart(2, "0");
  return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
}

async function remind() {
  const cache = await caches.open(REMINDERS);
  const stored = await cache.match(PLAN);
  if (!stored) return;
  const plan = await stored.json();
  if (!plan || plan.v !== 1 || !plan.on) return;
  const now = new Date();
  const day = localDay(now);
  const entry = (plan.days || []).find((d) => d.day === day);
  if (plan.badge && "setAppBadge" in self.navigator) {
    const badge = entry ? self.navigator.setAppBadge(entry.people) : self.navigator.clearAppBadge();
    await badge.catch(() => {});
  }
  const hour = now.getHours();
  if (!entry || hour < plan.hour || hour >= plan.until) return;
  const shown = await cache.match(SHOWN);
  if (shown && (await shown.text()) === day) return;
  await self.registration.showNotification(entry.title, {
    body: entry.body,
    tag: plan.tag,
    icon: new URL("icon-192.png", SCOPE).href,
    data: { url: SCOPE.href },
  });
  await cache.put(SHOWN, new Response(day));
}

self.addEventListener("periodicsync", (event) => {
  if (event.tag === "followup-reminders") event.waitUntil(remind());
});

// Opens the agenda, or brings an open window of the app to the front.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url.startsWith(SCOPE.href));
      if (open) return open.focus();
      return self.clients.openWindow(SCOPE.href);
    })
  );
});
