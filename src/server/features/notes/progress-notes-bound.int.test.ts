// Issue 19: a patient's progress notes (GET /api/patients/:id/progress-notes) are bounded: every draft (one
// still to sign is never the one left out), then the latest signed notes, at most PROGRESS_NOTES_MAX,
// answered newest session first, with hasMore when older ones are not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type { ProgressNote, ProgressNoteList } from '../../../shared/notes/schemas.js';
import { PROGRESS_NOTES_MAX } from '../../../shared/lists/limits.js';
import { newId } from '../../platform/ids.js';
import { notesFixture, uuid, type NotesFixture } from './notes.test-kit.js';

let f: NotesFixture;
let base: string;
let draftId = '';
const signedIds: string[] = [];

beforeAll(async () => {
  f = await notesFixture();
  base = `/api/patients/${f.patient.overview.id}/progress-notes`;
  const res = await call(f.t.app, f.as.therapist, 'POST', base, {
    id: uuid(),
    sessionDate: '2026-11-02',
    format: 'soap',
    content: { focus: 'Sleep' },
  });
  expect(res.statusCode, res.body).toBe(201);
  draftId = res.json<ProgressNote>().id;
  const db = f.t.deps.database.db;
  const original = await db
    .selectFrom('progress_notes')
    .selectAll()
    .where('id', '=', draftId)
    .executeTakeFirstOrThrow();
  // Signed notes of the same session day, each written after the draft, in one transaction.
  await f.t.deps.database.transaction(async (trx) => {
    for (let start = 0; start < PROGRESS_NOTES_MAX; start += 100) {
      const batch = Array.from({ length: Math.min(100, PROGRESS_NOTES_MAX - start) }, (_, k) => {
        const id = newId();
        signedIds.push(id);
        const at = original.created_at + start + k + 1;
        return {
          ...original,
          id,
          status: 'signed',
          signed_by: original.author_id,
          signed_at: at,
          created_at: at,
          updated_at: at,
        };
      });
      await trx.insertInto('progress_notes').values(batch).execute();
    }
  });
});
afterAll(() => f.t.close());

describe('GET /api/patients/:id/progress-notes is bounded (issue 19)', () => {
  it('past the maximum: the draft kept, then the latest signed notes, newest first, with hasMore', async () => {
    const res = await call(f.t.app, f.as.therapist, 'GET', base);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<ProgressNoteList>();
    expect(page.notes).toHaveLength(PROGRESS_NOTES_MAX);
    expect(page.hasMore).toBe(true);
    const ids = page.notes.map((n) => n.id);
    expect(ids.at(-1)).toBe(draftId);
    expect(ids[0]).toBe(signedIds.at(-1));
    expect(ids).not.toContain(signedIds[0]);
  });

  it('the patient (signed notes only, exactly the maximum) is told nothing is missing', async () => {
    const res = await call(f.t.app, f.as.patient, 'GET', base);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<ProgressNoteList>();
    expect(page.notes).toHaveLength(PROGRESS_NOTES_MAX);
    expect(page.hasMore).toBe(false);
    expect(page.notes.map((n) => n.id)).not.toContain(draftId);
  });
});
