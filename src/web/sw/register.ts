// Issue 17 (installable and offline): the page registers Duet's service worker (/sw.js, built from sw.ts)
// once the page has loaded, so the worker and its precache never compete with the first visit's own
// downloads. Only in a production build (the dev server has no worker) and where browsers have them.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch(() => undefined); // no worker: the app works online as before
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
