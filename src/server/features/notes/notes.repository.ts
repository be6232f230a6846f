import type { Db } from '../../db/database.js';
import type {
  ProgressNoteAddendumTable,
  ProgressNoteTable,
  PsychotherapyNoteTable,
  TeamSummaryTable,
} from '../../db/schema-notes.js';

// Progress notes and addenda. Nothing here reads psychotherapy_notes: that table has its own
// functions below, every one of which takes the author.

function notesWithPeople(db: Db) {
  return db
    .selectFrom('progress_notes as n')
    .innerJoin('users as a', 'a.id', 'n.author_id')
    .leftJoin('users as s', 's.id', 'n.signed_by')
    .selectAll('n')
    .select([
      'a.name as author_name',
      'a.role as author_role',
      's.name as signer_name',
      's.role as signer_role',
    ]);
}
export type ProgressNoteRow = Awaited<ReturnType<typeof findProgressNote>> & object;

/** By id within the clinic; the caller checks the patient (an id is never reused). */
export function findProgressNote(db: Db, clinicId: string, noteId: string) {
  return notesWithPeople(db)
    .where('n.clinic_id', '=', clinicId)
    .where('n.id', '=', noteId)
    .executeTakeFirst();
}

/** Who wrote this patient's progress note (undefined: no such note on this patient). */
export async function progressNoteAuthor(db: Db, clinicId: string, patientId: string, noteId: string) {
  const row = await db
    .selectFrom('progress_notes')
    .select('author_id')
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('id', '=', noteId)
    .executeTakeFirst();
  return row?.author_id;
}

/**
 * A patient's progress notes, drafts first (a bound never leaves out a draft still to sign, issue 19), then
 * the newest session first; only signed ones when `signedOnly`; at most `limit`.
 */
export function progressNotesOfPatient(
  db: Db,
  clinicId: string,
  patientId: string,
  signedOnly: boolean,
  limit: number,
) {
  let q = notesWithPeople(db).where('n.clinic_id', '=', clinicId).where('n.patient_id', '=', patientId);
  if (signedOnly) q = q.where('n.status', '=', 'signed');
  return q
    .orderBy((eb) => eb.case().when('n.status', '=', 'signed').then(1).else(0).end())
    .orderBy('n.session_date', 'desc')
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(limit)
    .execute();
}

