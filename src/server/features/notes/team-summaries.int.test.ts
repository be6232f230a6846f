import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type { TeamSummaries, TeamSummary } from '../../../shared/notes/schemas.js';
import { notesFixture, type NotesFixture } from './notes.test-kit.js';

let f: NotesFixture;
let base: string;

beforeAll(async () => {
  f = await notesFixture();
  base = `/api/patients/${f.patient.overview.id}/team-summaries`;
});
afterAll(() => f.t.close());

describe('team summaries', () => {
  it('starts empty; each clinician may edit only their own kind', async () => {
    const res = await call(f.t.app, f.as.prescriber, 'GET', base);
    expect(res.json<TeamSummaries>()).toEqual({
      therapy: null,
      medication: null,
      canEdit: { therapy: false, medication: true },
    });
    const asTherapist = await call(f.t.app, f.as.therapist, 'GET', base);
    expect(asTherapist.json<TeamSummaries>().canEdit).toEqual({ therapy: true, medication: false });
    const asManager = await call(f.t.app, f.as.careManager, 'GET', base);
    expect(asManager.json<TeamSummaries>().canEdit).toEqual({ therapy: false, medication: false });
  });

  it('the therapist keeps the therapy summary and the prescriber reads it (and vice versa)', async () => {
    f.t.clock.set(f.t.clock.now() + 60_000);
    const therapy = await call(f.t.app, f.as.therapist, 'PUT', `${base}/therapy`, {
      text: 'CBT for depression, week 4: activation going well; sleep still poor.',
      baseVersion: 0,
    });
    expect(therapy.statusCode).toBe(200);
    expect(therapy.json<TeamSummary>()).toMatchObject({
      kind: 'therapy',
      version: 1,
      writtenBy: { id: f.users.therapist.id, role: 'therapist' },
      writtenAt: f.t.clock.now(),
    });
    const medication = await call(f.t.app, f.as.prescriber, 'PUT', `${base}/medication`, {
      text: 'Sertraline 100 mg since week 2; mild nausea, settling.',
      baseVersion: 0,
    });
    expect(medication.statusCode).toBe(200);

    const prescriberView = await call(f.t.app, f.as.prescriber, 'GET', base);
    expect(prescriberView.json<TeamSummaries>().therapy?.text).toContain('activation going well');
    const therapistView = await call(f.t.app, f.as.therapist, 'GET', base);
    expect(therapistView.json<TeamSummaries>().medication?.text).toContain('Sertraline');
  });

  it.each([
    ['prescriber', 'therapy'],
    ['careManager', 'therapy'],
    ['therapist', 'medication'],
    ['careManager', 'medication'],
  ] as const)('%s may not write the %s summary (403)', async (who, kind) => {
    const res = await call(f.t.app, f.as[who], 'PUT', `${base}/${kind}`, {
      text: 'Not mine to write',
      baseVersion: 1,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe(
      'not_summary_keeper',
    );
  });

  it('keeps every version with who and when; a stale save is refused', async () => {
    const stale = await call(f.t.app, f.as.therapist, 'PUT', `${base}/therapy`, {
      text: 'Stale',
      baseVersion: 0,
    });
    expect(stale.statusCode).toBe(409);
    f.t.clock.set(f.t.clock.now() + 60_000);
    // A second therapist on the team keeps the same summary.
    const v2 = await call(f.t.app, f.as.therapist2, 'PUT', `${base}/therapy`, {
      text: 'Week 5: sleep better; starting thought records.',
      baseVersion: 1,
    });
    expect(v2.statusCode).toBe(200);
    expect(v2.json<TeamSummary>().version).toBe(2);
    const history = await call(f.t.app, f.as.prescriber, 'GET', `${base}/history?kind=therapy`);
    const versions = history.json<{ versions: TeamSummary[] }>().versions;
    expect(versions.map((v) => [v.version, v.writtenBy.id])).toEqual([
      [2, f.users.therapist2.id],
      [1, f.users.therapist.id],
    ]);
    const current = await call(f.t.app, f.as.prescriber, 'GET', base);
    expect(current.json<TeamSummaries>().therapy).toMatchObject({
      version: 2,
      text: expect.stringContaining('Week 5') as unknown,
    });
    expect(current.json<TeamSummaries>().medication?.version).toBe(1);
  });

  it('is for the team: the patient, the admin and another team get 404', async () => {
    for (const who of ['patient', 'admin', 'outsider', 'otherPatient'] as const) {
      expect((await call(f.t.app, f.as[who], 'GET', base)).statusCode).toBe(404);
      expect(
        (await call(f.t.app, f.as[who], 'PUT', `${base}/therapy`, { text: 'x', baseVersion: 2 })).statusCode,
      ).toBe(404);
    }
  });
});
