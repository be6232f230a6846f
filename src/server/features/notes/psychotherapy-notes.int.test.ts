import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type { PsychotherapyNote } from '../../../shared/notes/schemas.js';
import { notesFixture, uuid, type NotesFixture } from './notes.test-kit.js';

// The psychotherapy-note privacy rule: the author alone reads and writes; everyone else gets 404 for an
// id and an empty list (or the gate's 404), and the note shows up in no other output.

let f: NotesFixture;
let base: string;
let note: PsychotherapyNote;
const SECRET = 'Kestrel-private-process-note-7Q';

beforeAll(async () => {
  f = await notesFixture();
  base = `/api/patients/${f.patient.overview.id}/psychotherapy-notes`;
  const res = await call(f.t.app, f.as.therapist, 'POST', base, {
    id: uuid(),
    sessionDate: '2026-11-02',
    text: `${SECRET}: transference noticed when talking about her father.`,
  });
  expect(res.statusCode).toBe(201);
  note = res.json<PsychotherapyNote>();
});
afterAll(() => f.t.close());

const teamOthers = ['prescriber', 'careManager', 'therapist2'] as const;
const gateOthers = ['admin', 'patient', 'outsider', 'otherPatient'] as const;

describe('psychotherapy notes: the author', () => {
  it('reads, lists and edits their own note; a retried create makes no second note', async () => {
    const list = await call(f.t.app, f.as.therapist, 'GET', base);
    expect(list.json<{ notes: PsychotherapyNote[] }>().notes.map((n) => n.id)).toEqual([note.id]);
    const read = await call(f.t.app, f.as.therapist, 'GET', `${base}/${note.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<PsychotherapyNote>().text).toContain(SECRET);
    const saved = await call(f.t.app, f.as.therapist, 'PUT', `${base}/${note.id}`, {
      version: note.version,
      text: `${SECRET}: transference noticed; revisit next time.`,
    });
    expect(saved.statusCode).toBe(200);
    note = saved.json<PsychotherapyNote>();
    expect(note.version).toBe(2);
    const stale = await call(f.t.app, f.as.therapist, 'PUT', `${base}/${note.id}`, {
      version: 1,
      text: 'old',
    });
    expect(stale.statusCode).toBe(409);

    const body = { id: uuid(), sessionDate: '2026-11-03', text: 'Second note' };
    expect((await call(f.t.app, f.as.therapist, 'POST', base, body)).statusCode).toBe(201);
    expect((await call(f.t.app, f.as.therapist, 'POST', base, body)).statusCode).toBe(200);
    const count = await f.t.deps.database.db
      .selectFrom('psychotherapy_notes')
      .select('id')
      .where('id', '=', body.id)
      .execute();
    expect(count).toHaveLength(1);
  });
});

describe('psychotherapy notes: everyone else', () => {
  it.each(teamOthers)('%s on the same team gets 404 for the id and an empty list', async (who) => {
    const read = await call(f.t.app, f.as[who], 'GET', `${base}/${note.id}`);
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain(SECRET);
    const write = await call(f.t.app, f.as[who], 'PUT', `${base}/${note.id}`, {
      version: note.version,
      text: 'overwritten',
    });
    expect(write.statusCode).toBe(404);
    const list = await call(f.t.app, f.as[who], 'GET', base);
    expect(list.statusCode).toBe(200);
    // Same answer as for a patient with no notes at all: no count, no hint.
    expect(list.json()).toEqual({ notes: [], hasMore: false });
  });

  it.each(gateOthers)('%s gets 404 for the id and for the list', async (who) => {
    const read = await call(f.t.app, f.as[who], 'GET', `${base}/${note.id}`);
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain(SECRET);
    const list = await call(f.t.app, f.as[who], 'GET', base);
    expect(list.statusCode).toBe(404);
    const write = await call(f.t.app, f.as[who], 'PUT', `${base}/${note.id}`, { version: 1, text: 'x' });
    expect(write.statusCode).toBe(404);
  });

  it('an unknown id and someone else’s id answer exactly alike', async () => {
    const theirs = await call(f.t.app, f.as.prescriber, 'GET', `${base}/${note.id}`);
    const unknown = await call(f.t.app, f.as.prescriber, 'GET', `${base}/${uuid()}`);
    expect(theirs.statusCode).toBe(unknown.statusCode);
    expect(theirs.body).toBe(unknown.body);
  });

  it('the text never changed through someone else’s write', async () => {
    const row = await f.t.deps.database.db
      .selectFrom('psychotherapy_notes')
      .select(['text', 'version'])
      .where('id', '=', note.id)
      .executeTakeFirstOrThrow();
    expect(row.text).toContain(SECRET);
    expect(row.version).toBe(note.version);
  });

  it('another clinician’s own psychotherapy note is theirs alone too', async () => {
    const mine = await call(f.t.app, f.as.prescriber, 'POST', base, {
      id: uuid(),
      sessionDate: '2026-11-02',
      text: 'Prescriber private note',
    });
    expect(mine.statusCode).toBe(201);
    const id = mine.json<PsychotherapyNote>().id;
    expect((await call(f.t.app, f.as.therapist, 'GET', `${base}/${id}`)).statusCode).toBe(404);
    const therapistList = await call(f.t.app, f.as.therapist, 'GET', base);
    expect(therapistList.json<{ notes: PsychotherapyNote[] }>().notes.map((n) => n.id)).not.toContain(id);
    const prescriberList = await call(f.t.app, f.as.prescriber, 'GET', base);
    expect(prescriberList.json<{ notes: PsychotherapyNote[] }>().notes.map((n) => n.id)).toEqual([id]);
  });
});

describe('psychotherapy notes appear in no other output', () => {
  it('not in the overview, progress notes, summaries, access report, caseload or registry', async () => {
    const patientId = f.patient.overview.id;
    // Give the other endpoints something to show.
    await call(f.t.app, f.as.therapist, 'PUT', `/api/patients/${patientId}/team-summaries/therapy`, {
      text: 'Working on activation and sleep.',
      baseVersion: 0,
    });
    await call(f.t.app, f.as.therapist, 'POST', `/api/patients/${patientId}/progress-notes`, {
      id: uuid(),
      sessionDate: '2026-11-02',
      format: 'soap',
      content: { focus: 'Sleep' },
    });
    const urls = [
      `/api/patients/${patientId}`,
      `/api/patients/${patientId}/progress-notes`,
      `/api/patients/${patientId}/team-summaries`,
      `/api/patients/${patientId}/team-summaries/history?kind=therapy`,
      `/api/patients/${patientId}/access-report`,
      '/api/patients',
      '/api/registry',
    ];
    const checked: string[] = [];
    for (const who of ['therapist', 'therapist2', 'prescriber', 'careManager', 'patient'] as const) {
      for (const url of urls) {
        const res = await call(f.t.app, f.as[who], 'GET', url);
        if (res.statusCode !== 200) continue;
        checked.push(`${who} ${url}`);
        expect(res.body, `${who} ${url}`).not.toContain(SECRET);
        expect(res.body, `${who} ${url}`).not.toContain(note.id);
        expect(res.body.toLowerCase(), `${who} ${url}`).not.toContain('psychotherapy');
      }
    }
    // The author's own views count too, and the patient's: make sure the main ones were really read.
    expect(checked).toEqual(
      expect.arrayContaining([
        `therapist /api/patients/${patientId}`,
        `therapist /api/patients/${patientId}/progress-notes`,
        `therapist /api/patients/${patientId}/access-report`,
        `prescriber /api/patients/${patientId}/team-summaries`,
        `patient /api/patients/${patientId}/access-report`,
        `patient /api/patients/${patientId}/progress-notes`,
        'therapist /api/patients',
      ]),
    );
  });

  it('is audited as "a psychotherapy note" without the text and without the patient', async () => {
    const rows = await f.t.deps.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('resource_type', '=', 'psychotherapy_note')
      .orderBy('seq')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.patient_id === null)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    const authorActions = rows.filter(
      (r) => r.actor_id === f.users.therapist.id && r.resource_id === note.id,
    );
    expect(authorActions.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'psychotherapy_note.create',
        'psychotherapy_note.read',
        'psychotherapy_note.save',
      ]),
    );
    const refused = rows.filter((r) => r.actor_id === f.users.prescriber.id && r.resource_id === note.id);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.outcome === 'denied')).toBe(true);
  });
});