/** Inserts a note; false when the id already exists (a retry, or an id used elsewhere). */
export async function insertProgressNote(db: Db, row: ProgressNoteTable): Promise<boolean> {
  const r = await db
    .insertInto('progress_notes')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Saves a draft only while it is still a draft at the version the editor started from. Returns false
 * when nothing matched (signed meanwhile, or a newer save won): the caller tells which.
 */
export async function updateDraft(
  db: Db,
  clinicId: string,
  noteId: string,
  expectedVersion: number,
  changes: Pick<ProgressNoteTable, 'appointment_id' | 'session_date' | 'format' | 'content' | 'updated_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('progress_notes')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', noteId)
    .where('status', '=', 'draft')
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function signDraft(
  db: Db,
  clinicId: string,
  noteId: string,
  expectedVersion: number,
  signer: string,
  at: number,
): Promise<boolean> {
  const r = await db
    .updateTable('progress_notes')
    .set({ status: 'signed', signed_by: signer, signed_at: at, updated_at: at, version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', noteId)
    .where('status', '=', 'draft')
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function addendaOf(db: Db, clinicId: string, noteIds: string[]) {
  if (noteIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('progress_note_addenda as d')
    .innerJoin('users as u', 'u.id', 'd.written_by')
    .selectAll('d')
    .select(['u.name as writer_name', 'u.role as writer_role'])
    .where('d.clinic_id', '=', clinicId)
    .where('d.note_id', 'in', noteIds)
    .orderBy('d.written_at')
    .orderBy('d.id')
    .execute();
}
export type AddendumRow = Awaited<ReturnType<typeof addendaOf>>[number];

export function findAddendum(db: Db, clinicId: string, id: string) {
  return db
    .selectFrom('progress_note_addenda')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertAddendum(db: Db, row: ProgressNoteAddendumTable): Promise<boolean> {
  const r = await db
    .insertInto('progress_note_addenda')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The patient and clinician of a session, or undefined when there is no such session in this clinic. */
export function sessionOf(
  db: Db,
  clinicId: string,
  appointmentId: string,
): Promise<{ patient_id: string; clinician_id: string } | undefined> {
  return db
    .selectFrom('appointments')
    .select(['patient_id', 'clinician_id'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', appointmentId)
    .executeTakeFirst();
}

// Psychotherapy notes: every function takes the author and matches on it. There is deliberately no
// "notes of a patient" query without an author.

export function findPsychotherapyNote(db: Db, clinicId: string, authorId: string, noteId: string) {
  return db
    .selectFrom('psychotherapy_notes')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('author_id', '=', authorId)
    .where('id', '=', noteId)
    .executeTakeFirst();
}

/** Whether the id is taken by anyone (a client id collision), without reading the note. */
export async function psychotherapyNoteIdTaken(db: Db, noteId: string): Promise<boolean> {
  const r = await db
    .selectFrom('psychotherapy_notes')
    .select('id')
    .where('id', '=', noteId)
    .executeTakeFirst();
  return r !== undefined;
}

/** The author's notes about one patient, newest session first, at most `limit` (issue 19). */
export function psychotherapyNotesOf(
  db: Db,
  clinicId: string,
  authorId: string,
  patientId: string,
  limit: number,
) {
  return db
    .selectFrom('psychotherapy_notes')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('author_id', '=', authorId)
    .where('patient_id', '=', patientId)
    .orderBy('session_date', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertPsychotherapyNote(db: Db, row: PsychotherapyNoteTable): Promise<boolean> {
  const r = await db
    .insertInto('psychotherapy_notes')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updatePsychotherapyNote(
  db: Db,
  clinicId: string,
  authorId: string,
  noteId: string,
  expectedVersion: number,
  changes: Pick<PsychotherapyNoteTable, 'text' | 'session_date' | 'updated_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('psychotherapy_notes')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('author_id', '=', authorId)
    .where('id', '=', noteId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// Team summaries.

function summariesWithWriter(db: Db) {
  return db
    .selectFrom('team_summaries as t')
    .innerJoin('users as u', 'u.id', 't.written_by')
    .selectAll('t')
    .select(['u.name as writer_name', 'u.role as writer_role']);
}
export type TeamSummaryRow = Awaited<ReturnType<typeof summaryHistory>>[number];

/** The current (highest) version of each kind. */
export async function currentSummaries(db: Db, clinicId: string, patientId: string) {
  const rows = await summariesWithWriter(db)
    .where('t.clinic_id', '=', clinicId)
    .where('t.patient_id', '=', patientId)
    .where((eb) =>
      eb(
        't.version',
        '=',
        eb
          .selectFrom('team_summaries as x')
          .select((x) => x.fn.max('x.version').as('v'))
          .whereRef('x.clinic_id', '=', 't.clinic_id')
          .whereRef('x.patient_id', '=', 't.patient_id')
          .whereRef('x.kind', '=', 't.kind'),
      ),
    )
    .execute();
  return rows;
}

/** Every version of one kind, newest first. */
/** The versions of one summary, newest first, at most `limit`. */
export function summaryHistory(db: Db, clinicId: string, patientId: string, kind: string, limit: number) {
  return summariesWithWriter(db)
    .where('t.clinic_id', '=', clinicId)
    .where('t.patient_id', '=', patientId)
    .where('t.kind', '=', kind)
    .orderBy('t.version', 'desc')
    .limit(limit)
    .execute();
}

export async function latestSummaryVersion(db: Db, clinicId: string, patientId: string, kind: string) {
  const r = await db
    .selectFrom('team_summaries')
    .select((eb) => eb.fn.max<number | null>('version').as('v'))
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return r?.v ?? 0;
}

/** False when this version exists already (another save won the race). */
export async function insertSummary(db: Db, row: TeamSummaryTable): Promise<boolean> {
  const r = await db
    .insertInto('team_summaries')
    .values(row)
    .onConflict((oc) => oc.columns(['clinic_id', 'patient_id', 'kind', 'version']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}
