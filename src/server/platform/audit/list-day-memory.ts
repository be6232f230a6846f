/**
 * The (patient, actor, UTC day) pairs of the day index (migration 054) that this process knows are committed,
 * so a clinician re-reading the same caseload the same day writes no index row. Bounded: only the current day is
 * kept (the memory is dropped when the day changes) and at most `maxPairs` pairs (dropped whole when full; the
 * index insert ignores a row already there, so forgetting costs a few rows, never a wrong answer). A pair is
 * remembered only once its transaction has committed (audit.ts): a rolled-back pair is written again next time.
 */
export interface ListDayMemory {
  /** Of `patientIds`, those not known to be in the day index for (clinic, actor, day). */
  unknown(clinicId: string, actorId: string, day: number, patientIds: readonly string[]): readonly string[];
  /** After the commit: these pairs are in the day index. */
  remember(clinicId: string, actorId: string, day: number, patientIds: readonly string[]): void;
  /** How many pairs are remembered (for tests). */
  readonly size: number;
}

export const LIST_DAY_MEMORY_MAX_PAIRS = 200_000;

export function createListDayMemory(maxPairs = LIST_DAY_MEMORY_MAX_PAIRS): ListDayMemory {
  let currentDay: number | null = null;
  let byKey = new Map<string, Set<string>>();
  let pairs = 0;
  const keyOf = (clinicId: string, actorId: string) => `${clinicId}\u0000${actorId}`;
  return {
    unknown(clinicId, actorId, day, patientIds) {
      const known = day === currentDay ? byKey.get(keyOf(clinicId, actorId)) : undefined;
      if (!known) return patientIds;
      return patientIds.filter((p) => !known.has(p));
    },
    remember(clinicId, actorId, day, patientIds) {
      if (currentDay !== null && day < currentDay) return; // a late commit of the day before: not kept
      if (day !== currentDay || pairs + patientIds.length > maxPairs) {
        byKey = new Map();
        pairs = 0;
        currentDay = day;
      }
      if (patientIds.length > maxPairs) return;
      const key = keyOf(clinicId, actorId);
      let known = byKey.get(key);
      if (!known) byKey.set(key, (known = new Set()));
      for (const p of patientIds)
        if (!known.has(p)) {
          known.add(p);
          pairs++;
        }
    },
    get size() {
      return pairs;
    },
  };
}
