import { localDate } from '../../../shared/time/index.js';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { PRACTICE_LIBRARY_VERSION } from '../../../shared/practice/library.js';
import type { Viewer } from '../../../shared/practice/sharing.js';
import {
  iptProblemAreaSchema,
  type NewAssignment,
  type PracticeAssignment,
  type PracticeOverview,
} from '../../../shared/practice/schemas.js';
import * as repo from './practice.repository.js';
import { toAssignment } from './practice.mapper.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

/** Who the actor is to the entries: the patient, the therapist, or the rest of the team. */
export function viewerOf(actor: Actor): Viewer {
  if (actor.role === 'patient' || actor.role === 'therapist') return actor.role;
  if (actor.role === 'prescriber' || actor.role === 'care_manager') return actor.role;
  // withPatientRecord lets only the patient and their care team this far.
  throw notFound('Patient');
}
export const sqlVisibility = (v: Viewer) =>
  v === 'patient' ? 'own' : v === 'therapist' ? 'therapist' : 'team';

export async function patientDay(trx: Db, clinicId: string, patientId: string, now: number) {
  const timeZone = (await patientBasics(trx, clinicId, patientId))?.timeZone;
  if (!timeZone) throw notFound('Patient');
  return { timeZone, today: localDate(now, timeZone) };
}

const planShape = z.object({
  therapy: z.object({ iptProblemArea: iptProblemAreaSchema.nullable().optional() }).optional(),
});

/** The IPT problem area of the patient's plan: the agreed version's, else the newest version's. */
async function planIptArea(trx: Db, clinicId: string, patientId: string) {
  const versions = await repo.planContents(trx, clinicId, patientId);
  const chosen = versions.find((v) => v.status === 'agreed') ?? versions[0];
  if (!chosen) return null;
  const parsed = planShape.safeParse(JSON.parse(chosen.content));
  return parsed.success ? (parsed.data.therapy?.iptProblemArea ?? null) : null;
}

async function loadAssignments(trx: Db, actor: Actor, patientId: string, today: string) {
  const [rows, done, drafts] = await Promise.all([
    repo.assignmentsOf(trx, actor.clinicId, patientId),
    repo.doneDaysOf(trx, actor.clinicId, patientId),
    actor.role === 'patient' ? repo.draftsOf(trx, actor.clinicId, patientId) : Promise.resolve([]),
  ]);
  return rows.map((row) =>
    toAssignment(row, {
      today,
      doneDays: done.filter((d) => d.assignment_id === row.id).map((d) => d.day),
      draftEntryId: drafts.find((d) => d.assignment_id === row.id)?.id ?? null,
    }),
  );
}

/** The patient's practice: assignments with completion, today in the patient's zone, the plan's IPT area. */
export function practiceOverview(deps: AppDeps, actor: Actor, patientId: string): Promise<PracticeOverview> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'practice.overview', resourceType: 'practice_assignment' },
    async (trx) => {
      const { today, timeZone } = await patientDay(trx, actor.clinicId, patientId, deps.clock.now());
      return {
        today,
        timeZone,
        planIptProblemArea: await planIptArea(trx, actor.clinicId, patientId),
        assignments: await loadAssignments(trx, actor, patientId, today),
      };
    },
  );
}

export async function assignmentOfPatient(trx: Db, actor: Actor, patientId: string, assignmentId: string) {
  const row = await repo.findAssignment(trx, actor.clinicId, assignmentId);
  if (row?.patient_id !== patientId) throw notFound('Practice assignment');
  return row;
}

async function oneAssignment(trx: Db, actor: Actor, patientId: string, assignmentId: string, today: string) {
  const found = (await loadAssignments(trx, actor, patientId, today)).find((a) => a.id === assignmentId);
  if (!found) throw notFound('Practice assignment');
  return found;
}

/** The therapist assigns practice. Idempotent on the client's id. */
export function assignPractice(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewAssignment,
): Promise<{ assignment: PracticeAssignment; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'practice.assign', resourceType: 'practice_assignment', resourceId: input.id },
    async (trx) => {
      const now = deps.clock.now();
      const { today } = await patientDay(trx, actor.clinicId, patientId, now);
      const retry = async () => {
        const existing = await repo.findAssignment(trx, actor.clinicId, input.id);
        if (existing?.patient_id !== patientId)
          throw new AppError('conflict', 'This assignment id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        return { assignment: await oneAssignment(trx, actor, patientId, input.id, today), created: false };
      };
      if (await repo.findAssignment(trx, actor.clinicId, input.id)) return retry();

      if (input.dueDay < today)
        throw new AppError('validation_failed', 'The due date is in the past.', [
          { path: 'body.dueDay', message: `Choose ${today} or later` },
        ]);
      let area = null;
      if (input.type === 'ipt_log') {
        area = input.iptProblemArea ?? (await planIptArea(trx, actor.clinicId, patientId));
        if (!area)
          throw new AppError('validation_failed', 'The plan names no IPT problem area: choose one.', [
            { path: 'body.iptProblemArea', message: 'Required for an interpersonal log' },
          ]);
      } else if (input.iptProblemArea)
        throw new AppError('validation_failed', 'An IPT problem area only goes with an interpersonal log.', [
          { path: 'body.iptProblemArea', message: 'Only for an interpersonal log' },
        ]);
      const inserted = await repo.insertAssignment(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        type: input.type,
        library_version: PRACTICE_LIBRARY_VERSION,
        instructions: input.instructions,
        frequency: JSON.stringify(input.frequency),
        start_day: today,
        due_day: input.dueDay,
        ipt_problem_area: area,
        status: 'active',
        ended_at: null,
        ended_by: null,
        ended_day: null,
        assigned_by: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      if (!inserted) return retry();
      return { assignment: await oneAssignment(trx, actor, patientId, input.id, today), created: true };
    },
  );
}

/** The therapist ends an assignment (If-Match): nothing is expected after today, entries stay. */
export function endAssignment(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  assignmentId: string,
  expectedVersion: number,
): Promise<PracticeAssignment> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'practice.end', resourceType: 'practice_assignment', resourceId: assignmentId },
    async (trx) => {
      const row = await assignmentOfPatient(trx, actor, patientId, assignmentId);
      const now = deps.clock.now();
      const { today } = await patientDay(trx, actor.clinicId, patientId, now);
      const current = () => oneAssignment(trx, actor, patientId, assignmentId, today);
      if (row.version !== expectedVersion)
        throw new AppError('precondition_failed', 'This assignment changed after you opened it.', {
          current: await current(),
        });
      if (row.status === 'ended') throw new AppError('conflict', 'This practice has already ended.');
      const ended = await repo.endAssignmentIfCurrent(trx, actor.clinicId, assignmentId, expectedVersion, {
        ended_at: now,
        ended_by: actor.userId,
        ended_day: today,
      });
      if (!ended)
        throw new AppError('precondition_failed', 'This assignment changed after you opened it.', {
          current: await current(),
        });
      return current();
    },
  );
}
