import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { firstOf } from '../../../shared/lists/limit-query.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import type { PartiesResolver } from '../../platform/access/policy.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { notifyByEmail } from '../../platform/notify/notify.js';
import { resolveAlertsForSubject } from '../alerts/index.js';
import type { Consult, ConsultPriority, ConsultState } from '../../../shared/messaging/schemas.js';
import * as repo from './consults.repository.js';
import * as conversations from './conversations.repository.js';
import { toConsult } from './messaging.mapper.js';
import { MY_CONSULTS_MAX } from '../../../shared/lists/limits.js';

const SUMMARY_CHARS = 140;

async function loadConsult(trx: Db, actor: Actor, patientId: string, consultId: string): Promise<Consult> {
  const row = await repo.findConsult(trx, actor.clinicId, patientId, consultId);
  if (!row) throw notFound('Consult');
  return toConsult(row);
}

/** Asks a teammate on this patient's care team; idempotent on the client's consult id. */
export function requestConsult(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: { id: string; toUserId: string; priority: ConsultPriority; question: string },
): Promise<{ consult: Consult; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'consult.create', resourceType: 'consult', resourceId: input.id },
    async (trx) => {
      const existing = await repo.findConsult(trx, actor.clinicId, patientId, input.id);
      if (existing?.from_user_id === actor.userId) return { consult: toConsult(existing), created: false };
      const team = await conversations.careTeamOf(trx, actor.clinicId, patientId);
      if (input.toUserId === actor.userId || !team.some((m) => m.user_id === input.toUserId)) {
        throw new AppError('validation_failed', 'Ask someone else on this patient’s care team.', [
          { path: 'body.toUserId', message: 'Not another member of the care team' },
        ]);
      }
      const now = deps.clock.now();
      const inserted = await repo.insertConsult(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        from_user_id: actor.userId,
        to_user_id: input.toUserId,
        priority: input.priority,
        question: input.question,
        state: 'open',
        reply: null,
        replied_at: null,
        closed_by: null,
        closed_at: null,
        close_note: null,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      if (!inserted) {
        const raced = await repo.findConsult(trx, actor.clinicId, patientId, input.id);
        if (raced?.from_user_id === actor.userId) return { consult: toConsult(raced), created: false };
        throw new AppError('conflict', 'This consult id is already used. Send a new id.', [
          { path: 'body.id', message: 'Already used' },
        ]);
      }
      const summary =
        input.question.length > SUMMARY_CHARS
          ? `${input.question.slice(0, SUMMARY_CHARS - 1)}…`
          : input.question;
      await emitEvent(trx, deps.clock, {
        type: 'consult.requested',
        clinicId: actor.clinicId,
        patientId,
        payload: {
          consultId: input.id,
          fromUserId: actor.userId,
          toUserId: input.toUserId,
          priority: input.priority,
          summary,
        },
      });
      await notifyByEmail(trx, deps, actor.clinicId, [input.toUserId], 'consult');
      return { consult: await loadConsult(trx, actor, patientId, input.id), created: true };
    },
  );
}

/** One patient's consults: open ones first, then the newest, at most `limit`; `hasMore` when cut (issue 19). */
export function patientConsults(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  query: { state?: ConsultState | undefined; limit: number },
) {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'consult.list', resourceType: 'consult' },
    async (trx) => {
      const found = await repo.consultsOfPatient(
        trx,
        actor.clinicId,
        patientId,
        query.state,
        query.limit + 1,
      );
      const { rows, hasMore } = firstOf(found, query.limit);
      return { consults: rows.map(toConsult), hasMore };
    },
  );
}

export function getConsult(deps: AppDeps, actor: Actor, patientId: string, consultId: string) {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'consult.read', resourceType: 'consult', resourceId: consultId },
    (trx) => loadConsult(trx, actor, patientId, consultId),
  );
}

const stale = (current: Consult) =>
  new AppError('precondition_failed', 'This consult changed after you opened it. Review it and try again.', {
    current,
  });

/** For the route policies: only the asked clinician replies; either of the two closes (403 otherwise). */
export const askedClinician: PartiesResolver = async (db, clinicId, params) => {
  const c = await repo.consultParties(db, clinicId, params.patientId ?? '', params.consultId ?? '');
  return c && [c.to_user_id];
};
export const consultParties: PartiesResolver = async (db, clinicId, params) => {
  const c = await repo.consultParties(db, clinicId, params.patientId ?? '', params.consultId ?? '');
  return c && [c.from_user_id, c.to_user_id];
};

/**
 * Closes a consult: the asked clinician's reply closes it (`reply` set), or either side closes it without
 * one (`note`). Version-checked: a stale If-Match answers 412 with the consult as it is now.
 */
export function closeConsult(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  consultId: string,
  expectedVersion: number,
  input: { reply: string } | { note?: string | undefined },
): Promise<Consult> {
  const replying = 'reply' in input;
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: replying ? 'consult.reply' : 'consult.close', resourceType: 'consult', resourceId: consultId },
    async (trx) => {
      const current = await loadConsult(trx, actor, patientId, consultId);
      if (current.version !== expectedVersion) throw stale(current);
      const parties = [current.from.userId, current.to.userId];
      if (current.state !== 'open')
        throw new AppError('conflict', 'This consult is already closed.', { current });
      const now = deps.clock.now();
      const changed = await repo.closeConsult(trx, actor.clinicId, consultId, expectedVersion, {
        closed_by: actor.userId,
        closed_at: now,
        updated_at: now,
        ...(replying ? { reply: input.reply, replied_at: now } : { close_note: input.note ?? null }),
      });
      if (!changed) throw stale(await loadConsult(trx, actor, patientId, consultId));
      await resolveAlertsForSubject(trx, deps, {
        clinicId: actor.clinicId,
        subjectId: consultId,
        note: replying ? 'Consult answered' : 'Consult closed',
        byUserId: actor.userId,
      });
      const other = parties.filter((id) => id !== actor.userId);
      await notifyByEmail(trx, deps, actor.clinicId, other, 'consult');
      return loadConsult(trx, actor, patientId, consultId);
    },
  );
}

/** "My consults" across patients: one audit event for the list, like the caseload. */
export function myConsults(
  deps: AppDeps,
  actor: Actor,
  filter: { role?: 'to' | 'from' | undefined; state?: ConsultState | undefined },
): Promise<{ consults: Consult[]; hasMore: boolean }> {
  return deps.database.transaction(async (trx) => {
    const found = await repo.consultsOfUser(trx, actor.clinicId, actor.userId, filter, MY_CONSULTS_MAX + 1);
    const rows = found.slice(0, MY_CONSULTS_MAX);
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'consult.list_mine',
      resourceType: 'consult',
      resourceId: null,
      patientId: null,
      outcome: 'allowed',
    });
    return { consults: rows.map(toConsult), hasMore: found.length > rows.length };
  });
}
