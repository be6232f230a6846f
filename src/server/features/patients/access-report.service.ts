import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { readPatientRecord } from '../../platform/access/patient-access.js';
import { describeAccess } from '../../../shared/audit/describe-access.js';
import type {
  AccessDay,
  AccessReport,
  AccessTimes,
  AccessTimesQuery,
} from '../../../shared/audit/access-report-schemas.js';
import { instantAt, localDate, startOfLocalDay } from '../../../shared/time/index.js';
import * as repo from './access-report.repository.js';
import { toAccessDay, type Viewer } from './access-report.mapper.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

/** A page holds whole days, newest first, until it has this many lines or this many days. */
export const ACCESS_PAGE_LINES = 30;
export const ACCESS_PAGE_DAYS = 14;
export const ACCESS_TIMES_PAGE = 100;

const audited = { action: 'access_report.read', resourceType: 'access_report' };

// A local day lasts 23 to 25 hours: 26 hours after its start is always inside the next day.
const nextDayStart = (dayStart: number, zone: string) => startOfLocalDay(dayStart + 26 * 3_600_000, zone);

function scopeOf(actor: Actor, patientId: string) {
  return {
    clinicId: actor.clinicId,
    patientId,
    // The patient sees everyone but themselves; a clinician on the team sees everyone, their own lines as "You".
    excludeActorId: actor.role === 'patient' ? actor.userId : null,
  };
}

const viewerOf = (actor: Actor): Viewer => ({
  userId: actor.userId,
  perspective: actor.role === 'patient' ? 'patient' : 'team',
});

/**
 * Who has opened or changed this record, from the audit trail, grouped per person, action and local day (the
 * patient's time zone), refused attempts apart. Pages hold whole days, so a line is never split across pages and
 * a flood of refusals (one line per person and day) never pushes a real read off its page.
 */
export function accessReport(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  query: { before?: string | undefined },
): Promise<AccessReport> {
  return readPatientRecord(deps, actor, patientId, audited, async (trx) => {
    const timeZone = (await patientBasics(trx, actor.clinicId, patientId))?.timeZone ?? 'UTC';
    const scope = scopeOf(actor, patientId);
    const viewer = viewerOf(actor);
    const days: AccessDay[] = [];
    let lines = 0;
    let before = query.before === undefined ? null : Number(query.before);
    let exhausted = false;
    while (days.length < ACCESS_PAGE_DAYS && lines < ACCESS_PAGE_LINES) {
      const newest = await repo.newestEventBefore(trx, scope, before);
      if (newest === undefined) {
        exhausted = true;
        break;
      }
      const from = startOfLocalDay(newest, timeZone);
      const rows = await repo.groupsBetween(trx, scope, from, before ?? newest + 1);
      const day = toAccessDay(localDate(newest, timeZone), rows, viewer);
      days.push(day);
      lines += day.reads.length + day.refusals.length;
      before = from;
    }
    const more =
      !exhausted && before !== null && (await repo.newestEventBefore(trx, scope, before)) !== undefined;
    return { timeZone, days, nextCursor: more && before !== null ? String(before) : null };
  });
}

/** The individual times of one line of the report (a person's action on a day, or their refusals that day). */
export function accessTimes(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  query: AccessTimesQuery,
): Promise<AccessTimes> {
  return readPatientRecord(deps, actor, patientId, audited, async (trx) => {
    const timeZone = (await patientBasics(trx, actor.clinicId, patientId))?.timeZone ?? 'UTC';
    // Noon exists on every local day (clocks change at night), so its day start is the day's start.
    const from = startOfLocalDay(instantAt(query.day, '12:00', timeZone), timeZone);
    const rows = await repo.timesOfLine(trx, scopeOf(actor, patientId), {
      actorId: query.actorId,
      outcome: query.outcome,
      action: query.outcome === 'allowed' ? (query.action ?? null) : null,
      from,
      to: nextDayStart(from, timeZone),
      beforeSeq: query.before === undefined ? null : Number(query.before),
      limit: ACCESS_TIMES_PAGE + 1,
    });
    const perspective = viewerOf(actor).perspective;
    const shown = rows.slice(0, ACCESS_TIMES_PAGE);
    return {
      times: shown.map((r) => ({
        at: r.at,
        words: describeAccess(r.action, query.outcome, perspective),
      })),
      nextCursor: rows.length > ACCESS_TIMES_PAGE ? String(shown.at(-1)?.seq ?? 0) : null,
    };
  });
}
