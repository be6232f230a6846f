import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type { ProgressNote, ProgressNoteList } from '../../../shared/notes/schemas.js';
import { insertSession, notesFixture, uuid, type NotesFixture } from './notes.test-kit.js';

let f: NotesFixture;
let base: string;

beforeAll(async () => {
  f = await notesFixture();
  base = `/api/patients/${f.patient.overview.id}/progress-notes`;
});
afterAll(() => f.t.close());

const complete = {
  focus: 'Sleep and the weekly activity plan',
  interventions: ['cbt_behavioural_activation', 'cbt_thought_record_review'],
  interventionsOther: '',
  practiceAssigned: 'Two planned activities a day',
  risk: { status: 'no_current_risk', details: '' },
  subjective: 'Reports sleeping better on most nights.',
  objective: 'Calm, good eye contact, on time.',
  data: '',
  assessment: 'Engaging well; mood improving.',
  plan: 'Continue activation; review thought records next week.',
};

async function draft(session = f.as.therapist, extra: Record<string, unknown> = {}) {
  const res = await call(f.t.app, session, 'POST', base, {
    id: uuid(),
    sessionDate: '2026-11-02',
    format: 'soap',
    content: { focus: 'Sleep' },
    ...extra,
  });
  expect(res.statusCode).toBe(201);
  return res.json<ProgressNote>();
}

async function signed() {
  const note = await draft();
  const saved = await call(f.t.app, f.as.therapist, 'PUT', `${base}/${note.id}`, {
    version: note.version,
    content: complete,
  });
  expect(saved.statusCode).toBe(200);
  const res = await call(f.t.app, f.as.therapist, 'POST', `${base}/${note.id}/sign`, {
    version: saved.json<ProgressNote>().version,
  });
  expect(res.statusCode).toBe(200);
  return res.json<ProgressNote>();
}

