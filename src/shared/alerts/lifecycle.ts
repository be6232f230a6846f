/**
 * The life of an alert as one pure state machine (issue 12). Phases: open → acknowledged → resolved, plus
 * "follow-up due" (a safety alert whose patient was not reached) and a count of escalations. Every change
 * an alert can go through is an event here; the server applies the event, stores the new state and the
 * history entry in one transaction, and refuses what the machine refuses.
 *
 * Safety alerts (self-harm and other urgent safety alerts) close only when a risk assessment reached the
 * patient, or an emergency hand-off was documented (issue 12; care-rules.md "Safety"). "Not reached" keeps
 * the alert open with a follow-up due. Other alerts resolve with a note.
 */

export const alertPhases = ['open', 'acknowledged', 'follow_up_due', 'resolved'] as const;
export type AlertPhase = (typeof alertPhases)[number];

/** Alert types that are about the patient's safety (the self-harm rules); they close only as above. */
export const SAFETY_ALERT_TYPES: readonly string[] = ['self_harm_answer', 'self_harm_entry', 'not_safe_flag'];

export function isSafetyAlertType(type: string): boolean {
  return SAFETY_ALERT_TYPES.includes(type) || type.startsWith('self_harm');
}

export interface Lifecycle {
  phase: AlertPhase;
  /** A safety alert: resolves only by a reached risk assessment or an emergency hand-off. */
  safety: boolean;
  /** How many times it was escalated. */
  escalations: number;
  lastEscalatedAt: number | null;
  /** After an acknowledgement: escalation waits until this instant, no longer. */
  pausedUntil: number | null;
  /** After "not reached": the follow-up contact is due by this instant. */
  followUpDueAt: number | null;
  /** The follow-up came due with the alert still open (recorded once, then escalated). */
  followUpOverdue: boolean;
}

export type LifecycleEvent =
  | { kind: 'acknowledge'; at: number; by: string; pauseMinutes: number }
  | { kind: 'assessment_reached'; at: number; by: string }
  | { kind: 'emergency_handoff'; at: number; by: string }
  | { kind: 'not_reached'; at: number; by: string; followUpHours: number }
  | { kind: 'escalate'; at: number; to: string }
  | { kind: 'follow_up_overdue'; at: number }
  | { kind: 'resolve'; at: number; by: string; note: string };
export type LifecycleEventKind = LifecycleEvent['kind'];
export const lifecycleEventKinds: readonly LifecycleEventKind[] = [
  'acknowledge',
  'assessment_reached',
  'emergency_handoff',
  'not_reached',
  'escalate',
  'follow_up_overdue',
  'resolve',
];

/** One line of an alert's history, as stored and shown. */
export interface HistoryEntry {
  kind: LifecycleEventKind;
  at: number;
  actorId: string | null;
  targetUserId: string | null;
  note: string | null;
}

export type Transition =
  { ok: true; state: Lifecycle; entry: HistoryEntry } | { ok: false; code: 'conflict'; reason: string };

/** A new alert's state. */
export function initialLifecycle(safety: boolean): Lifecycle {
  return {
    phase: 'open',
    safety,
    escalations: 0,
    lastEscalatedAt: null,
    pausedUntil: null,
    followUpDueAt: null,
    followUpOverdue: false,
  };
}

/** The stored alert state column for a phase ("follow-up due" is still an open alert). */
export function storedState(phase: AlertPhase): 'open' | 'acknowledged' | 'resolved' {
  return phase === 'follow_up_due' ? 'open' : phase;
}

const refuse = (reason: string): Transition => ({ ok: false, code: 'conflict', reason });
const HOUR = 3600_000;

function closed(s: Lifecycle): Lifecycle {
  return { ...s, phase: 'resolved', pausedUntil: null, followUpDueAt: null, followUpOverdue: false };
}

/** Applies one event; refuses every move the lifecycle does not allow, with a reason a clinician can read. */
export function transition(s: Lifecycle, e: LifecycleEvent): Transition {
  if (s.phase === 'resolved') return refuse('This alert is already resolved.');
  const entry = (by: string | null, target: string | null = null, note: string | null = null) => ({
    kind: e.kind,
    at: e.at,
    actorId: by,
    targetUserId: target,
    note,
  });
  switch (e.kind) {
    case 'acknowledge':
      if (s.phase === 'acknowledged') return refuse('This alert is already acknowledged.');
      return {
        ok: true,
        state: { ...s, phase: 'acknowledged', pausedUntil: e.at + e.pauseMinutes * 60_000 },
        entry: entry(e.by),
      };
    case 'assessment_reached':
    case 'emergency_handoff':
      if (!s.safety)
        return refuse('A risk assessment closes safety alerts only; resolve this one with a note.');
      return { ok: true, state: closed(s), entry: entry(e.by) };
    case 'not_reached': {
      if (!s.safety)
        return refuse('A risk assessment closes safety alerts only; resolve this one with a note.');
      const due = e.at + e.followUpHours * HOUR;
      return {
        ok: true,
        state: {
          ...s,
          phase: 'follow_up_due',
          pausedUntil: null,
          followUpDueAt: due,
          followUpOverdue: false,
        },
        entry: entry(e.by, null, `Follow-up due by ${new Date(due).toISOString()}`),
      };
    }
    case 'escalate':
      return {
        ok: true,
        state: {
          ...s,
          // Someone new must take it: an acknowledgement does not carry over to them.
          phase: s.phase === 'acknowledged' ? (s.followUpDueAt === null ? 'open' : 'follow_up_due') : s.phase,
          escalations: s.escalations + 1,
          lastEscalatedAt: e.at,
          pausedUntil: null,
        },
        entry: entry(null, e.to),
      };
    case 'follow_up_overdue':
      if (s.followUpDueAt === null) return refuse('No follow-up is due on this alert.');
      if (s.followUpOverdue) return refuse('The follow-up is already recorded as overdue.');
      if (e.at < s.followUpDueAt) return refuse('The follow-up is not due yet.');
      return { ok: true, state: { ...s, followUpOverdue: true }, entry: entry(null) };
    case 'resolve':
      if (s.safety)
        return refuse(
          'A safety alert closes only with a risk assessment that reached the patient, or a documented emergency hand-off.',
        );
      return { ok: true, state: closed(s), entry: entry(e.by, null, e.note) };
  }
}

/**
 * What a recorded risk assessment means for the safety alert it follows (issue 12): emergency services
 * contacted is a documented emergency hand-off; "could not reach" or "not reached, follow-up planned" is
 * not reached; any other outcome reached the patient. A contradiction (could not reach, yet "no immediate
 * risk") is refused with the field to fix.
 */
export function assessmentEvent(
  method: string,
  outcome: string,
): { kind: 'assessment_reached' | 'emergency_handoff' | 'not_reached' } | { problem: string } {
  if (outcome === 'emergency_services_contacted') return { kind: 'emergency_handoff' };
  if (outcome === 'not_reached_follow_up_planned') return { kind: 'not_reached' };
  if (method === 'could_not_reach')
    return {
      problem:
        'You could not reach the patient: choose "Not reached, follow-up planned" or "Emergency services contacted".',
    };
  return { kind: 'assessment_reached' };
}

/** A risk assessment that reached the patient is a clinical contact; a failed attempt is not (issue 12). */
export function reachedThePatient(method: string, outcome: string): boolean {
  return method !== 'could_not_reach' && outcome !== 'not_reached_follow_up_planned';
}
