import type { Db } from '../../db/database.js';
import { isClinician } from '../../../shared/access/roles.js';
import type { Actor } from '../auth/actor.js';
import type { AppDeps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { currentScope, forgetInScope, rememberedInScope } from '../request-scope.js';
import * as repo from './patient-access.repository.js';

const reachKey = (actor: Actor, patientId: string) =>
  `care-team-reach:${actor.clinicId}:${actor.userId}:${patientId}`;

/**
 * A clinician reaches a patient only while on that patient's care team; a patient only their own record.
 * Answered once per request (issue 19): the route's gate asks first, and `withPatientRecord` /
 * `readPatientRecord` reuse its answer from the request scope instead of asking the database again. A write
 * through `withPatientRecord` forgets it (it may have changed the care team).
 */
export async function canReachPatient(db: Db, actor: Actor, patientId: string): Promise<boolean> {
  if (actor.role === 'patient') return actor.patientId === patientId;
  if (!isClinician(actor.role)) return false;
  return rememberedInScope(reachKey(actor, patientId), () =>
    repo.isOnCareTeam(db, actor.clinicId, patientId, actor.userId),
  );
}

/**
 * The care-team membership read with the session on a patient's route (issue 19, eighth session: one
 * statement for both): kept in the request scope as the answer `canReachPatient` gives a clinician, so the
 * gate asks the database no more. The same rule (care_team_members of this clinic, user and patient), read in
 * the same request a moment earlier. Nothing is kept for a patient or another role (they are answered
 * without the database) or outside a request scope.
 */
export function rememberTeamMembership(actor: Actor, patientId: string, onTeam: boolean): void {
  if (!isClinician(actor.role)) return;
  currentScope()?.keep(reachKey(actor, patientId), onTeam);
}

/** The caller's roles on the patient's care team (none: not on it, or not a clinician). */
export async function teamRolesOf(db: Db, actor: Actor, patientId: string): Promise<string[]> {
  if (!isClinician(actor.role)) return [];
  return repo.teamRolesOf(db, actor.clinicId, patientId, actor.userId);
}

export interface PatientAction {
  /** Audit action, e.g. "patient.read". */
  action: string;
  resourceType: string;
  resourceId?: string;
}

const denied = Symbol('denied');

/** Audits a refused attempt; it names the patient only when the id is a real patient of this clinic. */
export async function recordDenied(
  deps: Pick<AppDeps, 'audit'>,
  trx: Db,
  actor: Actor,
  patientId: string,
  what: PatientAction,
): Promise<void> {
  const known = await repo.patientInClinic(trx, actor.clinicId, patientId);
  await deps.audit.record(trx, actor.clinicId, actor, {
    action: what.action,
    resourceType: what.resourceType,
    resourceId: what.resourceId ?? patientId,
    patientId: known ? patientId : null,
    outcome: 'denied',
  });
}

/**
 * Audits a refused attempt in its own transaction, so it is kept whatever happens to the caller's
 * (a refusal thrown inside a use case rolls the use case back, never its denied event).
 */
export function recordDeniedApart(
  deps: Pick<AppDeps, 'database' | 'audit'>,
  actor: Actor,
  patientId: string,
  what: PatientAction,
): Promise<void> {
  return deps.database.transaction((trx) => recordDenied(deps, trx, actor, patientId, what));
}

/**
 * Runs a use case on one patient's record: checks the relationship, runs `fn` and appends the audit
 * event in the same transaction. A refusal is audited too and answers 404, exactly like an unknown id.
 * A refusal from inside the use case (403) rolls its work back and is then audited on its own.
 */
export async function withPatientRecord<T>(
  deps: Pick<AppDeps, 'database' | 'audit'>,
  actor: Actor,
  patientId: string,
  what: PatientAction,
  fn: (trx: Db) => Promise<T>,
): Promise<T> {
  let result: typeof denied | { value: T };
  try {
    result = await deps.database.transaction(async (trx) => {
      if (!(await canReachPatient(trx, actor, patientId))) {
        await recordDenied(deps, trx, actor, patientId, what);
        return denied;
      }
      const value = await fn(trx);
      await deps.audit.record(trx, actor.clinicId, actor, {
        action: what.action,
        resourceType: what.resourceType,
        resourceId: what.resourceId ?? patientId,
        patientId,
        outcome: 'allowed',
      });
      return { value };
    });
  } catch (err) {
    forgetInScope(reachKey(actor, patientId));
    if (err instanceof AppError && err.code === 'forbidden')
      await recordDeniedApart(deps, actor, patientId, what);
    throw err;
  }
  // The use case may have changed the care team: a later check in this request asks the database again.
  forgetInScope(reachKey(actor, patientId));
  if (result === denied) throw notFound('Patient');
  return result.value;
}

/** A refused read, recorded through the shared commit of audited reads (the caller answers after it). */
async function recordDeniedRead(
  deps: Pick<AppDeps, 'database' | 'audit'>,
  actor: Actor,
  patientId: string,
  what: PatientAction,
): Promise<void> {
  const known = await repo.patientInClinic(deps.database.db, actor.clinicId, patientId);
  await deps.audit.recordRead(actor.clinicId, actor, {
    action: what.action,
    resourceType: what.resourceType,
    resourceId: what.resourceId ?? patientId,
    patientId: known ? patientId : null,
    outcome: 'denied',
  });
}

/**
 * The one path for audited reads (issue 19): checks the relationship (the gate's answer, kept in the request
 * scope), runs `fn` in a read snapshot that takes no write lock, then records the read through
 * `audit.recordRead` and answers only once that event is committed. Reads arriving together share one
 * commit (one disk flush for many); each still waits for its own event to be durable, and an audit that
 * fails answers an error, never the data. `fn` must only read: a use case that writes uses withPatientRecord.
 * A refusal is audited and answers 404, exactly like an unknown id; a refusal from inside `fn` (403) is
 * audited too.
 */
export async function readPatientRecord<T>(
  deps: Pick<AppDeps, 'database' | 'audit'>,
  actor: Actor,
  patientId: string,
  what: PatientAction,
  fn: (db: Db) => Promise<T>,
): Promise<T> {
  if (!(await canReachPatient(deps.database.db, actor, patientId))) {
    await recordDeniedRead(deps, actor, patientId, what);
    throw notFound('Patient');
  }
  let value: T;
  try {
    value = await deps.database.read(fn);
  } catch (err) {
    if (err instanceof AppError && err.code === 'forbidden')
      await recordDeniedRead(deps, actor, patientId, what);
    throw err;
  }
  await deps.audit.recordRead(actor.clinicId, actor, {
    action: what.action,
    resourceType: what.resourceType,
    resourceId: what.resourceId ?? patientId,
    patientId,
    outcome: 'allowed',
  });
  return value;
}
