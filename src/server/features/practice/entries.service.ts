import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, recordDenied, withPatientRecord } from '../../platform/access/patient-access.js';
import { parseContent, practiceTypeSchema } from '../../../shared/practice/content.js';
import { missingForDone } from '../../../shared/practice/completeness.js';
import { practiceKind } from '../../../shared/practice/library.js';
import { canViewEntry, sharingSchema } from '../../../shared/practice/sharing.js';
import type { NewComment, PracticeEntry, SaveEntry } from '../../../shared/practice/schemas.js';
import * as repo from './practice.repository.js';
import { toEntry } from './practice.mapper.js';
import { crisisOfEntry, reportEntryRisk, reportSharingWidened } from './entry-risk.js';
import type { Crisis } from '../../../shared/measures/schemas.js';
import { assignmentOfPatient, patientDay, sqlVisibility, viewerOf } from './practice.service.js';
import { PRACTICE_ENTRIES_MAX } from '../../../shared/lists/limits.js';

const entryNotFound = () => notFound('Practice entry');

/**
 * One entry as this actor may see it. A therapist-only entry answers 404 to the prescriber and the care
 * manager, and a draft answers 404 to every clinician: exactly like an id that does not exist.
 */
async function visibleEntry(trx: Db, actor: Actor, patientId: string, entryId: string) {
  const row = await repo.findEntry(trx, actor.clinicId, entryId);
  if (row?.patient_id !== patientId) return null;
  const status = row.status === 'done' ? 'done' : 'draft';
  if (!canViewEntry(viewerOf(actor), { status, sharing: sharingSchema.parse(row.sharing) })) return null;
  return row;
}

async function withComments(trx: Db, clinicId: string, row: repo.EntryRow): Promise<PracticeEntry> {
  return toEntry(row, await repo.commentsOf(trx, clinicId, [row.id]));
}

/** The entries this actor may read, oldest day first; optionally of one assignment. */
export function listEntries(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  assignmentId?: string,
): Promise<{ entries: PracticeEntry[]; hasMore: boolean }> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'practice.entry.list', resourceType: 'practice_entry' },
    async (trx) => {
      const found = await repo.entriesOf(
        trx,
        actor.clinicId,
        patientId,
        sqlVisibility(viewerOf(actor)),
        assignmentId,
        PRACTICE_ENTRIES_MAX + 1,
      );
      const rows = found.slice(0, PRACTICE_ENTRIES_MAX).reverse();
      const comments = await repo.commentsOf(
        trx,
        actor.clinicId,
        rows.map((r) => r.id),
      );
      return { entries: rows.map((r) => toEntry(r, comments)), hasMore: found.length > rows.length };
    },
  );
}

/** Thrown inside the transaction when the entry exists but is not this reader's to see. */
class HiddenEntry extends Error {}

/**
 * One entry. A therapist-only entry opened by the prescriber or the care manager (or a draft opened by any
 * clinician) answers 404 like an unknown id, and the attempt is kept in the audit trail as refused.
 */
export async function getEntry(deps: AppDeps, actor: Actor, patientId: string, entryId: string) {
  const what = { action: 'practice.entry.read', resourceType: 'practice_entry', resourceId: entryId };
  try {
    return await readPatientRecord(deps, actor, patientId, what, async (trx) => {
      const row = await visibleEntry(trx, actor, patientId, entryId);
      if (row) return withComments(trx, actor.clinicId, row);
      const exists = await repo.findEntry(trx, actor.clinicId, entryId);
      throw exists?.patient_id === patientId ? new HiddenEntry() : entryNotFound();
    });
  } catch (error) {
    if (!(error instanceof HiddenEntry)) throw error;
    await deps.database.transaction((trx) => recordDenied(deps, trx, actor, patientId, what));
    throw entryNotFound();
  }
}

const stale = (current: PracticeEntry) =>
  new AppError('precondition_failed', 'This entry was saved from somewhere else. Review it and try again.', {
    current,
  });

function requireDoneable(type: ReturnType<typeof practiceTypeSchema.parse>, content: never) {
  const missing = missingForDone(type, content);
  if (missing.length > 0)
    throw new AppError(
      'validation_failed',
      'A few answers are needed before this is done.',
      missing.map((m) => ({ path: `body.content.${m.path}`, message: m.message })),
    );
}

/**
 * The patient saves an entry under the id their phone made: the first save creates it (201), later saves
 * update the draft (200), `done: true` completes it. A save identical to what is stored changes nothing
 * (a retried request). If-Match is optional: given, a stale save answers 412 with the entry as stored;
 * absent, the last save wins. A done entry keeps its content; only its sharing choice can change.
 */
