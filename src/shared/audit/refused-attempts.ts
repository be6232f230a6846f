/**
 * Repeated refused attempts by one account (issue 13, V4). Product policy, not a clinical rule: a clinician
 * who opens the wrong record by mistake is refused once or twice; ten refusals within ten minutes is a script,
 * a stolen account or someone searching for a person, and the clinic's admins should know. One alert per
 * burst: refusals keep extending the burst they belong to until the account has been quiet for an hour.
 */
export const REFUSED_ATTEMPTS_THRESHOLD = 10;
export const REFUSED_ATTEMPTS_WINDOW_MS = 10 * 60_000;
export const REFUSED_ATTEMPTS_QUIET_MS = 60 * 60_000;

export type RefusalDecision = 'below_threshold' | 'same_burst' | 'new_burst';

/**
 * What one more refusal means: `refusalsInWindow` counts this account's refusals in the window ending now (this
 * one included); `lastBurstRefusalAt` is the last refusal of the account's latest burst (null: none yet).
 */
export function decideRefusal(
  refusalsInWindow: number,
  lastBurstRefusalAt: number | null,
  now: number,
): RefusalDecision {
  if (lastBurstRefusalAt !== null && now - lastBurstRefusalAt <= REFUSED_ATTEMPTS_QUIET_MS)
    return 'same_burst';
  return refusalsInWindow >= REFUSED_ATTEMPTS_THRESHOLD ? 'new_burst' : 'below_threshold';
}
