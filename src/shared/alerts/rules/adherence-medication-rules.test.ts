import { describe, expect, it } from 'vitest';
import type { DomainEvent, EventPayload, EventType } from '../events.js';
import { adherenceMedicationLow } from './adherence-medication-low.js';
import { adherenceCriticalGap } from './adherence-critical-gap.js';
import { doseAsNeededAboveMax } from './dose-as-needed-above-max.js';
import { alertRules } from './index.js';

const event = <T extends EventType>(type: T, payload: EventPayload<T>): DomainEvent<T> => ({
  id: 'ev1',
  clinicId: 'c1',
  patientId: 'p1',
  createdAt: 0,
  type,
  payload,
});

describe('per-medication adherence and as-needed rules (issue 11)', () => {
  it.each([adherenceMedicationLow, adherenceCriticalGap, doseAsNeededAboveMax])(
    '%o is registered once',
    (rule) => expect(alertRules.filter((r) => r === rule)).toHaveLength(1),
  );

  it.each([
    [0, 14, 'Lithium: 0% of doses taken over 14 days'],
    [11, 14, 'Lithium: 78% of doses taken over 14 days'],
  ])('medication low: %i of %i → high to prescriber and therapist, naming it', (taken, scheduled, title) => {
    const specs = adherenceMedicationLow.evaluate(
      event('adherence.medication_low', {
        medicationId: 'm1',
        medicationName: 'Lithium',
        windowDays: 14,
        taken,
        scheduled,
        thresholdPercent: 80,
      }),
    );
    expect(specs).toEqual([
      expect.objectContaining({
        type: 'adherence_medication_low',
        severity: 'high',
        title,
        routeToRoles: ['prescriber', 'therapist'],
        subjectId: 'm1',
      }),
    ]);
    expect(specs[0]?.details).toContain(`${String(taken)} of ${String(scheduled)}`);
    expect(specs[0]?.details).not.toMatch(/PDC/);
  });

  it('critical gap → high to the prescriber, one per run', () => {
    expect(
      adherenceCriticalGap.evaluate(
        event('adherence.critical_gap', {
          medicationId: 'm1',
          medicationName: 'Clozaril',
          kind: 'clozapine',
          days: 3,
          firstDay: '2026-03-17',
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        type: 'adherence_critical_gap',
        severity: 'high',
        title: 'Clozaril: not taken for 3 days',
        routeToRoles: ['prescriber'],
        subjectId: 'm1:2026-03-17',
      }),
    ]);
  });

  it('as needed above the maximum → high to the prescriber for that day', () => {
    const [spec, ...rest] = doseAsNeededAboveMax.evaluate(
      event('dose.as_needed_above_max', {
        medicationId: 'm2',
        medicationName: 'Lorazepam',
        localDate: '2026-03-20',
        count: 3,
        maxPerDay: 2,
      }),
    );
    expect(rest).toEqual([]);
    expect(spec).toMatchObject({
      type: 'as_needed_above_max',
      severity: 'high',
      title: 'Lorazepam: 3 as-needed doses on 2026-03-20 (max 2)',
      routeToRoles: ['prescriber'],
      subjectId: 'm2:2026-03-20',
    });
  });
});
