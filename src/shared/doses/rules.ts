/**
 * Rules of the patient's dose log (issue 4), pure so the server and the phone agree.
 * - A log can be corrected for 48 hours after it was first logged; after that it is history.
 * - A log made more than 48 hours after the dose was due (or, as needed, after it was taken) is a
 *   late entry: it still counts, but the team can see it was remembered later, not recorded at the time.
 */
export const HOUR_MS = 3_600_000;
export const CORRECTION_WINDOW_MS = 48 * HOUR_MS;
export const LATE_ENTRY_AFTER_MS = 48 * HOUR_MS;
/** A phone's clock may run a little ahead of the server's: "taken at" up to 5 minutes ahead is now. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export const skipReasons = ['forgot', 'side_effects', 'ran_out', 'felt_better', 'other'] as const;
export type SkipReason = (typeof skipReasons)[number];

export const skipReasonLabels: Record<SkipReason, string> = {
  forgot: 'I forgot',
  side_effects: 'Side effects',
  ran_out: 'I ran out',
  felt_better: 'I felt better',
  other: 'Something else',
};

/** True while a log made at `createdAt` may still be corrected. */
export function canCorrect(createdAt: number, now: number): boolean {
  return now - createdAt <= CORRECTION_WINDOW_MS;
}

/** The moment a log stops being correctable. */
export const correctableUntil = (createdAt: number): number => createdAt + CORRECTION_WINDOW_MS;

/**
 * A log is a late entry when it was made more than 48 h after the moment it is about: the due time of a
 * scheduled dose, or the time an as-needed dose was taken.
 */
export function isLateEntry(loggedAt: number, aboutAt: number): boolean {
  return loggedAt - aboutAt > LATE_ENTRY_AFTER_MS;
}

export interface ParsedDoseKey {
  medicationId: string;
  localDate: string;
  localTime: string;
  /** 2 for the second dose at a wall time shown twice when the clocks go back (key suffix `~2`). */
  occurrence: 1 | 2;
}

/** Reads `${medicationId}:${localDate}:${localTime}` with an optional `~2` (the id itself has no colons). */
export function parseDoseKey(doseKey: string): ParsedDoseKey | null {
  const m = /^([^:]+):(\d{4}-\d{2}-\d{2}):(\d{2}:\d{2})(~2)?$/.exec(doseKey);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { medicationId: m[1], localDate: m[2], localTime: m[3], occurrence: m[4] ? 2 : 1 };
}
