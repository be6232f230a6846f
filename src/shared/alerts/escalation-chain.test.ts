import { describe, expect, it } from 'vitest';
import { addClinicHours, isClinicOpen, nextClosedInstant, type ClinicHours } from './clinic-hours.js';
import {
  escalationChain,
  escalationNow,
  nextEscalationDue,
  type EscalationInput,
} from './escalation-chain.js';
import { escalationSettingsOf, type EscalationSettings } from './escalation-settings.js';
import { initialLifecycle, type Lifecycle } from './lifecycle.js';

const H = 3600_000;
const berlin: ClinicHours = {
  timeZone: 'Europe/Berlin',
  openDays: [1, 2, 3, 4, 5],
  opensAt: '09:00',
  closesAt: '17:00',
};
const newYork: ClinicHours = { ...berlin, timeZone: 'America/New_York' };
const everyDayNight: ClinicHours = {
  timeZone: 'Europe/Berlin',
  openDays: [1, 2, 3, 4, 5, 6, 7],
  opensAt: '01:00',
  closesAt: '05:00',
};
const utc = (iso: string) => Date.parse(iso);

describe('clinic hours (DST-correct in the clinic zone)', () => {
  it.each([
    // [label, hours, from, count, expected]
    ['inside one day', berlin, '2026-11-02T09:00:00Z', 4, '2026-11-02T13:00:00Z'], // 10:00 → 14:00 CET
    ['over the evening into the next morning', berlin, '2026-11-02T14:00:00Z', 4, '2026-11-03T10:00:00Z'],
    ['from the night counts from opening', berlin, '2026-11-02T22:00:00Z', 4, '2026-11-03T12:00:00Z'],
    ['over a weekend', berlin, '2026-11-06T15:00:00Z', 4, '2026-11-09T11:00:00Z'],
    // Friday 27 March 2026 15:00 CET; Berlin moves to CEST on Sunday 29 March: Monday 09:00 is 07:00 UTC.
    ['over the spring DST weekend (Berlin)', berlin, '2026-03-27T14:00:00Z', 4, '2026-03-30T09:00:00Z'],
    // Friday 23 October 2026 15:00 CEST; back to CET on Sunday 25 October: Monday 09:00 is 08:00 UTC.
    ['over the autumn DST weekend (Berlin)', berlin, '2026-10-23T13:00:00Z', 4, '2026-10-26T10:00:00Z'],
    // New York moves on Sunday 8 March 2026; Friday 6 March 15:00 EST = 20:00 UTC, Monday 09:00 EDT = 13:00 UTC.
    ['over the spring DST weekend (New York)', newYork, '2026-03-06T20:00:00Z', 4, '2026-03-09T15:00:00Z'],
    // On the spring-forward Sunday in Berlin 01:00-05:00 local holds only 3 real hours (02:00-03:00 missing).
    [
      'a night window on the spring-forward day',
      everyDayNight,
      '2026-03-29T00:00:00Z',
      3,
      '2026-03-29T03:00:00Z',
    ],
    ['…and the 4th hour is the next night', everyDayNight, '2026-03-29T00:00:00Z', 4, '2026-03-30T00:00:00Z'],
  ] as const)('%s', (_label, hours, from, count, expected) => {
    expect(new Date(addClinicHours(utc(from), count, hours) ?? 0).toISOString()).toBe(
      new Date(utc(expected)).toISOString(),
    );
  });

  it('a clinic with no open days never counts', () => {
    expect(addClinicHours(utc('2026-11-02T09:00:00Z'), 1, { ...berlin, openDays: [] })).toBeNull();
  });

  it.each([
    ['2026-11-02T08:30:00Z', true], // 09:30 CET Monday
    ['2026-11-02T07:59:00Z', false], // 08:59
    ['2026-11-02T16:00:00Z', false], // 17:00 closes
    ['2026-11-07T10:00:00Z', false], // Saturday
    ['2026-03-30T07:00:00Z', true], // 09:00 CEST Monday after the change
    ['2026-03-27T07:30:00Z', false], // 08:30 CET Friday before it
  ] as const)('open at %s: %s', (at, open) => {
    expect(isClinicOpen(utc(at), berlin)).toBe(open);
  });

  it('the next closed instant is the closing time while open, now while closed', () => {
    expect(nextClosedInstant(utc('2026-11-02T10:00:00Z'), berlin)).toBe(utc('2026-11-02T16:00:00Z'));
    expect(nextClosedInstant(utc('2026-11-02T20:00:00Z'), berlin)).toBe(utc('2026-11-02T20:00:00Z'));
  });
});

const settings = (over: Partial<EscalationSettings> = {}): EscalationSettings => ({
  ...escalationSettingsOf({
    escalationHours: 4,
    onCallUserId: 'oncall',
    clinicalLeadUserId: 'lead',
    clinicTimeZone: 'Europe/Berlin',
  }),
  ...over,
});

