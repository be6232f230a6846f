import { addDays, daysBetween } from '../time/index.js';
import { expandScheduledDoses, periodInEffect, type Regimen } from '../medications/schedule.js';

/**
 * Refill forecast (issue 4): when a counted supply runs out, from the prescribed schedule — titration and
 * taper steps included, pauses use nothing. It assumes every scheduled dose is taken (the safe side: a
 * skipped dose only makes the supply last longer). As-needed medications are forecast at their maximum per
 * day, so the date is the earliest they could run out.
 */
export interface SupplyCount {
  /** Units on hand when counted (tablets, capsules, mL, or doses). */
  quantity: number;
  /** Amount of the dose unit in one supply unit (50 for a 50 mg tablet); null: one unit per dose. */
  unitStrength: number | null;
  /** The local day it was counted; that day's doses come out of it. */
  countedOn: string;
}

export interface RefillOutlook {
  /** Units left at the start of `today` (before today's doses). */
  unitsLeftToday: number;
  /** First day the supply cannot fully cover; null when it lasts past the horizon or nothing is due. */
  runsOutOn: string | null;
  /** Days from today to runsOutOn (0 = today); null with runsOutOn null. */
  daysLeft: number | null;
  basis: 'schedule' | 'as_needed_max' | 'no_doses';
}

/** Remind this many days before the supply runs out (issue 4: "reminds the patient 7 days before"). */
export const REFILL_REMINDER_DAYS = 7;
/** How far ahead a forecast looks. */
export const FORECAST_HORIZON_DAYS = 400;
// Half tablets and mL make fractions; compare with a little slack so 0.1 + 0.2 counts as 0.3.
const EPSILON = 1e-9;

/** Supply units one dose uses. */
export function unitsPerDose(doseAmount: number, unitStrength: number | null): number {
  return unitStrength === null ? 1 : doseAmount / unitStrength;
}

export function forecastRefill(
  regimen: Regimen,
  supply: SupplyCount,
  today: string,
  timeZone: string,
  horizonDays = FORECAST_HORIZON_DAYS,
): RefillOutlook {
  const from = supply.countedOn;
  const to = addDays(today > from ? today : from, horizonDays);
  const need = new Map<string, number>();
  for (const dose of expandScheduledDoses(regimen, from, to, timeZone)) {
    const units = unitsPerDose(dose.doseAmount, supply.unitStrength);
    need.set(dose.localDate, (need.get(dose.localDate) ?? 0) + units);
  }
  let asNeeded = false;
  let anything = false;
  let left = supply.quantity;
  let unitsLeftToday = today <= from ? supply.quantity : Number.NaN;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (d === today) unitsLeftToday = Math.max(0, left);
    let dayNeed = need.get(d) ?? 0;
    const period = periodInEffect(regimen, d);
    if (period && !period.paused && period.schedule.kind === 'as_needed') {
      asNeeded = true;
      dayNeed += period.schedule.maxPerDay * unitsPerDose(period.doseAmount, supply.unitStrength);
    }
    if (dayNeed <= 0) continue;
    anything = true;
    if (left + EPSILON < dayNeed) {
      const basis = asNeeded ? 'as_needed_max' : 'schedule';
      const runsOutOn = d;
      if (Number.isNaN(unitsLeftToday)) unitsLeftToday = 0;
      return {
        unitsLeftToday: round(unitsLeftToday),
        runsOutOn,
        daysLeft: daysBetween(today, runsOutOn),
        basis,
      };
    }
    left -= dayNeed;
  }
  if (Number.isNaN(unitsLeftToday)) unitsLeftToday = Math.max(0, left);
  return {
    unitsLeftToday: round(unitsLeftToday),
    runsOutOn: null,
    daysLeft: null,
    basis: anything ? (asNeeded ? 'as_needed_max' : 'schedule') : 'no_doses',
  };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** The in-app "running low" flag and the reminder's trigger: runs out within 7 days (or already has). */
export function isLowSupply(outlook: RefillOutlook): boolean {
  return outlook.daysLeft !== null && outlook.daysLeft <= REFILL_REMINDER_DAYS;
}
