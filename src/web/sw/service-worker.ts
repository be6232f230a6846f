/// <reference lib="webworker" />
// Duet's service worker (issue 17, "Installable and offline"), built by vite-plugin-pwa (injectManifest) to
// /sw.js. What it does:
//  - precaches the app shell (index.html, icons, manifest) and the patient's route chunks (the list is chosen
//    at build time, vite.config.ts + sw/precache-plan.ts; clinicians' chart chunks are left out) and serves
//    them cache-first: their names carry a content hash, a new build installs a new worker with a new list;
//  - opens every page of the app from the precached index.html (the shell shows at once, online or not; the
//    browser checks /sw.js on each visit, and a new build's shell is used from the next visit on);
//  - keeps the patient's reads (offline-reads.ts) network-first with the saved answer as the fallback, marked
//    with the time it was saved; they are dropped at every sign-in and sign-out and on a 401, so the next person
//    on the same phone never sees them;
//  - imports the Web Push handlers (push.ts).
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import {
  endsOfflineData,
  FORGET_MESSAGE,
  isOfflineRead,
  OFFLINE_READ_HEADER,
  OFFLINE_READS_CACHE,
  SAVED_AT_HEADER,
  SESSION_PATH,
} from './offline-reads';
import './push';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every page of the single-page app is index.html; the server's own paths are never answered by the shell.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//, /^\/fhir\//, /^\/oauth2\//, /^\/\.well-known\//, /\.[a-z0-9]+$/i],
  }),
);

type StaticRoute = { condition: { urlPattern: { pathname: string } }; source: 'cache' };
type WithStaticRouting = ExtendableEvent & { addRoutes?: (routes: StaticRoute[]) => Promise<void> };

self.addEventListener('install', (event: WithStaticRouting) => {
  // Where the browser has static routing (Chromium): hashed assets come straight from the precache (the
  // network when not in it) without starting this worker's script for each of them; a later visit's ~35
  // chunks then cost no more than from the HTTP cache. Elsewhere the precache route below serves them.
  if (event.addRoutes) {
    event.waitUntil(
      event
        .addRoutes([{ condition: { urlPattern: { pathname: '/assets/*' } }, source: 'cache' }])
        .catch(() => undefined),
    );
  }
  void self.skipWaiting();
});
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

async function forgetOfflineData(): Promise<void> {
  await caches.delete(OFFLINE_READS_CACHE);
}

self.addEventListener('message', (event) => {
  if ((event.data as unknown) === FORGET_MESSAGE) event.waitUntil(forgetOfflineData());
});

/** A copy of a network answer, stamped with the time it was saved, to keep. */
async function stamped(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT_HEADER, String(Date.now()));
  return new Response(await response.blob(), { status: response.status, headers });
}

async function keep(request: Request, response: Response): Promise<void> {
  const cache = await caches.open(OFFLINE_READS_CACHE);
  await cache.put(request, await stamped(response));
}

/**
 * The network's answer as soon as it arrives (the copy is kept while the page already uses it), else the
 * answer saved at the last sync (its saved-at header tells the page), else the network's error.
 */
async function networkFirst(event: FetchEvent): Promise<Response> {
  const { request } = event;
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    const saved = await caches.match(request, { cacheName: OFFLINE_READS_CACHE });
    if (saved) return saved;
    throw error;
  }
  if (response.ok) event.waitUntil(keep(request, response.clone()));
  else if (response.status === 401) event.waitUntil(forgetOfflineData());
  return response;
}

async function throughSessionChange(request: Request): Promise<Response> {
  await forgetOfflineData();
  return fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (endsOfflineData(request.method, url.pathname)) {
    event.respondWith(throughSessionChange(request));
    return;
  }
  // Only the reads of offline-reads.ts, and only what a patient's page marked, but the session answer
  // (asked before anyone is known; it says who is signed in, no clinical data).
  if (request.method !== 'GET' || !isOfflineRead(url.pathname)) return;
  if (url.pathname !== SESSION_PATH && request.headers.get(OFFLINE_READ_HEADER) !== '1') return;
  event.respondWith(networkFirst(event));
});
