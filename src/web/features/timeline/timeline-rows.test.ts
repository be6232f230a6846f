import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../../shared/timeline/api';
import { timelineRows } from './timeline-rows';

const empty: Timeline = {
  patientId: 'p1',
  hasMore: false,
  from: '2026-09-01',
  to: '2026-11-02',
  today: '2026-11-02',
  baselines: { phq9: 18, gad7: null },
  scores: [],
  medications: [],
  sessions: [],
  sideEffects: [],
  practice: [],
  sessionRatings: [],
  whatHelps: [],
  plan: [],
};

describe('timelineRows', () => {
  it('gives one row per mark in day order, each linked to its record page', () => {
    const rows = timelineRows({
      ...empty,
      scores: [
        { id: 's1', instrument: 'phq9', day: '2026-10-01', at: 0, total: 9, severity: 'mild', item9: 1 },
      ],
      medications: [
        {
          id: 'm1',
          name: 'Bupropion XL',
          startDate: '2026-09-01',
          endDate: null,
          status: 'active',
          periods: [],
          changes: [
            {
              id: 'c1',
              kind: 'dose_changed',
              summary: '150 mg → 300 mg',
              reason: 'Partial response',
              day: '2026-09-29',
            },
          ],
          weeks: [],
          missedStretches: [{ from: '2026-09-10', to: '2026-09-11', doses: 3 }],
        },
      ],
      sessions: [{ id: 'a1', type: 'therapy_session', day: '2026-10-05', at: 0, status: 'no_show' }],
      practice: [
        { id: 'e1', assignmentId: 'x', type: 'thought_record', day: '2026-09-20', sharing: 'therapist' },
      ],
      plan: [{ id: 'v1', kind: 'version', day: '2026-09-02', label: 'Version 1 (agreed)' }],
    });
    expect(rows.map((r) => [r.day, r.lane, r.what, r.href])).toEqual([
      ['2026-09-02', 'Plan', 'Version 1 (agreed)', '/patients/p1/plan'],
      [
        '2026-09-10',
        'Medication',
        'Bupropion XL: 3 doses missed in a row (2026-09-10 to 2026-09-11)',
        '/patients/p1/medications',
      ],
      [
        '2026-09-20',
        'Practice',
        'Thought record done (shared with the therapist only)',
        '/patients/p1/practice',
      ],
      [
        '2026-09-29',
        'Medication',
        'Bupropion XL: 150 mg → 300 mg — Partial response',
        '/patients/p1/medications',
      ],
      ['2026-10-01', 'Scores', 'PHQ-9 9 (mild), item 9 answered 1', '/patients/p1/measures'],
      ['2026-10-05', 'Sessions', 'Therapy session missed', '/patients/p1/appointments'],
    ]);
  });
  it('gives no rows for an empty timeline', () => {
    expect(timelineRows(empty)).toEqual([]);
  });
});
