import { describe, expect, it } from 'vitest';
import { arrangeWorklist, mostSevereOf, todaysVisits, trendOf } from './arrange.js';
import type { WorklistAppointment, WorklistRow } from './schemas.js';

const appt = (id: string, startsAt: number): WorklistAppointment => ({
  id,
  startsAt,
  endsAt: startsAt + 3_000_000,
  timeZone: 'UTC',
  type: 'therapy_session',
  mode: 'video',
  status: 'scheduled',
  clinicianId: 'u',
  clinicianName: 'Tess',
});

function row(familyName: string, r: Partial<WorklistRow> = {}): WorklistRow {
  return {
    patientId: familyName.toLowerCase(),
    givenName: 'A',
    familyName,
    patientTimeZone: 'UTC',
    myRoles: ['therapist'],
    nextAppointment: null,
    today: [],
    phq9: null,
    gad7: null,
    status: 'response',
    flags: [],
    adherence: null,
    openAlerts: { urgent: 0, high: 0, routine: 0, total: 0, mostSevere: null },
    unreadMessages: 0,
    practiceToReview: 0,
    attentionTier: 8,
    vacancies: [],
    ...r,
  };
}
const score = (latest: number) => ({ latest, latestDay: '2026-11-01', previous: null, direction: null });
const alerts = (urgent: number, high: number, routine: number) => ({
  urgent,
  high,
  routine,
  total: urgent + high + routine,
  mostSevere: mostSevereOf({ urgent, high, routine }),
});

const rows: WorklistRow[] = [
  row('Cole', {
    phq9: score(12),
    nextAppointment: appt('c', 300),
    status: 'not_improving',
    attentionTier: 3,
  }),
  row('Abel', { phq9: score(20), openAlerts: alerts(0, 0, 2), attentionTier: 8, today: [appt('a', 200)] }),
  row('Beth', { openAlerts: alerts(1, 0, 0), attentionTier: 2, myRoles: ['prescriber'] }),
  row('Dora', {
    nextAppointment: appt('d', 100),
    status: 'worsening',
    attentionTier: 1,
    today: [appt('d', 100)],
  }),
  row('Eve', { openAlerts: alerts(0, 0, 1), unreadMessages: 3, attentionTier: 8 }),
];
const names = (r: WorklistRow[]) => r.map((x) => x.familyName);

describe('arrangeWorklist', () => {
  it.each([
    // Attention tier, then most severe alert, then alert count, then unread messages, then name.
    { sort: 'urgency', expected: ['Dora', 'Beth', 'Cole', 'Abel', 'Eve'] },
    { sort: 'name', expected: ['Abel', 'Beth', 'Cole', 'Dora', 'Eve'] },
    // Soonest first, none last (by name).
    { sort: 'nextAppointment', expected: ['Dora', 'Cole', 'Abel', 'Beth', 'Eve'] },
    // Highest PHQ-9 first, never answered last.
    { sort: 'phq9', expected: ['Abel', 'Cole', 'Beth', 'Dora', 'Eve'] },
  ] as const)('sorts by $sort', ({ sort, expected }) => {
    expect(names(arrangeWorklist(rows, sort))).toEqual(expected);
  });

  it.each([
    { filter: { role: 'prescriber' }, expected: ['Beth'] },
    { filter: { hasAlerts: true }, expected: ['Abel', 'Beth', 'Eve'] },
    { filter: { seenToday: true }, expected: ['Abel', 'Dora'] },
    { filter: { notImproving: true }, expected: ['Cole', 'Dora'] },
    { filter: { hasAlerts: true, seenToday: true }, expected: ['Abel'] },
    { filter: { role: null }, expected: ['Abel', 'Beth', 'Cole', 'Dora', 'Eve'] },
  ])('filters with $filter', ({ filter, expected }) => {
    expect(names(arrangeWorklist(rows, 'name', filter))).toEqual(expected);
  });

  it('leaves the given rows as they were', () => {
    const before = names(rows);
    arrangeWorklist(rows, 'name');
    expect(names(rows)).toEqual(before);
  });
});

describe('todaysVisits', () => {
  it("lists the viewer's appointments today in time order", () => {
    expect(todaysVisits(rows).map((v) => `${v.row.familyName}@${String(v.appointment.startsAt)}`)).toEqual([
      'Dora@100',
      'Abel@200',
    ]);
  });
});

describe('trendOf and mostSevereOf', () => {
  it.each([
    [9, 14, 'down'],
    [14, 9, 'up'],
    [9, 9, 'same'],
    [9, null, null],
  ] as const)('%d after %s is %s', (latest, previous, expected) => {
    expect(trendOf(latest, previous)).toBe(expected);
  });
  it.each([
    [{ urgent: 1, high: 2, routine: 3 }, 'urgent'],
    [{ urgent: 0, high: 2, routine: 3 }, 'high'],
    [{ urgent: 0, high: 0, routine: 3 }, 'routine'],
    [{ urgent: 0, high: 0, routine: 0 }, null],
  ] as const)('%o → %s', (counts, expected) => {
    expect(mostSevereOf(counts)).toBe(expected);
  });
});
