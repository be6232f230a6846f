import { addClinicHours, isClinicOpen, nextClosedInstant } from './clinic-hours.js';
import type { EscalationSettings } from './escalation-settings.js';
import type { Lifecycle } from './lifecycle.js';

/**
 * Who an unresolved urgent alert goes to next, and when (issue 12). Pure: computed from the clinic
 * settings, the clinic's opening hours and the alert's lifecycle.
 *
 * The chain: the patient's care managers (in clinic hours only), then the clinic's on-call clinician, then
 * the clinical lead; anyone already on the alert is skipped, and each escalation goes to the next person.
 * Time: `escalationHours` counted in clinic hours from the alert (or its last escalation); an
 * acknowledgement holds it back until its pause ends, never longer; a follow-up that comes due escalates
 * at once; while the clinic is closed, the out-of-hours rule 'on_call_now' sends it to the on-call
 * clinician without waiting for the clinic to open (care-rules.md "Safety"; product policy).
 */
export function escalationChain(
  settings: Pick<EscalationSettings, 'onCallUserId' | 'clinicalLeadUserId'>,
  careManagerIds: readonly string[],
  clinicOpen: boolean,
  alreadyOn: readonly string[],
): string[] {
  const chain = [
    ...(clinicOpen ? careManagerIds : []),
    settings.onCallUserId,
    settings.clinicalLeadUserId,
  ].filter((id): id is string => id !== null && !alreadyOn.includes(id));
  return [...new Set(chain)];
}

export interface EscalationInput {
  createdAt: number;
  lifecycle: Lifecycle;
  settings: EscalationSettings;
  careManagerIds: readonly string[];
  /** Everyone the alert already went to (routed or escalated). */
  alreadyOn: readonly string[];
}

export type EscalationReason = 'not_resolved' | 'out_of_hours' | 'follow_up_overdue';

/** When the alert escalates next and why; null when it never will (resolved, or the chain is used up). */
export function nextEscalationDue(
  input: EscalationInput,
): { dueAt: number; reason: EscalationReason } | null {
  const { lifecycle: s, settings } = input;
  if (s.phase === 'resolved') return null;
  const from = s.lastEscalatedAt ?? input.createdAt;
  const candidates: { at: number; reason: EscalationReason }[] = [];
  const byTime = addClinicHours(from, settings.escalationHours, settings.hours);
  if (byTime !== null) candidates.push({ at: byTime, reason: 'not_resolved' });
  const onCall = settings.onCallUserId;
  if (settings.outOfHours === 'on_call_now' && onCall !== null && !input.alreadyOn.includes(onCall))
    candidates.push({ at: nextClosedInstant(from, settings.hours), reason: 'out_of_hours' });
  if (s.followUpDueAt !== null && (s.lastEscalatedAt === null || s.lastEscalatedAt < s.followUpDueAt))
    candidates.push({ at: s.followUpDueAt, reason: 'follow_up_overdue' });
  const first = candidates.sort((a, b) => a.at - b.at)[0];
  if (!first) return null;
  return { dueAt: Math.max(first.at, s.pausedUntil ?? first.at), reason: first.reason };
}

/** The escalation to make now, if one is due: to whom and why. */
export function escalationNow(
  input: EscalationInput,
  now: number,
): { to: string; reason: EscalationReason } | { to: null; reason: EscalationReason } | null {
  const due = nextEscalationDue(input);
  if (due === null || due.dueAt > now) return null;
  const open = isClinicOpen(now, input.settings.hours);
  const [to] = escalationChain(input.settings, input.careManagerIds, open, input.alreadyOn);
  return { to: to ?? null, reason: due.reason };
}
