import type { Db } from '../../db/database.js';
import { isClinician } from '../../../shared/access/roles.js';
import type { Actor } from '../auth/actor.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../errors.js';
import * as repo from './patient-access.repository.js';

/** A clinician reaches a patient only while on that patient's care team; a patient only their own record. */
export async function canReachPatient(db: Db, actor: Actor, patientId: string): Promise<boolean> {
  if (actor.role === 'patient') return actor.patientId === patientId;
  if (isClinician(actor.role)) return repo.isOnCareTeam(db, actor.clinicId, patientId, actor.userId);
  return false;
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
 * Runs a use case on one patient's record: checks the relationship, runs `fn` and appends the audit
 * event in the same transaction. A refusal is audited too and answers 404, exactly like an unknown id.
 */
export async function withPatientRecord<T>(
  deps: Pick<AppDeps, 'database' | 'audit'>,
  actor: Actor,
  patientId: string,
  what: PatientAction,
  fn: (trx: Db) => Promise<T>,
): Promise<T> {
  const result = await deps.database.transaction(async (trx) => {
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
  if (result === denied) throw notFound('Patient');
  return result.value;
}
