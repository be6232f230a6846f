import type { DoseSchedule, Regimen } from './schedule.js';

// Pure: shared by the medications feature and migration 030 (which must not import a feature, issue 18).
/** Period rows → sorted DosePeriods; when two rows start the same day the later-written one wins. */
export function toPeriods(
  rows: {
    starts_on: string;
    dose_amount: number;
    dose_unit: string;
    schedule: string;
    paused: number;
    created_at: number;
    id: string;
  }[],
): Regimen['periods'] {
  const sorted = [...rows].sort((a, b) =>
    a.starts_on < b.starts_on
      ? -1
      : a.starts_on > b.starts_on
        ? 1
        : a.created_at - b.created_at || a.id.localeCompare(b.id),
  );
  const byDay = new Map<string, Regimen['periods'][number]>();
  for (const r of sorted) {
    byDay.set(r.starts_on, {
      from: r.starts_on,
      doseAmount: r.dose_amount,
      doseUnit: r.dose_unit,
      schedule: JSON.parse(r.schedule) as DoseSchedule,
      paused: r.paused === 1,
    });
  }
  return [...byDay.values()];
}
