import { periodInEffect, type DosePeriod, type Regimen } from '../medications/schedule.js';

const dose = (p: DosePeriod): string => `${String(p.doseAmount)} ${p.doseUnit}`;

/**
 * The case-review list's medication cells (care-rules.md, "Registry fields seen in practice: medications and
 * changes"): what the patient takes on their `today`, and the latest start, dose change, pause or stop up to
 * that day. Pure: the regimens come from the medications feature.
 */
export function medicationSummary(
  regimens: readonly Regimen[],
  today: string,
): { medications: string[]; lastChange: { day: string; summary: string } | null } {
  const medications: string[] = [];
  let lastChange: { day: string; summary: string } | null = null;
  const consider = (day: string, summary: string) => {
    if (day <= today && (lastChange === null || day >= lastChange.day)) lastChange = { day, summary };
  };
  for (const r of regimens) {
    const now = periodInEffect(r, today);
    if (now) medications.push(`${r.displayName} ${dose(now)}${now.paused ? ' (paused)' : ''}`);
    r.periods.forEach((p, i) => {
      const before = r.periods[i - 1];
      if (!before) consider(p.from, `${r.displayName} started at ${dose(p)}`);
      else if (p.paused && !before.paused) consider(p.from, `${r.displayName} paused`);
      else if (!p.paused && before.paused) consider(p.from, `${r.displayName} resumed at ${dose(p)}`);
      else if (dose(p) !== dose(before)) consider(p.from, `${r.displayName} ${dose(before)} → ${dose(p)}`);
      else consider(p.from, `${r.displayName} schedule changed`);
    });
    if (r.endDate !== null && r.endDate < today) consider(r.endDate, `${r.displayName} stopped`);
  }
  return { medications, lastChange };
}