describe('progress notes: drafts', () => {
  it('starts a draft once however often the create is retried', async () => {
    const body = { id: uuid(), sessionDate: '2026-11-02', format: 'dap', content: { focus: 'Grief' } };
    const first = await call(f.t.app, f.as.therapist, 'POST', base, body);
    expect(first.statusCode).toBe(201);
    expect(first.json<ProgressNote>()).toMatchObject({
      status: 'draft',
      format: 'dap',
      version: 1,
      author: { id: f.users.therapist.id },
      content: { focus: 'Grief', plan: '', risk: { status: null } },
    });
    const retry = await call(f.t.app, f.as.therapist, 'POST', base, body);
    expect(retry.statusCode).toBe(200);
    const rows = await f.t.deps.database.db
      .selectFrom('progress_notes')
      .select('id')
      .where('id', '=', body.id)
      .execute();
    expect(rows).toHaveLength(1);
    // The same id from someone else is a collision, not their note.
    const taken = await call(f.t.app, f.as.prescriber, 'POST', base, body);
    expect(taken.statusCode).toBe(409);
  });

  it('autosaves with the version it started from; a stale save is refused', async () => {
    const note = await draft();
    const first = await call(f.t.app, f.as.therapist, 'PUT', `${base}/${note.id}`, {
      version: 1,
      content: { ...complete, focus: 'First save' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json<ProgressNote>()).toMatchObject({ version: 2, content: { focus: 'First save' } });
    const stale = await call(f.t.app, f.as.therapist, 'PUT', `${base}/${note.id}`, {
      version: 1,
      content: { ...complete, focus: 'Old tab' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe(
      'stale_version',
    );
    const now = await call(f.t.app, f.as.therapist, 'GET', `${base}/${note.id}`);
    expect(now.json<ProgressNote>().content.focus).toBe('First save');
  });

  it('the team reads a draft, only its author changes it, and the patient never sees it', async () => {
    const note = await draft();
    for (const who of ['prescriber', 'careManager', 'therapist2'] as const) {
      const read = await call(f.t.app, f.as[who], 'GET', `${base}/${note.id}`);
      expect(read.statusCode).toBe(200);
      const write = await call(f.t.app, f.as[who], 'PUT', `${base}/${note.id}`, {
        version: 1,
        content: complete,
      });
      expect(write.statusCode).toBe(403);
      expect(write.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe(
        'not_author',
      );
      const sign = await call(f.t.app, f.as[who], 'POST', `${base}/${note.id}/sign`, { version: 1 });
      expect(sign.statusCode).toBe(403);
    }
    const patientRead = await call(f.t.app, f.as.patient, 'GET', `${base}/${note.id}`);
    expect(patientRead.statusCode).toBe(404);
    const patientList = await call(f.t.app, f.as.patient, 'GET', base);
    expect(patientList.statusCode).toBe(200);
    expect(patientList.json<ProgressNoteList>().notes.map((n) => n.id)).not.toContain(note.id);
    expect(patientList.json<ProgressNoteList>().notes.every((n) => n.status === 'signed')).toBe(true);
    const teamList = await call(f.t.app, f.as.prescriber, 'GET', base);
    expect(teamList.json<ProgressNoteList>().notes.map((n) => n.id)).toContain(note.id);
  });

  it('another team and another patient get 404', async () => {
    const note = await draft();
    expect((await call(f.t.app, f.as.outsider, 'GET', `${base}/${note.id}`)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.outsider, 'GET', base)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.otherPatient, 'GET', base)).statusCode).toBe(404);
    // The note id under another patient's path is not found either.
    const elsewhere = `/api/patients/${f.otherPatient.overview.id}/progress-notes/${note.id}`;
    expect((await call(f.t.app, f.as.outsider, 'GET', elsewhere)).statusCode).toBe(404);
  });
});

describe('progress notes: sessions', () => {
  it('links a note to one of the patient’s sessions, never to another patient’s or clinician’s', async () => {
    const clinic = f.users.therapist.clinicId;
    const mine = await insertSession(f.t, clinic, f.patient.overview.id, f.users.therapist.id, '2026-10-26');
    const linked = await draft(f.as.therapist, { appointmentId: mine, sessionDate: '2026-10-26' });
    expect(linked.appointmentId).toBe(mine);

    const elsewhere = await insertSession(
      f.t,
      clinic,
      f.otherPatient.overview.id,
      f.users.outsider.id,
      '2026-10-26',
    );
    const wrongPatient = await call(f.t.app, f.as.therapist, 'POST', base, {
      id: uuid(),
      appointmentId: elsewhere,
      sessionDate: '2026-10-26',
      format: 'soap',
    });
    expect(wrongPatient.statusCode).toBe(400);

    const prescribers = await insertSession(
      f.t,
      clinic,
      f.patient.overview.id,
      f.users.prescriber.id,
      '2026-10-27',
    );
    const notMine = await call(f.t.app, f.as.therapist, 'POST', base, {
      id: uuid(),
      appointmentId: prescribers,
      sessionDate: '2026-10-27',
      format: 'soap',
    });
    expect(notMine.statusCode).toBe(400);
    const theirs = await call(f.t.app, f.as.prescriber, 'POST', base, {
      id: uuid(),
      appointmentId: prescribers,
      sessionDate: '2026-10-27',
      format: 'dap',
    });
    expect(theirs.statusCode).toBe(201);

    const unknown = await call(f.t.app, f.as.therapist, 'POST', base, {
      id: uuid(),
      appointmentId: uuid(),
      sessionDate: '2026-10-27',
      format: 'soap',
    });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('progress notes: signing locks the note', () => {
  it('refuses to sign an incomplete note and says what is missing', async () => {
    const note = await draft();
    const res = await call(f.t.app, f.as.therapist, 'POST', `${base}/${note.id}/sign`, { version: 1 });
    expect(res.statusCode).toBe(400);
    const paths = res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'content.risk.status',
        'content.subjective',
        'content.assessment',
        'content.plan',
      ]),
    );
    expect(paths).not.toContain('content.focus');
  });

  it('signs with who and when; then no save, no second signature, only addenda', async () => {
    f.t.clock.set(f.t.clock.now() + 60_000);
    const note = await signed();
    expect(note).toMatchObject({
      status: 'signed',
      signedBy: { id: f.users.therapist.id },
      signedAt: f.t.clock.now(),
    });
    const change = await call(f.t.app, f.as.therapist, 'PUT', `${base}/${note.id}`, {
      version: note.version,
      content: { ...complete, assessment: 'Rewritten after the fact' },
    });
    expect(change.statusCode).toBe(409);
    expect(change.json<{ error: { code: string; details: { reason: string } } }>().error).toMatchObject({
      code: 'conflict',
      details: { reason: 'note_signed' },
    });
    const again = await call(f.t.app, f.as.therapist, 'POST', `${base}/${note.id}/sign`, {
      version: note.version,
    });
    expect(again.statusCode).toBe(409);
    const row = await f.t.deps.database.db
      .selectFrom('progress_notes')
      .select(['content', 'version'])
      .where('id', '=', note.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(note.version);
    expect(row.content).not.toContain('Rewritten after the fact');

    // A correction is an addendum: who and when, append-only, once per client id.
    f.t.clock.set(f.t.clock.now() + 60_000);
    const body = { id: uuid(), text: 'Correction: the session was 45 minutes, not 50.' };
    const added = await call(f.t.app, f.as.prescriber, 'POST', `${base}/${note.id}/addenda`, body);
    expect(added.statusCode).toBe(201);
    expect(added.json<ProgressNote>().addenda).toEqual([
      expect.objectContaining({
        text: body.text,
        writtenBy: expect.objectContaining({ id: f.users.prescriber.id, role: 'prescriber' }) as unknown,
        writtenAt: f.t.clock.now(),
      }),
    ]);
    const retry = await call(f.t.app, f.as.prescriber, 'POST', `${base}/${note.id}/addenda`, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<ProgressNote>().addenda).toHaveLength(1);
    f.t.clock.set(f.t.clock.now() + 60_000);
    const second = await call(f.t.app, f.as.therapist, 'POST', `${base}/${note.id}/addenda`, {
      id: uuid(),
      text: 'Also: the patient asked for an earlier time next week.',
    });
    expect(second.json<ProgressNote>().addenda.map((a) => a.writtenBy.id)).toEqual([
      f.users.prescriber.id,
      f.users.therapist.id,
    ]);

    // The patient reads the signed note with its addenda (right of access).
    const patientView = await call(f.t.app, f.as.patient, 'GET', `${base}/${note.id}`);
    expect(patientView.statusCode).toBe(200);
    expect(patientView.json<ProgressNote>()).toMatchObject({
      status: 'signed',
      content: { focus: complete.focus },
    });
    expect(patientView.json<ProgressNote>().addenda).toHaveLength(2);
    const list = await call(f.t.app, f.as.patient, 'GET', base);
    expect(list.json<ProgressNoteList>().notes.map((n) => n.id)).toContain(note.id);
    // The patient cannot write anything.
    const patientAddendum = await call(f.t.app, f.as.patient, 'POST', `${base}/${note.id}/addenda`, {
      id: uuid(),
      text: 'x',
    });
    expect(patientAddendum.statusCode).toBe(404);
  });

  it('a draft takes no addenda (it is edited instead)', async () => {
    const note = await draft();
    const res = await call(f.t.app, f.as.therapist, 'POST', `${base}/${note.id}/addenda`, {
      id: uuid(),
      text: 'x',
    });
    expect(res.statusCode).toBe(409);
  });

  it('a risk discussion needs its details before signing', async () => {
    const note = await draft();
    const saved = await call(f.t.app, f.as.therapist, 'PUT', `${base}/${note.id}`, {
      version: 1,
      content: { ...complete, risk: { status: 'risk_discussed', details: ' ' } },
    });
    const res = await call(f.t.app, f.as.therapist, 'POST', `${base}/${note.id}/sign`, {
      version: saved.json<ProgressNote>().version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual([
      'content.risk.details',
    ]);
  });

  it('audits every read and write with the patient', async () => {
    const note = await signed();
    await call(f.t.app, f.as.patient, 'GET', `${base}/${note.id}`);
    const events = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'patient_id'])
      .where('resource_id', '=', note.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'progress_note.create',
      'progress_note.save',
      'progress_note.sign',
      'progress_note.read',
    ]);
    expect(events.every((e) => e.patient_id === f.patient.overview.id)).toBe(true);
  });
});
