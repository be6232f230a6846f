import { isApiError } from './api-client';

/** Most attempts after the first for a request that failed for a passing reason. */
export const MAX_RETRIES = 2;

/**
 * Whether a failed request is worth sending again: only when Duet could not be reached or failed on its
 * side (5xx), at most twice. A refusal (4xx: not valid, not found, not allowed, stale) gives the same answer
 * every time, so it is shown at once instead of after two more round trips.
 */
export function retryTransient(failureCount: number, error: Error): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isApiError(error)) return false;
  return error.code === 'network' || error.status >= 500;
}
