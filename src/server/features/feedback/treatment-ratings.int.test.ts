import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { newId } from '../../platform/ids.js';
import { assignPractice } from '../practice/index.js';
import type { TreatmentRatingRound, TreatmentRatings } from '../../../shared/feedback/schemas.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { expectLimitRefused } from '../../testing/bounded-list.test-kit.js';
import { TREATMENT_RATINGS_MAX } from '../../../shared/lists/limits.js';

// The four-weekly ratings of each part of the treatment: what is rated, who rates, who sees, when due.
let f: MessagingFixture;
let base: string;
let sertralineId: string;
let stoppedId: string;
const DAY = 86_400_000;

async function addMedication(name: string, status: string): Promise<string> {
  const id = newId();
  const now = f.t.clock.now();
  await f.t.deps.database.db
    .insertInto('medications')
    .values({
      id,
      clinic_id: f.prescriber.clinicId,
      patient_id: f.patient.overview.id,
      catalogue_id: null,
      name,
      drug_class: null,
      form: 'tablet',
      route: 'oral',
      instructions: '',
      start_date: '2026-10-01',
      end_date: null,
      status,
      prescribed_by: f.prescriber.id,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/treatment-ratings`;
  sertralineId = await addMedication('Sertraline', 'active');
  stoppedId = await addMedication('Bupropion', 'stopped');
  await assignPractice(f.t.deps, f.therapist.actor, f.patient.overview.id, {
    id: uuid(),
    type: 'thought_record',
    instructions: '',
    frequency: { kind: 'weekly', timesPerWeek: 3 },
    dueDay: '2026-11-20',
  });
});
afterAll(() => f.t.close());

describe('four-weekly treatment ratings', () => {
  it('lists the current parts: active medications, assigned practice, the sessions; due 28 days after enrolment', async () => {
    const res = await call(f.t.app, f.as.patient, 'GET', base);
    expect(res.statusCode).toBe(200);
    const body = res.json<TreatmentRatings>();
    expect(body.parts).toEqual([
      { kind: 'medication', key: sertralineId, label: 'Sertraline' },
      { kind: 'practice', key: 'thought_record', label: 'Thought record' },
      { kind: 'sessions', key: 'sessions', label: 'Therapy sessions' },
    ]);
    expect(body.rounds).toEqual([]);
    // Enrolled 2026-11-02 (Chicago): first round due 2026-11-30.
    expect(body.due).toEqual({ dueDay: '2026-11-30', isDue: false, today: '2026-11-02' });
  });

  it('only the patient rates; a retry records one round; unknown or stopped parts are refused', async () => {
    await f.setClock(f.t.clock.now() + 28 * DAY);
    const ratings = [
      { kind: 'medication', key: sertralineId, score: 7 },
      { kind: 'practice', key: 'thought_record', score: null },
      { kind: 'sessions', key: 'sessions', score: 9 },
    ];
    const byPrescriber = await call(f.t.app, f.as.prescriber, 'POST', base, { id: uuid(), ratings });
    expect(byPrescriber.statusCode).toBe(403);

    const stopped = await call(f.t.app, f.as.patient, 'POST', base, {
      id: uuid(),
      ratings: [
        { kind: 'medication', key: stoppedId, score: 3 },
        { kind: 'medication', key: 'not-a-medication', score: 3 },
      ],
    });
    expect(stopped.statusCode).toBe(400);

    const body = { id: uuid(), ratings };
    const first = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(first.statusCode).toBe(201);
    expect(first.json<{ round: TreatmentRatingRound }>().round).toMatchObject({
      id: body.id,
      ratedDay: '2026-11-30',
      ratings: [
        { kind: 'medication', label: 'Sertraline', score: 7 },
        { kind: 'practice', label: 'Thought record', score: null },
        { kind: 'sessions', label: 'Therapy sessions', score: 9 },
      ],
    });
    const retry = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(retry.statusCode).toBe(200);
    const rounds = await f.t.deps.database.db.selectFrom('treatment_ratings').select('id').execute();
    expect(rounds).toHaveLength(1);
    // Another patient reusing the id on their own record: a conflict, not their round.
    const other = await call(
      f.t.app,
      f.as.otherPatient,
      'POST',
      `/api/patients/${f.otherPatient.overview.id}/treatment-ratings`,
      {
        id: body.id,
        ratings: [{ kind: 'sessions', key: 'sessions', score: 1 }],
      },
    );
    expect(other.statusCode).toBe(409);
  });

  it('both clinicians and the care manager see the rounds; the next round is due 28 days later', async () => {
    for (const who of [f.as.therapist, f.as.prescriber, f.as.careManager, f.as.patient]) {
      const res = await call(f.t.app, who, 'GET', base);
      expect(res.statusCode).toBe(200);
      const body = res.json<TreatmentRatings>();
      expect(body.rounds.map((r) => r.ratings.map((x) => x.score))).toEqual([[7, null, 9]]);
      expect(body.due).toMatchObject({ dueDay: '2026-12-28', isDue: false });
    }
    expect((await call(f.t.app, f.as.outsider, 'GET', base)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.otherPatient, 'GET', base)).statusCode).toBe(404);
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('patient_id', '=', f.patient.overview.id)
      .where('action', '=', 'treatment_rating.list')
      .execute();
    expect(audit.map((a) => a.actor_id)).toContain(f.prescriber.id);
  });
});

describe('the rounds are bounded (issue 19)', () => {
  it('a limit above the maximum is a 400 naming it; a small limit answers the latest round, hasMore, the same due day', async () => {
    await f.setClock(f.t.clock.now() + 28 * DAY);
    const second = await call(f.t.app, f.as.patient, 'POST', base, {
      id: uuid(),
      ratings: [{ kind: 'sessions', key: 'sessions', score: 8 }],
    });
    expect(second.statusCode).toBe(201);
    expectLimitRefused(
      await call(f.t.app, f.as.therapist, 'GET', `${base}?limit=${String(TREATMENT_RATINGS_MAX + 1)}`),
      TREATMENT_RATINGS_MAX,
    );
    const all = (await call(f.t.app, f.as.therapist, 'GET', base)).json<TreatmentRatings>();
    expect(all.rounds).toHaveLength(2);
    expect(all.hasMore).toBe(false);
    const cut = (await call(f.t.app, f.as.therapist, 'GET', `${base}?limit=1`)).json<TreatmentRatings>();
    expect(cut.hasMore).toBe(true);
    expect(cut.rounds.map((r) => r.id)).toEqual([all.rounds[1]?.id]);
    expect(cut.due).toEqual(all.due);
  });
});
