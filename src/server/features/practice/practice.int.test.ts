import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type {
  PracticeAssignment,
  PracticeEntry,
  PracticeOverview,
} from '../../../shared/practice/schemas.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { practiceTypesForPatient } from './practice.repository.js';

let f: MessagingFixture;
let base: string;
const DAY = 86_400_000;

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/practice`;
});
afterAll(() => f.t.close());

const thoughtRecord = {
  situation: 'My manager frowned at my report',
  moods: [{ name: 'Anxious', intensity: 80 }],
  thoughts: [{ text: 'I am about to be fired', belief: 90, hot: true }],
  evidenceFor: 'She frowned',
  evidenceAgainst: 'She praised the last two reports',
  balancedThought: 'One frown is not a verdict on my work',
  balancedBelief: 70,
  hotThoughtBeliefAfter: 35,
};
const diaryCard = {
  emotions: [{ name: 'Sadness', rating: 3 }],
  urges: [{ behaviour: 'Self-harm', urge: 2, actedOn: false }],
  skills: ['TIPP'],
  distress: 5,
};

async function assign(body: Record<string, unknown>, as = f.as.therapist) {
  return call(f.t.app, as, 'POST', `${base}/assignments`, { id: uuid(), dueDay: '2026-11-30', ...body });
}
async function save(entryId: string, body: Record<string, unknown>, ifMatch?: number) {
  return call(
    f.t.app,
    f.as.patient,
    'PUT',
    `${base}/entries/${entryId}`,
    body,
    ifMatch === undefined ? undefined : { 'if-match': `"${String(ifMatch)}"` },
  );
}

let thoughtAssignment: PracticeAssignment;
let diaryAssignment: PracticeAssignment;
const privateEntry = uuid();
const teamEntry = uuid();

describe('assigning practice', () => {
  it('the therapist assigns; a retry with the same id returns the first assignment', async () => {
    const id = uuid();
    const body = {
      id,
      type: 'thought_record',
      instructions: 'After any strong mood shift',
      frequency: { kind: 'weekly', timesPerWeek: 3 },
      dueDay: '2026-11-30',
    };
    const first = await call(f.t.app, f.as.therapist, 'POST', `${base}/assignments`, body);
    expect(first.statusCode).toBe(201);
    thoughtAssignment = first.json<PracticeAssignment>();
    expect(thoughtAssignment).toMatchObject({
      type: 'thought_record',
      startDay: '2026-11-02',
      status: 'active',
      defaultSharing: 'therapist',
      libraryVersion: '1',
      completion: { completed: 0, expected: 0, rate: null },
    });
    const retry = await call(f.t.app, f.as.therapist, 'POST', `${base}/assignments`, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<PracticeAssignment>().id).toBe(id);
    const rows = await f.t.deps.database.db
      .selectFrom('practice_assignments')
      .select('id')
      .where('id', '=', id)
      .execute();
    expect(rows).toHaveLength(1);

    const diary = await assign({ type: 'diary_card', frequency: { kind: 'daily' } });
    expect(diary.statusCode).toBe(201);
    diaryAssignment = diary.json<PracticeAssignment>();
    expect(diaryAssignment.defaultSharing).toBe('team');
  });

  it('the prescriber and the care manager read assignments but cannot assign (403); strangers get 404', async () => {
    for (const as of [f.as.prescriber, f.as.careManager]) {
      expect((await assign({ type: 'diary_card', frequency: { kind: 'daily' } }, as)).statusCode).toBe(403);
      const read = await call(f.t.app, as, 'GET', base);
      expect(read.statusCode).toBe(200);
      expect(read.json<PracticeOverview>().assignments.map((a) => a.id)).toContain(thoughtAssignment.id);
    }
    expect(
      (await assign({ type: 'diary_card', frequency: { kind: 'daily' } }, f.as.patient)).statusCode,
    ).toBe(404);
    expect(
      (await assign({ type: 'diary_card', frequency: { kind: 'daily' } }, f.as.outsider)).statusCode,
    ).toBe(404);
    expect((await call(f.t.app, f.as.outsider, 'GET', base)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.otherPatient, 'GET', base)).statusCode).toBe(404);
  });

  it('refuses a due date in the past, an IPT log without a problem area, a free-form exercise without instructions', async () => {
    const past = await assign({ type: 'diary_card', frequency: { kind: 'daily' }, dueDay: '2026-10-01' });
    expect(past.statusCode).toBe(400);
    const ipt = await assign({ type: 'ipt_log', frequency: { kind: 'weekly', timesPerWeek: 2 } });
    expect(ipt.statusCode).toBe(400);
    expect(ipt.body).toContain('body.iptProblemArea');
    const wrongArea = await assign({
      type: 'diary_card',
      frequency: { kind: 'daily' },
      iptProblemArea: 'grief',
    });
    expect(wrongArea.statusCode).toBe(400);
    const free = await assign({ type: 'free_form', frequency: { kind: 'once' } });
    expect(free.statusCode).toBe(400);
    const named = await assign({
      type: 'ipt_log',
      frequency: { kind: 'once' },
      iptProblemArea: 'role_transitions',
    });
    expect(named.statusCode).toBe(201);
    expect(named.json<PracticeAssignment>().iptProblemArea).toBe('role_transitions');
  });
});

describe('the patient completes practice, saved as they go', () => {
  it('autosaves a draft under the phone’s id: a retry changes nothing, a stale If-Match gets 412', async () => {
    const draft = { assignmentId: thoughtAssignment.id, content: { situation: 'My manager frowned' } };
    const first = await save(privateEntry, draft);
    expect(first.statusCode).toBe(201);
    expect(first.json<PracticeEntry>()).toMatchObject({ status: 'draft', version: 1, sharing: 'therapist' });
    expect(first.headers.etag).toBe('"1"');
    const retry = await save(privateEntry, draft);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<PracticeEntry>().version).toBe(1);

    const more = await save(
      privateEntry,
      { ...draft, content: { ...thoughtRecord, balancedThought: '' } },
      1,
    );
    expect(more.json<PracticeEntry>().version).toBe(2);
    const stale = await save(privateEntry, draft, 1);
    expect(stale.statusCode).toBe(412);
    expect(
      stale.json<{ error: { details: { current: PracticeEntry } } }>().error.details.current.version,
    ).toBe(2);
    // Without If-Match the last save wins (documented in docs/api.md).
    const lww = await save(privateEntry, { ...draft, content: { ...thoughtRecord, balancedThought: '' } });
    expect(lww.statusCode).toBe(200);
    expect(lww.json<PracticeEntry>().version).toBe(2);
  });

  it('concurrent saves without If-Match all succeed (last write wins on both engines); a stale If-Match still gets 412', async () => {
    const id = uuid();
    const draft = { assignmentId: thoughtAssignment.id, content: { situation: 'Start' } };
    expect((await save(id, draft)).statusCode).toBe(201);
    const situations = ['One', 'Two', 'Three', 'Four', 'Five'];
    const results = await Promise.all(
      situations.map((situation) => save(id, { ...draft, content: { situation } })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const after = await save(id, { ...draft, content: { situation: 'Last' } });
    expect(after.statusCode).toBe(200);
    // Every save counted: created at 1, five concurrent saves, then one more.
    expect(after.json<PracticeEntry>().version).toBe(7);
    expect(after.json<PracticeEntry>().content).toMatchObject({ situation: 'Last' });
    expect((await save(id, { ...draft, content: { situation: 'Stale' } }, 6)).statusCode).toBe(412);
  });

  it('validates content against the assignment’s type and asks for the heart of it before “done”', async () => {
    const bad = await save(privateEntry, {
      assignmentId: thoughtAssignment.id,
      content: { moods: [{ name: 'Anxious', intensity: 140 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('body.content.moods.0.intensity');
    const notYet = await save(privateEntry, {
      assignmentId: thoughtAssignment.id,
      content: { ...thoughtRecord, balancedThought: '' },
      done: true,
    });
    expect(notYet.statusCode).toBe(400);
    expect(notYet.body).toContain('body.content.balancedThought');
    const wrongAssignment = await save(privateEntry, {
      assignmentId: diaryAssignment.id,
      content: diaryCard,
    });
    expect(wrongAssignment.statusCode).toBe(409);
  });

  it('clinicians never see a draft', async () => {
    for (const as of [f.as.therapist, f.as.prescriber, f.as.careManager]) {
      expect((await call(f.t.app, as, 'GET', `${base}/entries/${privateEntry}`)).statusCode).toBe(404);
      const list = await call(f.t.app, as, 'GET', `${base}/entries`);
      expect(list.json<{ entries: PracticeEntry[] }>().entries).toEqual([]);
    }
    const mine = await call(f.t.app, f.as.patient, 'GET', base);
    const overview = mine.json<PracticeOverview>();
    expect(overview.assignments.find((a) => a.id === thoughtAssignment.id)?.draftEntryId).toBe(privateEntry);
  });

  it('“done” completes it (therapist-only by default); the retry of “done” is harmless; only clinicians are refused writing', async () => {
    const done = { assignmentId: thoughtAssignment.id, content: thoughtRecord, done: true };
    const res = await save(privateEntry, done);
    expect(res.statusCode).toBe(200);
    expect(res.json<PracticeEntry>()).toMatchObject({ status: 'done', sharing: 'therapist', version: 3 });
    const again = await save(privateEntry, done);
    expect(again.json<PracticeEntry>().version).toBe(3);
    const edit = await save(privateEntry, { ...done, content: { ...thoughtRecord, situation: 'changed' } });
    expect(edit.statusCode).toBe(409);
    for (const as of [f.as.therapist, f.as.prescriber, f.as.careManager]) {
      const res2 = await call(f.t.app, as, 'PUT', `${base}/entries/${uuid()}`, done);
      expect(res2.statusCode).toBe(403);
    }
    const team = await save(teamEntry, { assignmentId: diaryAssignment.id, content: diaryCard, done: true });
    expect(team.statusCode).toBe(201);
    expect(team.json<PracticeEntry>().sharing).toBe('team');
  });
});

describe('sharing: the prescriber and the care manager never see a therapist-only entry', () => {
  it('the therapist reads both; the prescriber and care manager get 404 for the private id and a list without it', async () => {
    const therapist = await call(f.t.app, f.as.therapist, 'GET', `${base}/entries`);
    expect(
      therapist
        .json<{ entries: PracticeEntry[] }>()
        .entries.map((e) => e.id)
        .sort(),
    ).toEqual([privateEntry, teamEntry].sort());
    expect((await call(f.t.app, f.as.therapist, 'GET', `${base}/entries/${privateEntry}`)).statusCode).toBe(
      200,
    );
    for (const as of [f.as.prescriber, f.as.careManager]) {
      const one = await call(f.t.app, as, 'GET', `${base}/entries/${privateEntry}`);
      expect(one.statusCode).toBe(404);
      expect(one.body).not.toContain('manager frowned');
      const list = await call(f.t.app, as, 'GET', `${base}/entries`);
      expect(list.json<{ entries: PracticeEntry[] }>().entries.map((e) => e.id)).toEqual([teamEntry]);
      expect(list.body).not.toContain('manager frowned');
      const byAssignment = await call(
        f.t.app,
        as,
        'GET',
        `${base}/entries?assignmentId=${thoughtAssignment.id}`,
      );
      expect(byAssignment.json<{ entries: PracticeEntry[] }>().entries).toEqual([]);
      expect((await call(f.t.app, as, 'GET', `${base}/entries/${teamEntry}`)).statusCode).toBe(200);
    }
  });

  it('the refused attempts on the private entry are in the audit trail', async () => {
    const refused = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['actor_role', 'resource_id'])
      .where('action', '=', 'practice.entry.read')
      .where('outcome', '=', 'denied')
      .where('patient_id', '=', f.patient.overview.id)
      .execute();
    expect(refused.filter((r) => r.resource_id === privateEntry).map((r) => r.actor_role)).toEqual(
      expect.arrayContaining(['prescriber', 'care_manager']),
    );
  });

  it('completion counts include the private entry without its content (as the patient is told)', async () => {
    for (const as of [f.as.prescriber, f.as.careManager, f.as.therapist]) {
      const overview = (await call(f.t.app, as, 'GET', base)).json<PracticeOverview>();
      const thought = overview.assignments.find((a) => a.id === thoughtAssignment.id);
      // 3 a week: the running week is not over and not yet met, so it is not expected yet; the entry is done.
      expect(thought?.completion).toMatchObject({ done: 1, completed: 0, expected: 0 });
      expect(thought?.draftEntryId).toBeNull();
      expect(JSON.stringify(overview)).not.toContain('manager frowned');
    }
  });

  it('the patient can change who reads a done entry: shared, the prescriber sees it; private again, 404', async () => {
    const body = { assignmentId: thoughtAssignment.id, content: thoughtRecord, done: true };
    const shared = await save(privateEntry, { ...body, sharing: 'team' });
    expect(shared.json<PracticeEntry>().sharing).toBe('team');
    expect((await call(f.t.app, f.as.prescriber, 'GET', `${base}/entries/${privateEntry}`)).statusCode).toBe(
      200,
    );
    await save(privateEntry, { ...body, sharing: 'therapist' });
    expect((await call(f.t.app, f.as.prescriber, 'GET', `${base}/entries/${privateEntry}`)).statusCode).toBe(
      404,
    );
    expect((await call(f.t.app, f.as.careManager, 'GET', `${base}/entries/${privateEntry}`)).statusCode).toBe(
      404,
    );
  });

  it('another patient’s record and unknown ids answer 404; an id already used elsewhere is refused', async () => {
    const otherBase = `/api/patients/${f.otherPatient.overview.id}/practice`;
    expect(
      (await call(f.t.app, f.as.therapist, 'GET', `${otherBase}/entries/${privateEntry}`)).statusCode,
    ).toBe(404);
    expect((await call(f.t.app, f.as.patient, 'GET', `${base}/entries/${uuid()}`)).statusCode).toBe(404);
    const otherAssign = await call(f.t.app, f.as.outsider, 'POST', `${otherBase}/assignments`, {
      id: uuid(),
      type: 'diary_card',
      frequency: { kind: 'daily' },
      dueDay: '2026-11-30',
    });
    expect(otherAssign.statusCode).toBe(201);
    const reuse = await call(f.t.app, f.as.otherPatient, 'PUT', `${otherBase}/entries/${privateEntry}`, {
      assignmentId: otherAssign.json<PracticeAssignment>().id,
      content: diaryCard,
    });
    expect(reuse.statusCode).toBe(409);
    expect(reuse.body).not.toContain('manager frowned');
    // The patient cannot use another patient's assignment.
    const foreign = await save(uuid(), {
      assignmentId: otherAssign.json<PracticeAssignment>().id,
      content: diaryCard,
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('review: comments and ending', () => {
  it('the therapist comments (idempotent); the patient sees it; others on the team cannot comment', async () => {
    const id = uuid();
    const first = await call(f.t.app, f.as.therapist, 'POST', `${base}/entries/${privateEntry}/comments`, {
      id,
      text: 'Good catch on the evidence against.',
    });
    expect(first.statusCode).toBe(201);
    const retry = await call(f.t.app, f.as.therapist, 'POST', `${base}/entries/${privateEntry}/comments`, {
      id,
      text: 'Good catch on the evidence against.',
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json<PracticeEntry>().comments).toHaveLength(1);
    const mine = await call(f.t.app, f.as.patient, 'GET', `${base}/entries/${privateEntry}`);
    expect(mine.json<PracticeEntry>().comments[0]).toMatchObject({
      text: 'Good catch on the evidence against.',
      author: { name: 'Tess Therapist', role: 'therapist' },
    });
    const onTeam = await call(f.t.app, f.as.prescriber, 'POST', `${base}/entries/${teamEntry}/comments`, {
      id: uuid(),
      text: 'Nice',
    });
    expect(onTeam.statusCode).toBe(403);
    const onPrivate = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      `${base}/entries/${privateEntry}/comments`,
      {
        id: uuid(),
        text: 'Nice',
      },
    );
    // The declared policy refuses the prescriber before any entry is read (issue 13, authorization in one
    // place): the same 403 for the private entry as for an id that does not exist, so nothing is revealed.
    expect(onPrivate.statusCode).toBe(403);
    const onUnknown = await call(f.t.app, f.as.prescriber, 'POST', `${base}/entries/${uuid()}/comments`, {
      id: uuid(),
      text: 'Nice',
    });
    expect(onUnknown.json()).toEqual(onPrivate.json());
    const byPatient = await call(f.t.app, f.as.patient, 'POST', `${base}/entries/${teamEntry}/comments`, {
      id: uuid(),
      text: 'Me',
    });
    expect(byPatient.statusCode).toBe(404);
  });

  it('completion follows the clock: a missed day counts against, a done day for', async () => {
    await f.setClock(f.t.clock.now() + 2 * DAY); // 2026-11-04 in Chicago
    const overview = (await call(f.t.app, f.as.therapist, 'GET', base)).json<PracticeOverview>();
    const diary = overview.assignments.find((a) => a.id === diaryAssignment.id);
    expect(overview.today).toBe('2026-11-04');
    expect(diary?.completion).toMatchObject({ completed: 1, expected: 2 }); // the 2nd done, the 3rd missed
    expect(diary?.lastDoneDay).toBe('2026-11-02');
  });

  it('the therapist ends an assignment with If-Match; it then takes no new entries', async () => {
    const url = `${base}/assignments/${diaryAssignment.id}/end`;
    expect(
      (await call(f.t.app, f.as.prescriber, 'POST', url, undefined, { 'if-match': '"1"' })).statusCode,
    ).toBe(403);
    expect((await call(f.t.app, f.as.therapist, 'POST', url)).statusCode).toBe(428);
    expect(
      (await call(f.t.app, f.as.therapist, 'POST', url, undefined, { 'if-match': '"7"' })).statusCode,
    ).toBe(412);
    const ended = await call(f.t.app, f.as.therapist, 'POST', url, undefined, { 'if-match': '"1"' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json<PracticeAssignment>()).toMatchObject({
      status: 'ended',
      version: 2,
      endedBy: { name: 'Tess Therapist' },
    });
    const late = await save(uuid(), { assignmentId: diaryAssignment.id, content: diaryCard });
    expect(late.statusCode).toBe(409);
  });

  it('lists the practice types currently assigned (for the patient’s feedback) and audits reads and writes', async () => {
    const types = await practiceTypesForPatient(
      f.t.deps.database.db,
      f.patient.user.clinicId,
      f.patient.overview.id,
    );
    expect(types).toEqual(['thought_record', 'ipt_log']);
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_role'])
      .where('patient_id', '=', f.patient.overview.id)
      .where('action', 'like', 'practice.%')
      .execute();
    const actions = new Set(audit.map((a) => a.action));
    for (const a of [
      'practice.assign',
      'practice.entry.save',
      'practice.entry.read',
      'practice.entry.list',
      'practice.comment',
      'practice.end',
      'practice.overview',
    ])
      expect(actions).toContain(a);
  });
});