export function saveEntry(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  entryId: string,
  input: SaveEntry,
  expectedVersion: number | null,
): Promise<{ entry: PracticeEntry; created: boolean; crisis: Crisis | null }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'practice.entry.save', resourceType: 'practice_entry', resourceId: entryId },
    async (trx) => {
      const assignment = await assignmentOfPatient(trx, actor, patientId, input.assignmentId);
      const type = practiceTypeSchema.parse(assignment.type);
      const parsed = parseContent(type, input.content);
      if (!parsed.success)
        throw new AppError(
          'validation_failed',
          'Some answers are not valid for this practice.',
          parsed.error.issues.map((i) => ({
            path: ['body', 'content', ...i.path.map(String)].join('.'),
            message: i.message,
          })),
        );
      const content = parsed.data;
      // The interpersonal log is about the problem area the therapist assigned it for.
      if ('problemArea' in content)
        content.problemArea = assignment.ipt_problem_area as typeof content.problemArea;
      const contentJson = JSON.stringify(content);
      const now = deps.clock.now();
      const { today } = await patientDay(trx, actor.clinicId, patientId, now);
      if (input.day !== undefined && input.day > today)
        throw new AppError('validation_failed', 'This day has not happened yet.', [
          { path: 'body.day', message: `This day has not happened yet: choose ${today} or earlier.` },
        ]);
      const status = input.done ? 'done' : 'draft';

      let existing = await repo.findEntry(trx, actor.clinicId, entryId);
      if (!existing) {
        if (assignment.status !== 'active')
          throw new AppError('conflict', 'Your therapist has ended this practice; it takes no new entries.');
        if (input.done) requireDoneable(type, content as never);
        const inserted = await repo.insertEntry(trx, {
          id: entryId,
          clinic_id: actor.clinicId,
          patient_id: patientId,
          assignment_id: assignment.id,
          type,
          sharing: input.sharing ?? practiceKind(type).defaultSharing,
          status,
          content: contentJson,
          day: input.day ?? today,
          started_at: now,
          updated_at: now,
          completed_at: input.done ? now : null,
          version: 1,
        });
        const row = await repo.findEntry(trx, actor.clinicId, entryId);
        if (inserted && row) {
          const crisis = input.done ? await reportEntryRisk(deps, trx, actor.clinicId, row) : null;
          return { entry: await withComments(trx, actor.clinicId, row), created: true, crisis };
        }
        existing = row;
      }
      if (existing?.patient_id !== patientId)
        throw new AppError('conflict', 'This entry id is already used. Send a new id.', [
          { path: 'params.entryId', message: 'Already used' },
        ]);
      if (existing.assignment_id !== assignment.id)
        throw new AppError('conflict', 'This entry belongs to another practice.', [
          { path: 'body.assignmentId', message: 'Not this entry’s practice' },
        ]);
      const current = () => withComments(trx, actor.clinicId, existing);
      if (expectedVersion !== null && expectedVersion !== existing.version) throw stale(await current());

      const next = {
        sharing: input.sharing ?? existing.sharing,
        status: existing.status === 'done' ? 'done' : status,
        content: contentJson,
        day: input.day ?? existing.day,
      };
      if (
        existing.status === 'done' &&
        (!input.done || next.content !== existing.content || next.day !== existing.day)
      )
        throw new AppError('conflict', 'This entry is done: only who can read it can still change.');
      const unchanged =
        next.sharing === existing.sharing &&
        next.status === existing.status &&
        next.content === existing.content &&
        next.day === existing.day;
      if (unchanged)
        return {
          entry: await current(),
          created: false,
          crisis: await crisisOfEntry(trx, actor.clinicId, existing),
        };
      if (next.status === 'done' && existing.status !== 'done') requireDoneable(type, content as never);
      const change = {
        ...next,
        updated_at: now,
        completed_at: existing.completed_at ?? (next.status === 'done' ? now : null),
      };
      // Without If-Match the last save wins, also when another save commits in between (PostgreSQL).
      const saved =
        expectedVersion === null && existing.status === 'draft'
          ? await repo.updateDraftEntry(trx, actor.clinicId, entryId, change)
          : await repo.updateEntryIfCurrent(trx, actor.clinicId, entryId, existing.version, change);
      if (!saved) throw stale(await current());
      const row = await repo.findEntry(trx, actor.clinicId, entryId);
      if (!row) throw entryNotFound();
      const crisis =
        existing.status !== 'done' && next.status === 'done'
          ? await reportEntryRisk(deps, trx, actor.clinicId, row)
          : await crisisOfEntry(trx, actor.clinicId, row);
      await reportSharingWidened(deps, trx, actor.clinicId, existing, row);
      return { entry: await withComments(trx, actor.clinicId, row), created: false, crisis };
    },
  );
}

/** The therapist comments on a completed entry; the patient (and whoever may read it) sees the comment. */
export function addComment(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  entryId: string,
  input: NewComment,
): Promise<{ entry: PracticeEntry; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'practice.comment', resourceType: 'practice_entry', resourceId: entryId },
    async (trx) => {
      const entry = await visibleEntry(trx, actor, patientId, entryId);
      if (!entry) throw entryNotFound();
      const previous = await repo.findComment(trx, actor.clinicId, input.id);
      if (previous && previous.entry_id !== entryId)
        throw new AppError('conflict', 'This comment id is already used. Send a new id.', [
          { path: 'body.id', message: 'Already used' },
        ]);
      const created =
        !previous &&
        (await repo.insertComment(trx, {
          id: input.id,
          clinic_id: actor.clinicId,
          patient_id: patientId,
          entry_id: entryId,
          author_id: actor.userId,
          text: input.text,
          created_at: deps.clock.now(),
        }));
      return { entry: await withComments(trx, actor.clinicId, entry), created };
    },
  );
}
