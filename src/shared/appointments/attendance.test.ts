import { instantAt } from '../time/index.js';
import { describe, expect, it } from 'vitest';
import { attendanceOverTime, isLateCancellation, type AttendanceFact } from './attendance.js';
import { noShowAlertDue, noShowStreak, type MarkedAppointment } from './no-shows.js';

const zone = 'America/New_York';
const at = (day: string, time = '10:00') => instantAt(day, time, zone);
const now = at('2026-11-02', '12:00');
const fact = (day: string, status: AttendanceFact['status'], extra: Partial<AttendanceFact> = {}) => ({
  startsAt: at(day),
  status,
  cancelledBy: null,
  cancelledLate: null,
  ...extra,
});

describe('attendanceOverTime', () => {
  it('counts attended, no-shows and late patient cancellations; months in the patient zone', () => {
    const result = attendanceOverTime(
      [
        fact('2026-06-01', 'attended'), // older than 90 days
        fact('2026-08-31', 'no_show'),
        fact('2026-09-07', 'attended'),
        fact('2026-09-14', 'cancelled', { cancelledBy: 'patient', cancelledLate: true }),
        fact('2026-09-21', 'cancelled', { cancelledBy: 'patient', cancelledLate: false }),
        fact('2026-09-28', 'cancelled', { cancelledBy: 'clinician', cancelledLate: true }),
        fact('2026-10-05', 'attended'),
        fact('2026-10-12', 'scheduled'), // past, unmarked
        fact('2026-11-09', 'scheduled'), // future
      ],
      now,
      zone,
    );
    expect(result.last90Days).toEqual({ attended: 2, noShow: 1, lateCancelled: 1, rate: 0.5 });
    expect(result.months.map((m) => [m.month, m.rate])).toEqual([
      ['2026-06', 1],
      ['2026-08', 0],
      ['2026-09', 0.5],
      ['2026-10', 1],
    ]);
    expect(result.unmarked).toBe(1);
  });

  it('a 23:30 session on the last day of a month belongs to that month in the patient zone', () => {
    const late = {
      startsAt: instantAt('2026-09-30', '23:30', zone),
      status: 'attended' as const,
      cancelledBy: null,
      cancelledLate: null,
    };
    expect(attendanceOverTime([late], now, zone).months.map((m) => m.month)).toEqual(['2026-09']);
  });

  it('nothing counted: no rate', () => {
    expect(attendanceOverTime([], now, zone).last90Days.rate).toBeNull();
  });
});

describe('isLateCancellation (default notice 24 h)', () => {
  it.each([
    { hoursBefore: 30, late: false },
    { hoursBefore: 24, late: false },
    { hoursBefore: 23.9, late: true },
    { hoursBefore: -1, late: true },
  ])('$hoursBefore h before: late=$late', ({ hoursBefore, late }) => {
    expect(isLateCancellation(now + hoursBefore * 3_600_000, now, 24)).toBe(late);
  });
});

const m = (id: string, day: string, status: MarkedAppointment['status']): MarkedAppointment => ({
  id,
  startsAt: at(day),
  status,
});

describe('no-shows in a row', () => {
  it.each([
    {
      name: 'two in a row',
      history: [m('a', '2026-10-01', 'no_show'), m('b', '2026-10-08', 'no_show')],
      marked: 'b',
      due: true,
    },
    {
      name: 'no-show, attended, no-show',
      history: [
        m('a', '2026-10-01', 'no_show'),
        m('b', '2026-10-08', 'attended'),
        m('c', '2026-10-15', 'no_show'),
      ],
      marked: 'c',
      due: false,
    },
    {
      name: 'a cancellation between two no-shows does not break the run',
      history: [
        m('a', '2026-10-01', 'no_show'),
        m('b', '2026-10-08', 'cancelled'),
        m('c', '2026-10-15', 'no_show'),
      ],
      marked: 'c',
      due: true,
    },
    {
      name: 'marking an older no-show next to the newest one completes the run',
      history: [
        m('a', '2026-10-01', 'attended'),
        m('b', '2026-10-08', 'no_show'),
        m('c', '2026-10-15', 'no_show'),
      ],
      marked: 'b',
      due: true,
    },
    {
      name: 'an old run behind a newer attended session is not news',
      history: [
        m('a', '2026-10-01', 'no_show'),
        m('b', '2026-10-08', 'no_show'),
        m('c', '2026-10-15', 'attended'),
      ],
      marked: 'a',
      due: false,
    },
    { name: 'one no-show', history: [m('a', '2026-10-01', 'no_show')], marked: 'a', due: false },
  ])('$name → alert: $due', ({ history, marked, due }) => {
    expect(noShowAlertDue(history, marked, 2).due).toBe(due);
  });

  it('a clinic threshold of 3 waits for the third', () => {
    const history = [m('a', '2026-10-01', 'no_show'), m('b', '2026-10-08', 'no_show')];
    expect(noShowAlertDue(history, 'b', 3).due).toBe(false);
    expect(noShowStreak([...history, m('c', '2026-10-15', 'no_show')])).toHaveLength(3);
  });
});
