import { describe, expect, it } from 'vitest';
import {
  alertPhases,
  initialLifecycle,
  isSafetyAlertType,
  lifecycleEventKinds,
  storedState,
  transition,
  type AlertPhase,
  type Lifecycle,
  type LifecycleEvent,
  type LifecycleEventKind,
} from './lifecycle.js';

const T = Date.UTC(2026, 10, 2, 10, 0);
const H = 3600_000;

function stateIn(phase: AlertPhase, safety: boolean): Lifecycle {
  const s = initialLifecycle(safety);
  if (phase === 'follow_up_due') return { ...s, phase, followUpDueAt: T - H };
  if (phase === 'acknowledged') return { ...s, phase, pausedUntil: T - 30 * 60_000 };
  return { ...s, phase };
}

const events: Record<LifecycleEventKind, LifecycleEvent> = {
  acknowledge: { kind: 'acknowledge', at: T, by: 'u1', pauseMinutes: 60 },
  assessment_reached: { kind: 'assessment_reached', at: T, by: 'u1' },
  emergency_handoff: { kind: 'emergency_handoff', at: T, by: 'u1' },
  not_reached: { kind: 'not_reached', at: T, by: 'u1', followUpHours: 24 },
  escalate: { kind: 'escalate', at: T, to: 'u9' },
  follow_up_overdue: { kind: 'follow_up_overdue', at: T },
  resolve: { kind: 'resolve', at: T, by: 'u1', note: 'Done' },
};

type Expect = AlertPhase | 'refused';
// Every phase × every event, for a safety alert and for any other alert: the phase after, or refused.
const table: Record<'safety' | 'other', Record<AlertPhase, Record<LifecycleEventKind, Expect>>> = {
  safety: {
    open: {
      acknowledge: 'acknowledged',
      assessment_reached: 'resolved',
      emergency_handoff: 'resolved',
      not_reached: 'follow_up_due',
      escalate: 'open',
      follow_up_overdue: 'refused',
      resolve: 'refused',
    },
    acknowledged: {
      acknowledge: 'refused',
      assessment_reached: 'resolved',
      emergency_handoff: 'resolved',
      not_reached: 'follow_up_due',
      escalate: 'open',
      follow_up_overdue: 'refused',
      resolve: 'refused',
    },
    follow_up_due: {
      acknowledge: 'acknowledged',
      assessment_reached: 'resolved',
      emergency_handoff: 'resolved',
      not_reached: 'follow_up_due',
      escalate: 'follow_up_due',
      follow_up_overdue: 'follow_up_due',
      resolve: 'refused',
    },
    resolved: {
      acknowledge: 'refused',
      assessment_reached: 'refused',
      emergency_handoff: 'refused',
      not_reached: 'refused',
      escalate: 'refused',
      follow_up_overdue: 'refused',
      resolve: 'refused',
    },
  },
  other: {
    open: {
      acknowledge: 'acknowledged',
      assessment_reached: 'refused',
      emergency_handoff: 'refused',
      not_reached: 'refused',
      escalate: 'open',
      follow_up_overdue: 'refused',
      resolve: 'resolved',
    },
    acknowledged: {
      acknowledge: 'refused',
      assessment_reached: 'refused',
      emergency_handoff: 'refused',
      not_reached: 'refused',
      escalate: 'open',
      follow_up_overdue: 'refused',
      resolve: 'resolved',
    },
    follow_up_due: {
      acknowledge: 'acknowledged',
      assessment_reached: 'refused',
      emergency_handoff: 'refused',
      not_reached: 'refused',
      escalate: 'follow_up_due',
      follow_up_overdue: 'follow_up_due',
      resolve: 'resolved',
    },
    resolved: {
      acknowledge: 'refused',
      assessment_reached: 'refused',
      emergency_handoff: 'refused',
      not_reached: 'refused',
      escalate: 'refused',
      follow_up_overdue: 'refused',
      resolve: 'refused',
    },
  },
};

describe('alert lifecycle: every phase × every event', () => {
  const cases = (['safety', 'other'] as const).flatMap((kind) =>
    alertPhases.flatMap((phase) =>
      lifecycleEventKinds.map((event) => ({ kind, phase, event, expected: table[kind][phase][event] })),
    ),
  );
  it('covers all of them', () => {
    expect(cases).toHaveLength(2 * alertPhases.length * lifecycleEventKinds.length);
  });
  it.each(cases)('$kind alert, $phase + $event → $expected', ({ kind, phase, event, expected }) => {
    const result = transition(stateIn(phase, kind === 'safety'), events[event]);
    if (expected === 'refused') {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.state.phase).toBe(expected);
        expect(result.entry).toMatchObject({ kind: event, at: T });
      }
    }
  });
});

describe('what each event changes', () => {
  it('acknowledging pauses escalation for the clinic-set minutes only', () => {
    const r = transition(initialLifecycle(true), events.acknowledge);
    expect(r.ok && r.state.pausedUntil).toBe(T + 60 * 60_000);
  });
  it('not reached sets the follow-up due time and clears an acknowledgement pause', () => {
    const r = transition(stateIn('acknowledged', true), events.not_reached);
    expect(r.ok && r.state).toMatchObject({
      followUpDueAt: T + 24 * H,
      pausedUntil: null,
      followUpOverdue: false,
    });
    expect(r.ok && storedState(r.state.phase)).toBe('open');
  });
  it('escalating counts, records whom it went to and ends any pause', () => {
    const once = transition(stateIn('acknowledged', true), events.escalate);
    expect(once.ok && once.state).toMatchObject({ escalations: 1, lastEscalatedAt: T, pausedUntil: null });
    expect(once.ok && once.entry.targetUserId).toBe('u9');
    const twice = once.ok ? transition(once.state, { ...events.escalate, at: T + H }) : once;
    expect(twice.ok && twice.state.escalations).toBe(2);
  });
  it('a follow-up is overdue only once it is due, and only once', () => {
    const early = transition(
      { ...stateIn('follow_up_due', true), followUpDueAt: T + 1 },
      events.follow_up_overdue,
    );
    expect(early.ok).toBe(false);
    const due = transition(stateIn('follow_up_due', true), events.follow_up_overdue);
    expect(due.ok && due.state.followUpOverdue).toBe(true);
    const again = due.ok ? transition(due.state, events.follow_up_overdue) : due;
    expect(again.ok).toBe(false);
  });
  it('a reached assessment clears the follow-up', () => {
    const r = transition(stateIn('follow_up_due', true), events.assessment_reached);
    expect(r.ok && r.state).toMatchObject({ phase: 'resolved', followUpDueAt: null });
  });
  it('knows the safety alert types', () => {
    expect(isSafetyAlertType('self_harm_answer')).toBe(true);
    expect(isSafetyAlertType('good_news')).toBe(false);
  });
});
