import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { missingForSignature } from '../../../shared/notes/rules.js';
import type {
  NewAddendum,
  NewProgressNote,
  ProgressNote,
  SaveProgressNote,
} from '../../../shared/notes/schemas.js';
import type { AuthorResolver } from '../../platform/access/policy.js';
import * as repo from './notes.repository.js';
import { toProgressNote } from './notes.mapper.js';
import { PROGRESS_NOTES_MAX } from '../../../shared/lists/limits.js';

/** The answer to any change of a signed note: it is locked, corrections are addenda. */
const locked = () =>
  new AppError('conflict', 'This note is signed and locked. Add an addendum to correct or add to it.', {
    reason: 'note_signed',
  });

/**
 * Loads a note of this patient as the actor may see it: the patient sees signed notes only (the right
 * of access covers the record, and a draft is not yet part of it), so a draft answers 404 like an
 * unknown id.
 */
async function loadNote(trx: Db, actor: Actor, patientId: string, noteId: string): Promise<ProgressNote> {
  const row = await repo.findProgressNote(trx, actor.clinicId, noteId);
  if (row?.patient_id !== patientId) throw notFound('Progress note');
  if (actor.role === 'patient' && row.status !== 'signed') throw notFound('Progress note');
  return toProgressNote(row, await repo.addendaOf(trx, actor.clinicId, [row.id]));
}

/**
 * The author of the note the URL names, for the route policy "author only": only the author saves and
 * signs their own note; other clinicians on the team read it (403 'not_author').
 */
export const authorOfProgressNote: AuthorResolver = (db, clinicId, params) =>
  repo.progressNoteAuthor(db, clinicId, params.patientId ?? '', params.noteId ?? '');

/** A note is about one of this patient's sessions, and a clinician writes notes for their own sessions. */
async function checkSession(trx: Db, actor: Actor, patientId: string, appointmentId: string | null) {
  if (appointmentId === null) return;
  const session = await repo.sessionOf(trx, actor.clinicId, appointmentId);
  if (session?.patient_id !== patientId)
    throw new AppError('validation_failed', 'This session is not one of this patient’s appointments.', [
      { path: 'body.appointmentId', message: 'Not a session of this patient' },
    ]);
  if (session.clinician_id !== actor.userId)
    throw new AppError('validation_failed', 'This session is another clinician’s: they write its note.', [
      { path: 'body.appointmentId', message: 'Not your session' },
    ]);
}

export function listProgressNotes(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<{ notes: ProgressNote[]; hasMore: boolean }> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'progress_note.list', resourceType: 'progress_note' },
    async (trx) => {
      const found = await repo.progressNotesOfPatient(
        trx,
        actor.clinicId,
        patientId,
        actor.role === 'patient',
        PROGRESS_NOTES_MAX + 1,
      );
      // Answered newest session first, as always; drafts came first only to be kept by the bound.
      const rows = found
        .slice(0, PROGRESS_NOTES_MAX)
        .sort(
          (a, b) =>
            b.session_date.localeCompare(a.session_date) ||
            b.created_at - a.created_at ||
            a.id.localeCompare(b.id),
        );
      const addenda = await repo.addendaOf(
        trx,
        actor.clinicId,
        rows.map((r) => r.id),
      );
      return { notes: rows.map((r) => toProgressNote(r, addenda)), hasMore: found.length > rows.length };
    },
  );
}

export function getProgressNote(deps: AppDeps, actor: Actor, patientId: string, noteId: string) {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'progress_note.read', resourceType: 'progress_note', resourceId: noteId },
    (trx) => loadNote(trx, actor, patientId, noteId),
  );
}

