// Issue 19: a therapist's psychotherapy notes about a patient (GET /api/patients/:id/psychotherapy-notes) are
// bounded: the latest PSYCHOTHERAPY_NOTES_MAX by session, newest first, with hasMore when older ones are not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type { PsychotherapyNote } from '../../../shared/notes/schemas.js';
import { PSYCHOTHERAPY_NOTES_MAX } from '../../../shared/lists/limits.js';
import { newId } from '../../platform/ids.js';
import { notesFixture, uuid, type NotesFixture } from './notes.test-kit.js';
import * as repo from './notes.repository.js';

let f: NotesFixture;
let base = '';
let latestId = '';
const olderIds: string[] = []; // newest first

beforeAll(async () => {
  f = await notesFixture();
  base = `/api/patients/${f.patient.overview.id}/psychotherapy-notes`;
  const res = await call(f.t.app, f.as.therapist, 'POST', base, {
    id: uuid(),
    sessionDate: '2026-11-02',
    text: 'Transference noticed.',
  });
  expect(res.statusCode, res.body).toBe(201);
  latestId = res.json<PsychotherapyNote>().id;
  const actor = f.users.therapist.actor;
  const original = await repo.findPsychotherapyNote(
    f.t.deps.database.db,
    actor.clinicId,
    actor.userId,
    latestId,
  );
  if (!original) throw new Error('the note just written is missing');
  // Older notes, one a day before, through the notes repository (the only code that names their table).
  await f.t.deps.database.transaction(async (trx) => {
    for (let k = 0; k < PSYCHOTHERAPY_NOTES_MAX; k++) {
      const id = newId();
      olderIds.push(id);
      const day = new Date(Date.UTC(2026, 10, 1) - k * 86_400_000).toISOString().slice(0, 10);
      await repo.insertPsychotherapyNote(trx, { ...original, id, session_date: day });
    }
  });
});
afterAll(() => f.t.close());

describe('GET /api/patients/:id/psychotherapy-notes is bounded (issue 19)', () => {
  it('past the maximum: the latest by session, newest first, with hasMore', async () => {
    const res = await call(f.t.app, f.as.therapist, 'GET', base);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ notes: PsychotherapyNote[]; hasMore: boolean }>();
    expect(page.notes).toHaveLength(PSYCHOTHERAPY_NOTES_MAX);
    expect(page.hasMore).toBe(true);
    const ids = page.notes.map((n) => n.id);
    expect(ids[0]).toBe(latestId);
    expect(ids.at(-1)).toBe(olderIds.at(-2));
    expect(ids).not.toContain(olderIds.at(-1));
  });

  it('another clinician has none and is told nothing is missing', async () => {
    const res = await call(f.t.app, f.as.prescriber, 'GET', base);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ notes: [], hasMore: false });
  });
});
