import { createHash } from 'node:crypto';
import type { PushPayload } from '../../../shared/push/texts.js';
import type { ServerKeys } from './server-keys.js';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** What the push service answered: its status (0: no answer) and any Retry-After in ms. */
export interface PushOutcome {
  status: number;
  retryAfterMs: number | null;
}

/** The Topic header (RFC 8030 §5.4: at most 32 base64url characters): a hash of the tag, so it names nothing. */
export function topicOf(tag: string): string {
  return createHash('sha256').update(tag).digest('base64url').slice(0, 32);
}

/**
 * Sends one notification: web-push encrypts the payload (aes128gcm, RFC 8291) and signs the VAPID header
 * (RFC 8292); the POST itself goes through fetch, which also reaches a loopback test push service over http.
 * TTL one day (a reminder older than that is no use); urgency high for urgent alerts; topic = the tag, so the
 * push service replaces an undelivered older message with the same tag (a snoozed dose).
 */
export async function sendPush(
  target: PushTarget,
  payload: PushPayload,
  keys: ServerKeys,
  urgency: 'normal' | 'high',
): Promise<PushOutcome> {
  // Loaded at the first push, not at start (issue 19, idle memory; a module is evaluated once).
  const { default: webpush } = await import('web-push');
  const details = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
      TTL: 86_400,
      urgency,
      topic: topicOf(payload.tag),
      contentEncoding: 'aes128gcm',
    },
  );
  try {
    const res = await fetch(details.endpoint, {
      method: 'POST',
      headers: details.headers as Record<string, string>,
      body: new Uint8Array(details.body),
      signal: AbortSignal.timeout(10_000),
      redirect: 'error',
    });
    await res.arrayBuffer();
    const retryAfter = Number(res.headers.get('retry-after'));
    return {
      status: res.status,
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
    };
  } catch {
    return { status: 0, retryAfterMs: null };
  }
}