/** Starts a draft (idempotent on the client's id: a retry returns the first draft). */
export function createProgressNote(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewProgressNote,
): Promise<{ note: ProgressNote; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'progress_note.create', resourceType: 'progress_note', resourceId: input.id },
    async (trx) => {
      const retry = async () => {
        const existing = await repo.findProgressNote(trx, actor.clinicId, input.id);
        if (existing?.patient_id !== patientId || existing.author_id !== actor.userId)
          throw new AppError('conflict', 'This note id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        return { note: await loadNote(trx, actor, patientId, input.id), created: false };
      };
      if (await repo.findProgressNote(trx, actor.clinicId, input.id)) return retry();
      await checkSession(trx, actor, patientId, input.appointmentId);
      const now = deps.clock.now();
      const inserted = await repo.insertProgressNote(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        appointment_id: input.appointmentId,
        session_date: input.sessionDate,
        format: input.format,
        content: JSON.stringify(input.content),
        status: 'draft',
        author_id: actor.userId,
        version: 1,
        signed_by: null,
        signed_at: null,
        created_at: now,
        updated_at: now,
      });
      if (!inserted) return retry();
      return { note: await loadNote(trx, actor, patientId, input.id), created: true };
    },
  );
}

/** An autosave: replaces the draft's fields. Refused once signed (locked) or when another save won. */
export function saveProgressNote(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  noteId: string,
  input: SaveProgressNote,
): Promise<ProgressNote> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'progress_note.save', resourceType: 'progress_note', resourceId: noteId },
    async (trx) => {
      const note = await loadNote(trx, actor, patientId, noteId);
      if (note.status === 'signed') throw locked();
      const appointmentId = input.appointmentId === undefined ? note.appointmentId : input.appointmentId;
      if (appointmentId !== note.appointmentId) await checkSession(trx, actor, patientId, appointmentId);
      const saved = await repo.updateDraft(trx, actor.clinicId, noteId, input.version, {
        appointment_id: appointmentId,
        session_date: input.sessionDate ?? note.sessionDate,
        format: input.format ?? note.format,
        content: JSON.stringify(input.content),
        updated_at: deps.clock.now(),
      });
      if (!saved)
        throw new AppError('conflict', 'This draft was saved from somewhere else meanwhile. Reload it.', {
          reason: 'stale_version',
          current: note,
        });
      return loadNote(trx, actor, patientId, noteId);
    },
  );
}

/** Signs the draft at the version the clinician saw: from then on it is locked. */
export function signProgressNote(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  noteId: string,
  version: number,
): Promise<ProgressNote> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'progress_note.sign', resourceType: 'progress_note', resourceId: noteId },
    async (trx) => {
      const note = await loadNote(trx, actor, patientId, noteId);
      if (note.status === 'signed') throw locked();
      if (note.version !== version)
        throw new AppError('conflict', 'This draft changed since you read it. Review it and sign again.', {
          reason: 'stale_version',
          current: note,
        });
      const missing = missingForSignature(note.format, note.content);
      if (missing.length > 0)
        throw new AppError('validation_failed', 'The note is not complete enough to sign.', missing);
      if (!(await repo.signDraft(trx, actor.clinicId, noteId, version, actor.userId, deps.clock.now())))
        throw locked();
      return loadNote(trx, actor, patientId, noteId);
    },
  );
}

/**
 * Adds an addendum to a signed note: the one way to correct it. Any clinician on the team may add one
 * (who and when are kept); addenda are append-only. Idempotent on the client's id.
 */
export function addAddendum(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  noteId: string,
  input: NewAddendum,
): Promise<{ note: ProgressNote; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'progress_note.addendum', resourceType: 'progress_note', resourceId: noteId },
    async (trx) => {
      const note = await loadNote(trx, actor, patientId, noteId);
      const retry = async () => {
        const existing = await repo.findAddendum(trx, actor.clinicId, input.id);
        if (existing?.note_id !== noteId || existing.written_by !== actor.userId)
          throw new AppError('conflict', 'This addendum id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        return { note, created: false };
      };
      if (await repo.findAddendum(trx, actor.clinicId, input.id)) return retry();
      if (note.status !== 'signed')
        throw new AppError('conflict', 'This note is still a draft: edit it instead of adding an addendum.', {
          reason: 'note_draft',
        });
      const inserted = await repo.insertAddendum(trx, {
        id: input.id,
        clinic_id: actor.clinicId,
        note_id: noteId,
        text: input.text,
        written_by: actor.userId,
        written_at: deps.clock.now(),
      });
      if (!inserted) return retry();
      return { note: await loadNote(trx, actor, patientId, noteId), created: true };
    },
  );
}
