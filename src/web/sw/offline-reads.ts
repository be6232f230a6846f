// Issue 17 (offline): which API answers the patient's phone keeps for reading offline, and the headers the
// page and the service worker use to speak about them. Pure: no I/O; the worker and the page both use it.

/** Sent by the page on a GET when the signed-in person is a patient: the worker may keep the answer. */
export const OFFLINE_READ_HEADER = 'x-duet-offline-read';
/** On an answer served from the phone's cache: when it was saved (epoch milliseconds). */
export const SAVED_AT_HEADER = 'x-duet-saved-at';
/** The Cache Storage cache that holds the kept answers (deleted on sign-in, sign-out and a 401). */
export const OFFLINE_READS_CACHE = 'duet-offline-reads';
/** The message a page posts to the worker to drop every kept answer (sign-out). */
export const FORGET_MESSAGE = 'duet:forget-offline-data';

/**
 * What Today, "My medicines", the safety plan, the crisis numbers and the patient's forms read, after
 * `/api/patients/<id>` (query strings are part of the cached key). Nothing of a clinician's chart.
 */
const PATIENT_READS: readonly string[] = [
  '', // the patient's own overview (name on Today)
  '/doses/today',
  '/supplies',
  '/dose-reminders',
  '/calendar-feed',
  '/adherence',
  '/safety-plan',
  '/plan/patient-view',
  '/crisis-resources',
  '/measures',
  '/measures/due',
  '/side-effects',
  '/side-effects/form',
  '/medication-safety',
  '/appointments',
  '/agenda-items',
  '/session-feedback',
  '/conversations',
  '/practice',
  '/practice/entries',
];

/** Who is signed in: kept for everyone (no clinical data), so the app opens offline. */
export const SESSION_PATH = '/api/auth/session';

const OTHER_READS: readonly string[] = [SESSION_PATH, '/api/instruments'];

const PATIENT_PATH = /^\/api\/patients\/[^/]+(\/.*)?$/;

/** True when the GET of `pathname` (no query string) may be kept on the phone for reading offline. */
export function isOfflineRead(pathname: string): boolean {
  if (OTHER_READS.includes(pathname)) return true;
  const match = PATIENT_PATH.exec(pathname);
  if (!match) return false;
  return PATIENT_READS.includes(match[1] ?? '');
}

/**
 * A request that may start or end a session (sign-in, sign-out, two-factor, password, invite acceptance):
 * the kept answers of whoever was signed in before are dropped before it is sent.
 */
export function endsOfflineData(method: string, pathname: string): boolean {
  if (method !== 'POST') return false;
  return pathname.startsWith('/api/auth/') || /^\/api\/invites\/[^/]+\/accept$/.test(pathname);
}