describe('escalation chain', () => {
  it.each([
    ['in hours: care manager, on-call, lead', ['cm'], true, [], ['cm', 'oncall', 'lead']],
    ['out of hours: no care manager', ['cm'], false, [], ['oncall', 'lead']],
    ['skips people already on the alert', ['cm'], true, ['cm', 'oncall'], ['lead']],
    ['one person is asked once even in two roles', [], true, [], ['oncall', 'lead']],
    ['nobody left', ['cm'], true, ['cm', 'oncall', 'lead'], []],
  ] as const)('%s', (_l, cms, open, already, expected) => {
    expect(escalationChain(settings(), cms, open, already)).toEqual(expected);
  });
  it('without on-call or lead set, only care managers', () => {
    expect(
      escalationChain(settings({ onCallUserId: null, clinicalLeadUserId: null }), ['cm'], true, []),
    ).toEqual(['cm']);
  });
});

const monday10 = utc('2026-11-02T09:00:00Z'); // 10:00 in Berlin
function input(lifecycle: Partial<Lifecycle> = {}, over: Partial<EscalationInput> = {}): EscalationInput {
  return {
    createdAt: monday10,
    lifecycle: { ...initialLifecycle(true), ...lifecycle },
    settings: settings(),
    careManagerIds: ['cm'],
    alreadyOn: ['therapist', 'cm'],
    ...over,
  };
}

describe('when and to whom an alert escalates', () => {
  it('4 clinic hours after it was raised, to the on-call clinician (the care manager is already on it)', () => {
    expect(nextEscalationDue(input())).toEqual({ dueAt: monday10 + 4 * H, reason: 'not_resolved' });
    expect(escalationNow(input(), monday10 + 4 * H - 1)).toBeNull();
    expect(escalationNow(input(), monday10 + 4 * H)).toEqual({ to: 'oncall', reason: 'not_resolved' });
  });
  it('then again to the next in the chain, counted from the last escalation', () => {
    const after = input(
      { escalations: 1, lastEscalatedAt: monday10 + 4 * H },
      { alreadyOn: ['therapist', 'cm', 'oncall'] },
    );
    // 14:00 + 4 clinic hours: 3 h to closing, 1 h next morning.
    expect(nextEscalationDue(after)?.dueAt).toBe(utc('2026-11-03T09:00:00Z'));
    expect(escalationNow(after, utc('2026-11-03T09:00:00Z'))?.to).toBe('lead');
  });
  it('an acknowledgement holds it back until the pause ends, never shortens it', () => {
    const ackLate = input({ phase: 'acknowledged', pausedUntil: monday10 + 4.5 * H });
    expect(nextEscalationDue(ackLate)?.dueAt).toBe(monday10 + 4.5 * H);
    const ackEarly = input({ phase: 'acknowledged', pausedUntil: monday10 + H });
    expect(nextEscalationDue(ackEarly)?.dueAt).toBe(monday10 + 4 * H);
  });
  it('out of hours it goes straight to on-call (default rule)', () => {
    const night = utc('2026-11-02T21:00:00Z');
    expect(nextEscalationDue(input({}, { createdAt: night }))).toEqual({
      dueAt: night,
      reason: 'out_of_hours',
    });
    expect(escalationNow(input({}, { createdAt: night }), night)).toEqual({
      to: 'oncall',
      reason: 'out_of_hours',
    });
  });
  it('raised late in the day, it reaches on-call at closing time', () => {
    const late = utc('2026-11-02T15:00:00Z'); // 16:00 Berlin
    expect(nextEscalationDue(input({}, { createdAt: late }))?.dueAt).toBe(utc('2026-11-02T16:00:00Z'));
  });
  it('with "wait for clinic hours" the night does not count', () => {
    const night = utc('2026-11-02T21:00:00Z');
    const waiting = input(
      {},
      { createdAt: night, settings: settings({ outOfHours: 'wait_for_clinic_hours' }) },
    );
    expect(nextEscalationDue(waiting)?.dueAt).toBe(utc('2026-11-03T12:00:00Z'));
  });
  it('a follow-up that comes due escalates at once, once', () => {
    const due = monday10 + 2 * H;
    expect(nextEscalationDue(input({ phase: 'follow_up_due', followUpDueAt: due }))).toEqual({
      dueAt: due,
      reason: 'follow_up_overdue',
    });
    const done = input({ phase: 'follow_up_due', followUpDueAt: due, escalations: 1, lastEscalatedAt: due });
    expect(nextEscalationDue(done)?.reason).toBe('not_resolved');
  });
  it('a resolved alert never escalates', () => {
    expect(nextEscalationDue(input({ phase: 'resolved' }))).toBeNull();
  });
  it('when nobody is left in the chain, nobody is named', () => {
    expect(escalationNow(input({}, { alreadyOn: ['cm', 'oncall', 'lead'] }), monday10 + 5 * H)).toEqual({
      to: null,
      reason: 'not_resolved',
    });
  });
});
