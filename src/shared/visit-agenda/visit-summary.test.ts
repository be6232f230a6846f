import { describe, expect, it } from 'vitest';
import { adherenceOver, otherClinicianEntries, sinceOf, type PastAppointment } from './visit-summary.js';

const DAY = 86_400_000;
const visit = (id: string, clinicianId: string, daysAgo: number, status: string): PastAppointment => ({
  id,
  clinicianId,
  day: `2026-10-${String(30 - daysAgo).padStart(2, '0')}`,
  startsAt: 1_800_000_000_000 - daysAgo * DAY,
  status,
});

describe('since last visit', () => {
  const now = { id: 'now', clinicianId: 'doc', startsAt: 1_800_000_000_000 };
  it.each([
    [
      'the last attended visit with the same clinician',
      [visit('a', 'doc', 20, 'attended'), visit('b', 'doc', 10, 'attended')],
      'b',
    ],
    [
      'not a no-show or a cancelled one',
      [visit('a', 'doc', 20, 'attended'), visit('b', 'doc', 10, 'no_show')],
      'a',
    ],
    [
      'not the other clinician’s',
      [visit('a', 'doc', 20, 'attended'), visit('b', 'other', 5, 'attended')],
      'a',
    ],
    ['not a later one', [visit('a', 'doc', 20, 'attended'), visit('c', 'doc', -3, 'attended')], 'a'],
  ] as const)('%s', (_name, history, expected) => {
    expect(sinceOf(now, history, '2026-01-01').appointmentId).toBe(expected);
  });

  it('with no attended visit, the treatment start', () => {
    expect(sinceOf(now, [visit('b', 'doc', 10, 'cancelled')], '2026-01-05')).toEqual({
      day: '2026-01-05',
      basis: 'treatment_start',
      appointmentId: null,
    });
  });
});

describe('the summary’s numbers and the other clinician', () => {
  it('adds the weeks up (percent rounded down, null with nothing scheduled)', () => {
    expect(
      adherenceOver([
        { taken: 6, scheduled: 7 },
        { taken: 7, scheduled: 7 },
      ]),
    ).toEqual({
      taken: 13,
      scheduled: 14,
      percent: 92,
    });
    expect(adherenceOver([]).percent).toBeNull();
  });

  const records = {
    sessions: [
      { day: '2026-10-03', type: 'therapy_session', status: 'attended' },
      { day: '2026-10-01', type: 'medication_review', status: 'attended' },
    ],
    changes: [
      {
        day: '2026-10-02',
        medicationName: 'Bupropion',
        summary: '150 mg → 300 mg',
        reason: 'Partial response',
      },
    ],
    plan: [{ day: '2026-10-04', label: 'Version 2 (agreed)' }],
  };
  it('a therapist sees the prescriber’s reviews and dose changes', () => {
    expect(otherClinicianEntries('therapy_session', records)).toEqual({
      role: 'prescriber',
      entries: [
        { day: '2026-10-01', what: 'Medication review attended' },
        { day: '2026-10-02', what: 'Bupropion: 150 mg → 300 mg (Partial response)' },
      ],
    });
  });
  it('a prescriber sees the therapy sessions and plan changes', () => {
    expect(otherClinicianEntries('medication_review', records)).toEqual({
      role: 'therapist',
      entries: [
        { day: '2026-10-03', what: 'Therapy session attended' },
        { day: '2026-10-04', what: 'Treatment plan: Version 2 (agreed)' },
      ],
    });
  });
});
