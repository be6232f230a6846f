/**
 * The in-app reminder: a dose not yet logged is "due now" from 30 minutes before its time until 2 hours
 * after it, so Today can lead with it. Later it stays on Today as due, without the highlight.
 */
export const DUE_NOW_BEFORE_MS = 30 * 60_000;
export const DUE_NOW_AFTER_MS = 2 * 3_600_000;

export function isDueNow(dueAt: number, now: number): boolean {
  return now >= dueAt - DUE_NOW_BEFORE_MS && now <= dueAt + DUE_NOW_AFTER_MS;
}

/**
 * Today lists at most this many logs of one as-needed medication, the latest ones (product policy, issue 19:
 * every list is bounded; docs/api.md "List limits"). `countToday` still counts every dose taken that day, and
 * `hasMoreLogs` says when earlier ones are not listed, so nothing is cut silently.
 */
export const TODAY_AS_NEEDED_LOGS_MAX = 50;
