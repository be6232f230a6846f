import type { Db } from '../../db/database.js';
import { clinicSettings } from '../clinic/index.js';
import { registryRows } from '../registry/index.js';
import { addDays, instantAt, localDate } from '../../../shared/time/index.js';
import { mostSevereOf, trendOf } from '../../../shared/worklist/arrange.js';
import { openVacancies } from '../../../shared/patients/vacancy.js';
import { careTeamRoleSchema } from '../../../shared/access/roles.js';
import {
  appointmentModeSchema,
  appointmentStatusSchema,
  appointmentTypeSchema,
} from '../../../shared/appointments/schemas.js';
import type {
  ScoreTrend,
  WorklistAppointment,
  WorklistResponse,
  WorklistRow,
} from '../../../shared/worklist/schemas.js';
import * as repo from './worklist.repository.js';

/** Completed practice counts as "to review" for this long after completion (product policy, docs/clinical-rules.md). */
export const PRACTICE_REVIEW_DAYS = 14;
const DAY_MS = 86_400_000;

function toAppointment(r: repo.WorklistAppointmentRow): WorklistAppointment {
  return {
    id: r.id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timeZone: r.time_zone,
    type: appointmentTypeSchema.parse(r.type),
    mode: appointmentModeSchema.parse(r.mode),
    status: appointmentStatusSchema.parse(r.status),
    clinicianId: r.clinician_id,
    clinicianName: r.clinician_name,
  };
}

export interface WorklistReadInput {
  clinicId: string;
  userId: string;
  now: number;
  /** The viewer's zone; null: the clinic's. */
  zone: string | null;
}

/**
 * The caseload worklist (issue 15): the registry's rows of the viewer's caseload (scores, status, flags,
 * adherence, open alerts) with the next appointment, the viewer's appointments today, the score before the
 * latest, unread messages and practice to review, each gathered by one set-based query over the caseload.
 * A read job (reads/read-jobs.ts): it only reads, takes `now` from the caller and may run on a read worker;
 * the caller audits.
 */
export async function worklistRead(
  db: Db,
  { clinicId, userId, now, zone: asked }: WorklistReadInput,
): Promise<WorklistResponse> {
  const zone = asked ?? (await clinicSettings(db, clinicId)).clinicTimeZone ?? 'UTC';
  const today = localDate(now, zone);
  const dayStart = instantAt(today, '00:00', zone);
  const dayEnd = instantAt(addDays(today, 1), '00:00', zone);
  const [registry, next, mine, unread, practice, scores, zones, removals] = await Promise.all([
    registryRows(db, { clinicId, userId, now }),
    repo.nextAppointments(db, clinicId, userId, now),
    repo.myAppointmentsBetween(db, clinicId, userId, dayStart, dayEnd),
    repo.unreadMessageCounts(db, clinicId, userId),
    repo.practiceToReviewCounts(db, clinicId, userId, now - PRACTICE_REVIEW_DAYS * DAY_MS),
    repo.latestAndPrevious(db, clinicId, userId),
    repo.patientZones(db, clinicId, userId),
    repo.removalsOfEmptyRoles(db, clinicId, userId),
  ]);
  const nextOf = new Map<string, WorklistAppointment>();
  for (const a of next) if (!nextOf.has(a.patient_id)) nextOf.set(a.patient_id, toAppointment(a));
  const todayOf = new Map<string, WorklistAppointment[]>();
  for (const a of mine) {
    const list = todayOf.get(a.patient_id) ?? [];
    list.push(toAppointment(a));
    todayOf.set(a.patient_id, list);
  }
  const trendOfPatient = new Map<string, ScoreTrend>();
  for (const s of scores)
    trendOfPatient.set(`${s.patientId} ${s.instrument}`, {
      latest: s.latest,
      latestDay: s.latestDay,
      previous: s.previous,
      direction: trendOf(s.latest, s.previous),
    });
  const patients: WorklistRow[] = registry.map((r) => ({
    patientId: r.patientId,
    givenName: r.givenName,
    familyName: r.familyName,
    patientTimeZone: zones.get(r.patientId) ?? zone,
    myRoles: r.myRoles,
    nextAppointment: nextOf.get(r.patientId) ?? null,
    today: todayOf.get(r.patientId) ?? [],
    phq9: trendOfPatient.get(`${r.patientId} phq9`) ?? null,
    gad7: trendOfPatient.get(`${r.patientId} gad7`) ?? null,
    status: r.status,
    flags: r.flags,
    adherence: r.adherence,
    openAlerts: { ...r.openAlerts, mostSevere: mostSevereOf(r.openAlerts) },
    unreadMessages: unread.get(r.patientId) ?? 0,
    practiceToReview: practice.get(r.patientId) ?? 0,
    attentionTier: r.attentionTier,
    vacancies: openVacancies(removals.get(r.patientId) ?? []).map((v) => ({
      role: careTeamRoleSchema.parse(v.role),
      since: v.at,
      reason: v.reason ?? '',
    })),
  }));
  return { zone, today, patients };
}
