// The pure part of the push handlers (issue 17): what a push payload shows and where a tap goes. Kept apart
// from push.ts so it is unit-tested without a service worker.
import type { PushPayload } from '../../shared/push/texts';
import { SNOOZE_MINUTES } from '../../shared/push/kinds';

export const SNOOZE_ACTION = 'snooze';

/** The data a shown notification carries to its click handler. */
export interface NotificationData {
  url: string;
  snoozeDoseKey: string | null;
}

/** The payload as sent by the server, or null when it is not one (a push from elsewhere shows nothing odd). */
export function parsePushPayload(text: string): PushPayload | null {
  try {
    const p = JSON.parse(text) as Partial<PushPayload>;
    if (typeof p.title !== 'string' || typeof p.body !== 'string' || typeof p.tag !== 'string') return null;
    if (typeof p.url !== 'string' || !p.url.startsWith('/') || p.url.startsWith('//')) return null;
    return {
      title: p.title,
      body: p.body,
      tag: p.tag,
      url: p.url,
      ...(typeof p.snoozeDoseKey === 'string' ? { snoozeDoseKey: p.snoozeDoseKey } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * The notification's options: the tag replaces an older notification with the same tag (a snoozed dose comes
 * back in place of the first), renotify makes the replacement alert again; a dose gets "Snooze 15 min".
 */
export function notificationOptions(p: PushPayload): NotificationOptions & {
  renotify: boolean;
  actions?: { action: string; title: string }[];
} {
  const data: NotificationData = { url: p.url, snoozeDoseKey: p.snoozeDoseKey ?? null };
  return {
    body: p.body,
    tag: p.tag,
    renotify: true,
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
    data,
    ...(p.snoozeDoseKey === undefined
      ? {}
      : { actions: [{ action: SNOOZE_ACTION, title: `Snooze ${String(SNOOZE_MINUTES)} min` }] }),
  };
}

/** Where a tap goes: the payload's page on this origin (never another site). */
export function targetUrl(data: unknown, origin: string): string {
  const url = (data as Partial<NotificationData> | null)?.url;
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return `${origin}/`;
  return `${origin}${url}`;
}
