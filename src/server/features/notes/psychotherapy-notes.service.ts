import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { canReachPatient } from '../../platform/access/patient-access.js';
import type {
  NewPsychotherapyNote,
  PsychotherapyNote,
  SavePsychotherapyNote,
} from '../../../shared/notes/schemas.js';
import * as repo from './notes.repository.js';
import { toPsychotherapyNote } from './notes.mapper.js';
import { PSYCHOTHERAPY_NOTES_MAX } from '../../../shared/lists/limits.js';

/*
 * Psychotherapy notes: the author's private notes, kept apart from the record (HIPAA 45 CFR 164.501
 * defines them; 164.524(a)(1)(i) leaves them out of the patient's right of access, 164.508(a)(2) needs
 * the patient's authorization for almost any other use). In Duet only the author ever reads or writes
 * one: not the other clinicians on the team, not the admin, not the patient. Anyone else gets 404 for
 * an id, and an empty list, so neither the count nor the existence of a note shows.
 *
 * The audit trail records that someone touched "a psychotherapy note" (resource type and id, never the
 * text) WITHOUT the patient: events with a patient appear in the patient's access report, and this
 * kind must not show there.
 */

const RESOURCE = 'psychotherapy_note';

async function audited<T>(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  action: string,
  resourceId: string | null,
  fn: (trx: Db) => Promise<T>,
): Promise<T> {
  // Refusals are audited after the transaction that threw (which rolled back), in their own.
  const deny = async () => {
    await deps.database.transaction((trx) =>
      deps.audit.record(trx, actor.clinicId, actor, {
        action,
        resourceType: RESOURCE,
        resourceId,
        patientId: null,
        outcome: 'denied',
      }),
    );
  };
  try {
    return await deps.database.transaction(async (trx) => {
      if (!(await canReachPatient(trx, actor, patientId))) throw notFound('Patient');
      const value = await fn(trx);
      await deps.audit.record(trx, actor.clinicId, actor, {
        action,
        resourceType: RESOURCE,
        resourceId,
        patientId: null,
        outcome: 'allowed',
      });
      return value;
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') await deny();
    throw err;
  }
}

const missing = () => notFound('Psychotherapy note');

/** The caller's own psychotherapy notes about this patient. Everyone else: an empty list. */
export function listMyPsychotherapyNotes(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<{ notes: PsychotherapyNote[]; hasMore: boolean }> {
  return audited(deps, actor, patientId, 'psychotherapy_note.list', null, async (trx) => {
    const found = await repo.psychotherapyNotesOf(
      trx,
      actor.clinicId,
      actor.userId,
      patientId,
      PSYCHOTHERAPY_NOTES_MAX + 1,
    );
    const rows = found.slice(0, PSYCHOTHERAPY_NOTES_MAX);
    return { notes: rows.map(toPsychotherapyNote), hasMore: found.length > rows.length };
  });
}

export function getPsychotherapyNote(deps: AppDeps, actor: Actor, patientId: string, noteId: string) {
  return audited(deps, actor, patientId, 'psychotherapy_note.read', noteId, async (trx) => {
    const row = await repo.findPsychotherapyNote(trx, actor.clinicId, actor.userId, noteId);
    if (row?.patient_id !== patientId) throw missing();
    return toPsychotherapyNote(row);
  });
}

/** Idempotent on the client's id; an id someone else used answers 409 without saying whose. */
export function createPsychotherapyNote(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewPsychotherapyNote,
): Promise<{ note: PsychotherapyNote; created: boolean }> {
  return audited(deps, actor, patientId, 'psychotherapy_note.create', input.id, async (trx) => {
    const retry = async () => {
      const mine = await repo.findPsychotherapyNote(trx, actor.clinicId, actor.userId, input.id);
      if (mine?.patient_id !== patientId)
        throw new AppError('conflict', 'This note id is already used. Send a new id.', [
          { path: 'body.id', message: 'Already used' },
        ]);
      return { note: toPsychotherapyNote(mine), created: false };
    };
    if (await repo.psychotherapyNoteIdTaken(trx, input.id)) return retry();
    const now = deps.clock.now();
    const inserted = await repo.insertPsychotherapyNote(trx, {
      id: input.id,
      clinic_id: actor.clinicId,
      patient_id: patientId,
      author_id: actor.userId,
      session_date: input.sessionDate,
      text: input.text,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    if (!inserted) return retry();
    const row = await repo.findPsychotherapyNote(trx, actor.clinicId, actor.userId, input.id);
    if (!row) throw new Error('psychotherapy note vanished inside its transaction');
    return { note: toPsychotherapyNote(row), created: true };
  });
}

/** The author edits their note (psychotherapy notes are not signed: they are not part of the record). */
export function savePsychotherapyNote(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  noteId: string,
  input: SavePsychotherapyNote,
): Promise<PsychotherapyNote> {
  return audited(deps, actor, patientId, 'psychotherapy_note.save', noteId, async (trx) => {
    const row = await repo.findPsychotherapyNote(trx, actor.clinicId, actor.userId, noteId);
    if (row?.patient_id !== patientId) throw missing();
    const saved = await repo.updatePsychotherapyNote(
      trx,
      actor.clinicId,
      actor.userId,
      noteId,
      input.version,
      {
        text: input.text,
        session_date: input.sessionDate ?? row.session_date,
        updated_at: deps.clock.now(),
      },
    );
    if (!saved)
      throw new AppError('conflict', 'This note was saved from somewhere else meanwhile. Reload it.', {
        reason: 'stale_version',
      });
    const after = await repo.findPsychotherapyNote(trx, actor.clinicId, actor.userId, noteId);
    if (!after) throw new Error('psychotherapy note vanished inside its transaction');
    return toPsychotherapyNote(after);
  });
}
