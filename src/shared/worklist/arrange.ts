import { severityRank } from '../alerts/alert.js';
import type { WorklistRow } from './schemas.js';

/** Sorts of the worklist (issue 15); urgency is the default. */
export const worklistSorts = ['urgency', 'name', 'nextAppointment', 'phq9'] as const;
export type WorklistSort = (typeof worklistSorts)[number];

/** Filters; every one chosen must hold (they narrow together). */
export interface WorklistFilter {
  /** Only patients on whose team the viewer holds this role. */
  role?: string | null;
  hasAlerts?: boolean;
  /** Only patients the viewer has an appointment with today (not cancelled). */
  seenToday?: boolean;
  /** Only patients whose registry status is "not improving" or "worsening". */
  notImproving?: boolean;
}

const NOT_IMPROVING: readonly string[] = ['not_improving', 'worsening'];

function byName(a: WorklistRow, b: WorklistRow): number {
  return (
    a.familyName.localeCompare(b.familyName) ||
    a.givenName.localeCompare(b.givenName) ||
    a.patientId.localeCompare(b.patientId)
  );
}

/** Nulls last. */
function nullsLast(a: number | null, b: number | null, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return (a - b) * dir;
}

const severe = (r: WorklistRow) =>
  r.openAlerts.mostSevere === null ? 3 : severityRank[r.openAlerts.mostSevere];

const compare: Record<WorklistSort, (a: WorklistRow, b: WorklistRow) => number> = {
  // The registry's attention tier first, then the most severe open alert, then how many, then unread messages.
  urgency: (a, b) =>
    a.attentionTier - b.attentionTier ||
    severe(a) - severe(b) ||
    b.openAlerts.total - a.openAlerts.total ||
    b.unreadMessages - a.unreadMessages ||
    byName(a, b),
  name: byName,
  // Soonest first; no appointment last.
  nextAppointment: (a, b) =>
    nullsLast(a.nextAppointment?.startsAt ?? null, b.nextAppointment?.startsAt ?? null, 1) || byName(a, b),
  // Highest latest PHQ-9 first; never answered last.
  phq9: (a, b) => nullsLast(a.phq9?.latest ?? null, b.phq9?.latest ?? null, -1) || byName(a, b),
};

export function matchesWorklistFilter(row: WorklistRow, filter: WorklistFilter): boolean {
  if (filter.role && !row.myRoles.includes(filter.role)) return false;
  if (filter.hasAlerts && row.openAlerts.total === 0) return false;
  if (filter.seenToday && row.today.length === 0) return false;
  if (filter.notImproving && !NOT_IMPROVING.includes(row.status)) return false;
  return true;
}

/** Filters and sorts the rows; pure, a new array (the rows given are left as they are). */
export function arrangeWorklist(
  rows: readonly WorklistRow[],
  sort: WorklistSort,
  filter: WorklistFilter = {},
): WorklistRow[] {
  return rows.filter((r) => matchesWorklistFilter(r, filter)).sort(compare[sort]);
}

/** The "Today" view: the viewer's appointments today, in time order, each with its patient. */
export function todaysVisits(rows: readonly WorklistRow[]) {
  return rows
    .flatMap((row) => row.today.map((appointment) => ({ row, appointment })))
    .sort((a, b) => a.appointment.startsAt - b.appointment.startsAt || byName(a.row, b.row));
}

/** The direction of a latest total against the one before it. */
export function trendOf(latest: number, previous: number | null): 'up' | 'down' | 'same' | null {
  if (previous === null) return null;
  return latest > previous ? 'up' : latest < previous ? 'down' : 'same';
}

/** The most severe open alert's severity, from counts. */
export function mostSevereOf(counts: { urgent: number; high: number; routine: number }) {
  if (counts.urgent > 0) return 'urgent' as const;
  if (counts.high > 0) return 'high' as const;
  if (counts.routine > 0) return 'routine' as const;
  return null;
}
