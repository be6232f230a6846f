/**
 * Collaborative-care (CoCM) minute thresholds per calendar month, as issue 15 gives them from the US codes:
 * CPT 99492 first month >= 70 min, CPT 99493 later months >= 60 min, CPT 99494 each further 30 min, HCPCS
 * G2214 30 min. Source: issue 15 (the US CPT/HCPCS collaborative-care codes); /work/shared/clinical/care-rules.md
 * ("Collaborative care / treat-to-target", AIMS Center) for the model itself. Duet reports minutes against
 * these thresholds; it does not bill, and it does not decide which code a clinic may claim.
 *
 * Product policy (issue 15 left it open): the patient's "first month" is the calendar month, in the clinic's
 * time zone, of their first care-manager contact logged in Duet; every later month is a "later month".
 */
export const cocmThresholds = {
  /** CPT 99492: first month, at least 70 minutes. */
  firstMonthMinutes: 70,
  /** CPT 99493: later months, at least 60 minutes. */
  laterMonthMinutes: 60,
  /** CPT 99494: each further 30 minutes beyond 99492 / 99493. */
  furtherMinutes: 30,
  /** HCPCS G2214: 30 minutes. */
  g2214Minutes: 30,
} as const;

export type CocmCode = 'G2214' | '99492' | '99493' | '99494';

export interface CrossedThreshold {
  code: CocmCode;
  /** The minutes at which this threshold is reached. */
  atMinutes: number;
}

export interface CocmMonth {
  minutes: number;
  firstMonth: boolean;
  /** Every threshold reached, lowest first (99494 once per further 30 minutes). */
  crossed: CrossedThreshold[];
  /** The next threshold to reach and the minutes still to go. */
  next: CrossedThreshold & { minutesToGo: number };
}

/** The thresholds a month's care-manager minutes reach (pure; minutes are whole and not negative). */
export function cocmMonth(minutes: number, firstMonth: boolean): CocmMonth {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError('minutes must be a whole number >= 0');
  const t = cocmThresholds;
  const main: CrossedThreshold = firstMonth
    ? { code: '99492', atMinutes: t.firstMonthMinutes }
    : { code: '99493', atMinutes: t.laterMonthMinutes };
  const ladder: CrossedThreshold[] = [{ code: 'G2214', atMinutes: t.g2214Minutes }, main];
  const crossed = ladder.filter((s) => minutes >= s.atMinutes);
  let further = main.atMinutes + t.furtherMinutes;
  for (; minutes >= further; further += t.furtherMinutes) crossed.push({ code: '99494', atMinutes: further });
  const upcoming = ladder.find((s) => minutes < s.atMinutes) ?? { code: '99494', atMinutes: further };
  return { minutes, firstMonth, crossed, next: { ...upcoming, minutesToGo: upcoming.atMinutes - minutes } };
}

/** "99492 (70 min), 99494 (100 min)": the crossed thresholds in words for a report cell. */
export function crossedInWords(crossed: readonly CrossedThreshold[]): string {
  return crossed.map((c) => `${c.code} (${String(c.atMinutes)} min)`).join(', ');
}
