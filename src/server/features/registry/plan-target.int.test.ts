import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, createTestContext, signIn, TEST_NOW, type TestContext } from '../../testing/test-app.js';
import { PASSWORD } from '../../testing/factories.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import {
  body,
  buildPlanWorld,
  ifMatch,
  sign,
  startFromTemplate,
  type PlanWorld,
} from '../treatment-plans/plan.test-kit.js';

// Issue 12: the plan's target questionnaire is chosen in the plan editor (PATCH of the measurement part),
// saved with the version, shown in its history, and the registry's treat-to-target follows it.

const WEEK = 7 * 86_400_000;
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** GAD-7 16 → 15 and PHQ-9 3 → 3 over 12 weeks, answered by the patient. */
async function answers(w: PlanWorld, start: number) {
  const url = `/api/patients/${w.patient.overview.id}/measures`;
  const send = async (instrument: string, items: number[]) => {
    // Signed in afresh at each time: a session does not last 12 weeks.
    const pt = await signIn(t.app, w.patient.user.email, PASSWORD);
    const res = await call(t.app, pt, 'POST', url, { id: randomUUID(), instrument, answers: { items } });
    expect(res.statusCode, res.body).toBe(201);
  };
  t.clock.set(start + 60_000);
  await send('phq9', [1, 1, 1, 0, 0, 0, 0, 0, 0]);
  await send('gad7', [3, 3, 2, 2, 2, 2, 2]);
  t.clock.set(start + 12 * WEEK);
  await send('phq9', [1, 1, 1, 0, 0, 0, 0, 0, 0]);
  await send('gad7', [3, 2, 2, 2, 2, 2, 2]);
}

async function agreedWithTarget(target: 'PHQ-9' | 'GAD-7' | null) {
  const w = await buildPlanWorld(t);
  let v = await startFromTemplate(t, w);
  if (target !== null) {
    const measurement = { ...(v.content.measurement as Record<string, unknown>), target };
    const res = await call(t.app, w.ts, 'PATCH', `${w.planUrl}/draft`, { measurement }, ifMatch(v));
    expect(res.statusCode, res.body).toBe(200);
    v = body(res);
    expect((v.content.measurement as { target?: string }).target).toBe(target);
  }
  await sign(t, w, w.ts, v);
  const agreed = await sign(t, w, w.ps, v);
  expect(agreed.statusCode, agreed.body).toBe(200);
  expect(body(agreed).status).toBe('agreed');
  return w;
}

const statusOf = async (w: PlanWorld) => {
  const ts = await signIn(t.app, w.therapist.email, PASSWORD);
  const res = await call(t.app, ts, 'GET', '/api/registry');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RegistryResponse>().patients.find((r) => r.patientId === w.patient.overview.id)?.status;
};

describe('the target questionnaire saved through the plan editor', () => {
  it('GAD-7 as the target: GAD-7 16 → 15 at week 12 is "not improving" although PHQ-9 is 3', async () => {
    const start = TEST_NOW - 20 * WEEK;
    t.clock.set(start);
    const w = await agreedWithTarget('GAD-7');
    await answers(w, start);
    expect(await statusOf(w)).toBe('not_improving');

    const ts = await signIn(t.app, w.therapist.email, PASSWORD);
    const plan = await call(t.app, ts, 'GET', w.planUrl);
    expect(plan.statusCode, plan.body).toBe(200);
    expect(JSON.stringify(plan.json())).toContain('"target":"GAD-7"');
  });

  it('PHQ-9 as the target: the same answers read "remission"', async () => {
    const start = TEST_NOW - 40 * WEEK;
    t.clock.set(start);
    const w = await agreedWithTarget('PHQ-9');
    await answers(w, start);
    expect(await statusOf(w)).toBe('remission');
  });

  it('a plan that never chose one follows both: the worse (GAD-7) counts', async () => {
    const start = TEST_NOW - 60 * WEEK;
    t.clock.set(start);
    const w = await agreedWithTarget(null);
    await answers(w, start);
    expect(await statusOf(w)).toBe('not_improving');
  });
});
