import type { Db } from '../../db/database.js';
import { isClinician } from '../../../shared/access/roles.js';
import type { Actor } from '../auth/actor.js';
import type { AppDeps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import * as repo from './patient-access.repository.js';

/** A clinician reaches a patient only while on that patient's care team; a patient only their own record. */
export async function canReachPatient(db: Db, actor: Actor, patientId: string): Promise<boolean> {
  if (actor.role === 'patient') return actor.patientId === patientId;
  if (isClinician(actor.role)) return repo.isOnCareTeam(db, actor.clinicId, patientId, actor.userId);
  return false;
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
    if (err instanceof AppError && err.code === 'forbidden')
      await recordDeniedApart(deps, actor, patientId, what);
    throw err;
  }
  if (result === denied) throw notFound('Patient');
  return result.value;
}
