import { describe, expect, it } from 'vitest';
import type { DomainEvent, EventPayload, EventType } from '../events.js';
import { adherenceLow } from './adherence-low.js';
import { adherenceMissedStreak } from './adherence-missed-streak.js';
import { alertRules } from './index.js';

const event = <T extends EventType>(type: T, payload: EventPayload<T>): DomainEvent<T> => ({
  id: 'ev1',
  clinicId: 'c1',
  patientId: 'p1',
  createdAt: 0,
  type,
  payload,
});

describe('adherence rules', () => {
  it.each([adherenceLow, adherenceMissedStreak])('%o is registered', (rule) =>
    expect(alertRules).toContain(rule),
  );

  it.each([
    [11, 14, 'Adherence 78% over 14 days'],
    [0, 10, 'Adherence 0% over 14 days'],
  ])('low: %i of %i → high to prescriber and therapist', (taken, scheduled, title) => {
    const [spec, ...rest] = adherenceLow.evaluate(
      event('adherence.low', { windowDays: 14, taken, scheduled, thresholdPercent: 80 }),
    );
    expect(rest).toEqual([]);
    expect(spec).toMatchObject({ type: 'adherence_low', severity: 'high', title });
    expect(spec?.routeToRoles).toEqual(['prescriber', 'therapist']);
    expect(spec?.details).toContain(`${String(taken)} of ${String(scheduled)}`);
  });

  it('missed streak → routine to the prescriber, subject = first missed dose', () => {
    const specs = adherenceMissedStreak.evaluate(
      event('adherence.missed_streak', {
        medicationId: 'm1',
        medicationName: 'Lamotrigine',
        missedInARow: 3,
        firstMissedDoseKey: 'm1:2026-03-01:08:00',
        firstMissedDay: '2026-03-01',
      }),
    );
    expect(specs).toEqual([
      expect.objectContaining({
        type: 'adherence_missed_streak',
        severity: 'routine',
        title: 'Lamotrigine: 3 doses missed in a row',
        routeToRoles: ['prescriber'],
        subjectId: 'm1:2026-03-01:08:00',
      }),
    ]);
  });
});
