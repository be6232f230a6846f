import { z } from 'zod';
import { addDays, localDate, localTime } from '../time/index.js';
import type { PushKind } from './kinds.js';

/**
 * The words a notification shows, on a lock screen anyone may see (issue 17): never a drug, a dose, a
 * condition, a score, a name or a message's words. Only the kind of reason to open Duet and, for a dose or an
 * appointment, its clock time. Product policy, as the email notifications (platform/notify/notify.ts).
 */
export const pushMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('doses'), time: z.string(), doseKey: z.string() }),
  z.object({ kind: z.literal('questionnaires') }),
  z.object({
    kind: z.literal('appointments'),
    day: z.enum(['today', 'tomorrow', 'soon']),
    time: z.string().nullable(),
  }),
  z.object({ kind: z.literal('replies') }),
  z.object({ kind: z.literal('urgentAlerts'), alertId: z.string().nullable() }),
]);
export type PushMessage = z.infer<typeof pushMessageSchema>;

/** What the service worker shows: title, body, the tag that replaces an older one and the page a tap opens. */
export interface PushPayload {
  title: string;
  body: string;
  tag: string;
  url: string;
  /** Only dose reminders can be snoozed; the service worker sends this key back to /api/push/snooze. */
  snoozeDoseKey?: string;
}

/** "08:00" → "8:00": how a person says a time; 24-hour, as the rest of Duet's times in the API. */
export function spokenTime(hhmm: string): string {
  return /^0\d:/.test(hhmm) ? hhmm.slice(1) : hhmm;
}

const title = 'Duet';

/** The payload the service worker shows for one message. */
export function pushPayloadFor(message: PushMessage): PushPayload {
  switch (message.kind) {
    case 'doses':
      return {
        title,
        body: `Time for your ${spokenTime(message.time)} medicine`,
        tag: `dose:${message.doseKey}`,
        url: '/home/medications',
        snoozeDoseKey: message.doseKey,
      };
    case 'questionnaires':
      return { title, body: 'A check-in is ready', tag: 'questionnaire', url: '/home' };
    case 'appointments': {
      const at = message.time === null ? '' : ` at ${spokenTime(message.time)}`;
      const when = message.day === 'soon' ? ' coming up' : ` ${message.day}`;
      return { title, body: `Appointment${when}${at}`, tag: 'appointment', url: '/home/appointments' };
    }
    case 'replies':
      return { title, body: 'New message from your care team', tag: 'message', url: '/home/messages' };
    case 'urgentAlerts':
      return {
        title,
        body: 'Urgent alert for a patient on your team',
        tag: message.alertId === null ? 'alert' : `alert:${message.alertId}`,
        url: message.alertId === null ? '/inbox' : `/inbox?alert=${message.alertId}`,
      };
  }
}

/** The kind a message belongs to (the person's per-kind choice). */
export const kindOf = (message: PushMessage): PushKind => message.kind;

/** An appointment reminder in the patient's zone: "today" or "tomorrow" with its clock time, else "coming up". */
export function appointmentMessage(startsAt: number, now: number, zone: string): PushMessage {
  const day = localDate(startsAt, zone);
  const today = localDate(now, zone);
  const when = day === today ? 'today' : day === addDays(today, 1) ? 'tomorrow' : 'soon';
  return { kind: 'appointments', day: when, time: when === 'soon' ? null : localTime(startsAt, zone) };
}
