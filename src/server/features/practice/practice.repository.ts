import type { Db } from '../../db/database.js';
import type {
  PracticeAssignmentTable,
  PracticeCommentTable,
  PracticeEntryTable,
} from '../../db/schema-practice.js';
import { practiceTypeSchema, type PracticeType } from '../../../shared/practice/content.js';

/** Inserts an assignment; false when the id already exists (a retry, or an id someone else used). */
export async function insertAssignment(db: Db, row: PracticeAssignmentTable): Promise<boolean> {
  const result = await db
    .insertInto('practice_assignments')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

function assignmentsWithPeople(db: Db) {
  return db
    .selectFrom('practice_assignments as a')
    .innerJoin('users as by', 'by.id', 'a.assigned_by')
    .leftJoin('users as ender', 'ender.id', 'a.ended_by')
    .selectAll('a')
    .select(['by.name as assigned_by_name', 'ender.name as ended_by_name']);
}
export type AssignmentRow = Awaited<ReturnType<typeof findAssignment>> & object;

/** By id within the clinic only: the caller checks the patient (an id is never reused). */
export async function findAssignment(db: Db, clinicId: string, assignmentId: string) {
  return assignmentsWithPeople(db)
    .where('a.clinic_id', '=', clinicId)
    .where('a.id', '=', assignmentId)
    .executeTakeFirst();
}

/** Active first, then the most recently assigned. */
export async function assignmentsOf(db: Db, clinicId: string, patientId: string) {
  return assignmentsWithPeople(db)
    .where('a.clinic_id', '=', clinicId)
    .where('a.patient_id', '=', patientId)
    .orderBy('a.status')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

/** Ends an assignment if it is still at the version the therapist saw; false when it moved on. */
export async function endAssignmentIfCurrent(
  db: Db,
  clinicId: string,
  assignmentId: string,
  expectedVersion: number,
  change: { ended_at: number; ended_by: string; ended_day: string },
): Promise<boolean> {
  const result = await db
    .updateTable('practice_assignments')
    .set((eb) => ({
      ...change,
      status: 'ended',
      updated_at: change.ended_at,
      version: eb('version', '+', 1),
    }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', assignmentId)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEntry(db: Db, row: PracticeEntryTable): Promise<boolean> {
  const result = await db
    .insertInto('practice_entries')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export type EntryRow = PracticeEntryTable;

export async function findEntry(db: Db, clinicId: string, entryId: string): Promise<EntryRow | undefined> {
  return db
    .selectFrom('practice_entries')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', entryId)
    .executeTakeFirst();
}

/** Updates an entry if it is still at `expectedVersion`; false when someone saved in between. */
/** Keeps why a completed entry showed a risk of self-harm (issue 12, shared/practice/risk.ts). */
export async function setEntryRisk(db: Db, clinicId: string, entryId: string, risk: string): Promise<void> {
  await db
    .updateTable('practice_entries')
    .set({ risk })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', entryId)
    .execute();
}

export async function updateEntryIfCurrent(
  db: Db,
  clinicId: string,
  entryId: string,
  expectedVersion: number,
  change: Pick<PracticeEntryTable, 'sharing' | 'status' | 'content' | 'day' | 'updated_at' | 'completed_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('practice_entries')
    .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', entryId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A save without If-Match: the last save wins on both engines (no version predicate, so a concurrent save
 * committed in between does not turn this one into a 412; the version still moves up by one, atomically).
 * Only a draft is overwritten this way: false when the entry was completed in between (a done entry keeps
 * its content).
 */
export async function updateDraftEntry(
  db: Db,
  clinicId: string,
  entryId: string,
  change: Pick<PracticeEntryTable, 'sharing' | 'status' | 'content' | 'day' | 'updated_at' | 'completed_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('practice_entries')
    .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('id', '=', entryId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A patient's entries, oldest day first. Visibility is decided in SQL as well as in the service, so a
 * therapist-only entry never leaves the database for a viewer who may not read it:
 * - 'own': everything (the patient);
 * - 'therapist': completed entries;
 * - 'team': completed entries shared with the whole team.
 */
export async function entriesOf(
  db: Db,
  clinicId: string,
  patientId: string,
  visible: 'own' | 'therapist' | 'team',
  assignmentId: string | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('practice_entries')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId);
  if (visible !== 'own') q = q.where('status', '=', 'done');
  if (visible === 'team') q = q.where('sharing', '=', 'team');
  if (assignmentId) q = q.where('assignment_id', '=', assignmentId);
  // The latest by day (issue 19: a bound leaves out the oldest), newest first; the caller turns them round.
  return q.orderBy('day', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Per assignment, the days of its completed entries: completion counts every completed entry, whatever its
 * sharing (the count says "done", never what was written; shared/practice/sharing.ts).
 */
export async function doneDaysOf(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('practice_entries')
    .select(['assignment_id', 'day'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'done')
    .execute();
}

/** The patient's own unfinished entries (the home page offers "continue"). */
export async function draftsOf(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('practice_entries')
    .select(['id', 'assignment_id', 'updated_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'draft')
    .orderBy('updated_at', 'desc')
    .execute();
}

export async function insertComment(db: Db, row: PracticeCommentTable): Promise<boolean> {
  const result = await db
    .insertInto('practice_comments')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findComment(db: Db, clinicId: string, commentId: string) {
  return db
    .selectFrom('practice_comments')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', commentId)
    .executeTakeFirst();
}

export type CommentRow = Awaited<ReturnType<typeof commentsOf>>[number];

export async function commentsOf(db: Db, clinicId: string, entryIds: readonly string[]) {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom('practice_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .selectAll('c')
    .select(['u.name as author_name', 'u.role as author_role'])
    .where('c.clinic_id', '=', clinicId)
    .where('c.entry_id', 'in', entryIds)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** The plan versions' content, agreed first then newest: where the plan's IPT problem area is read. */
export async function planContents(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('treatment_plan_versions')
    .select(['content', 'status', 'number'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy('number', 'desc')
    .execute();
}

/**
 * The practice types currently assigned to a patient (active assignments), each once, in library order.
 * Exported for the patient's four-weekly "how much does each part help" feedback (issue 6): it names
 * types only, never entries, so it reveals nothing a sharing choice protects.
 */
export async function practiceTypesForPatient(
  db: Db,
  clinicId: string,
  patientId: string,
): Promise<PracticeType[]> {
  const rows = await db
    .selectFrom('practice_assignments')
    .select('type')
    .distinct()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'active')
    .execute();
  const types = new Set(rows.map((r) => r.type));
  return practiceTypeSchema.options.filter((t) => types.has(t));
}

/** The states of the self-harm alerts raised about one entry (issue 12: sharing widened later). */
export async function selfHarmAlertStatesOf(db: Db, clinicId: string, entryId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('alerts')
    .select('state')
    .where('clinic_id', '=', clinicId)
    .where('subject_id', '=', entryId)
    .where('type', '=', 'self_harm_answer')
    .execute();
  return rows.map((r) => r.state);
}
