import { describe, expect, it } from 'vitest';
import { intendedChanges } from './patient-view.js';
import { planContentSchema } from './schemas.js';

const snapshot = (name: string, status: 'active' | 'stopped' = 'active') => ({
  name,
  takenOn: '2026-11-02',
  dose: '50 mg',
  schedule: '08:00 every day',
  steps: '',
  endDate: null,
  status,
  recordVersion: 1,
  recordUpdatedAt: 1,
});

describe('intendedChanges (the patient’s words for the plan’s medication changes)', () => {
  it.each([
    ['continue needs no line', [{ medicationId: 'a', snapshot: snapshot('Sertraline') }], [], []],
    [
      'a dose change with its note',
      [
        {
          medicationId: 'a',
          intent: 'change_dose',
          note: 'up to 100 mg at week 4',
          snapshot: snapshot('Sertraline'),
        },
      ],
      [],
      ['We plan to change the dose of Sertraline: up to 100 mg at week 4'],
    ],
    [
      'a stop without a note',
      [{ medicationId: 'a', intent: 'stop', snapshot: snapshot('Trazodone') }],
      [],
      ['We plan to stop Trazodone.'],
    ],
    [
      'a record already stopped is not "planned"',
      [{ medicationId: 'a', intent: 'stop', snapshot: snapshot('Quetiapine', 'stopped') }],
      [],
      [],
    ],
    ['a link never snapshotted is left out', [{ medicationId: 'a', intent: 'stop' }], [], []],
    [
      'a medication to start',
      [],
      [{ id: 's1', name: 'Bupropion XL', note: '150 mg each morning' }],
      ['We plan to start Bupropion XL: 150 mg each morning'],
    ],
  ])('%s', (_name, linked, toStart, expected) => {
    expect(intendedChanges(planContentSchema.parse({ medication: { linked, toStart } }))).toEqual(expected);
  });
});
