import { describeAccess } from '../../../shared/audit/describe-access.js';
import type { AccessDay, AccessLine, RefusalLine } from '../../../shared/audit/access-report-schemas.js';
import { roleSchema, type Role } from '../../../shared/access/roles.js';
import type { AccessGroupRow } from './access-report.repository.js';

export interface Viewer {
  userId: string;
  perspective: 'patient' | 'team';
}

const roleOf = (r: string | null): Role => roleSchema.catch('admin').parse(r ?? 'admin');

function who(row: AccessGroupRow, viewer: Viewer): string {
  return row.actor_id === viewer.userId ? 'You' : (row.actor_name ?? 'Someone no longer in Duet');
}

/**
 * One local day of the report: a line per person, role and action for what was done, and, apart, one line per
 * person for what they were refused (whatever they tried), newest first within each.
 */
export function toAccessDay(day: string, rows: readonly AccessGroupRow[], viewer: Viewer): AccessDay {
  const reads: AccessLine[] = [];
  const refusals = new Map<string, RefusalLine>();
  for (const row of rows) {
    const actorId = row.actor_id ?? '';
    const count = Number(row.n);
    if (row.outcome === 'denied') {
      const seen = refusals.get(actorId);
      if (seen) {
        seen.count += count;
        seen.firstAt = Math.min(seen.firstAt, row.first_at);
        seen.lastAt = Math.max(seen.lastAt, row.last_at);
        continue;
      }
      refusals.set(actorId, {
        actorId,
        who: who(row, viewer),
        whoRole: roleOf(row.actor_role),
        words: describeAccess(row.action, 'denied', viewer.perspective),
        count,
        firstAt: row.first_at,
        lastAt: row.last_at,
      });
      continue;
    }
    reads.push({
      actorId,
      who: who(row, viewer),
      whoRole: roleOf(row.actor_role),
      action: row.action,
      words: describeAccess(row.action, 'allowed', viewer.perspective),
      count,
      firstAt: row.first_at,
      lastAt: row.last_at,
    });
  }
  const newestFirst = (a: { lastAt: number; who: string }, b: { lastAt: number; who: string }) =>
    b.lastAt - a.lastAt || a.who.localeCompare(b.who);
  return { day, reads: reads.sort(newestFirst), refusals: [...refusals.values()].sort(newestFirst) };
}
