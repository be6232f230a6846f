// Issue 17 (offline writes): what the phone does with a write it could not send, and with the server's
// answer when a waiting write is sent later. Pure, table-tested (offline-queue-rules.test.ts).

/** Where a failed first attempt goes: kept on the phone to send later, or shown as the server's "no". */
export function keepForLater(status: number): boolean {
  // 0: no network (fetch failed); 502/503/504: a proxy or the server is down for now.
  return status === 0 || status === 502 || status === 503 || status === 504;
}

export type FlushOutcome = 'sent' | 'wait' | 'refused';

/**
 * What a sending attempt of a waiting write means. `status` is the HTTP status (0: no network).
 *  - 2xx: sent (the server's idempotency on the client id answers a resend with the first record);
 *  - no network, 408, 429, 5xx: wait and send again later;
 *  - 401: the session ended; wait until the same person signs in again (never sent as someone else);
 *  - any other 4xx: the server refused it (not valid, not allowed, already recorded otherwise); it stays
 *    on the phone with the reason, shown to the patient, never dropped silently.
 */
export function flushOutcome(status: number): FlushOutcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return 'wait';
  return 'refused';
}
