/// <reference lib="webworker" />
// Web Push handlers of Duet's service worker (issue 17, "Push notifications"). service-worker.ts imports this
// module, so these listeners run in the same worker as the offline cache.
//  - push: shows the server's payload (title, body, tag, page); the words are the server's non-clinical text;
//  - notificationclick: "Snooze 15 min" asks the server to send the dose reminder again later (POST
//    /api/push/snooze with the session's CSRF token, read from /api/auth/session); a tap focuses an open Duet
//    window on the notification's page, or opens one.
import { SNOOZE_ACTION, notificationOptions, parsePushPayload, targetUrl } from './push-notification';

declare const self: ServiceWorkerGlobalScope;

self.addEventListener('push', (event) => {
  const payload = parsePushPayload(event.data?.text() ?? '');
  if (!payload) return;
  event.waitUntil(self.registration.showNotification(payload.title, notificationOptions(payload)));
});

async function snooze(doseKey: string): Promise<void> {
  const session = await fetch('/api/auth/session', { credentials: 'same-origin' });
  if (!session.ok) return;
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  await fetch('/api/push/snooze', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify({ doseKey }),
  });
}

async function openPage(url: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
  if (open) {
    const focused = await open.focus();
    await focused.navigate(url);
    return;
  }
  await self.clients.openWindow(url);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { snoozeDoseKey?: string | null } | null;
  if (event.action === SNOOZE_ACTION && data?.snoozeDoseKey) {
    event.waitUntil(snooze(data.snoozeDoseKey));
    return;
  }
  event.waitUntil(openPage(targetUrl(event.notification.data, self.location.origin)));
});
