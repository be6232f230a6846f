import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW, type Session } from '../../testing/test-app.js';
import { raiseTestAlert } from '../../testing/alerts.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import { registryFixture, WEEK, type RegistryFixture } from './registry.test-kit.js';

let f: RegistryFixture;
let as: Awaited<ReturnType<RegistryFixture['sessions']>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  f = await registryFixture();
  const start = TEST_NOW - 11 * WEEK;
  const recent = TEST_NOW - 3 * 86_400_000;
  // Statuses (PHQ-9 baseline → latest; GAD-7 10 → the last number). Both are measured and no plan names a
  // target, so both count and the worse of the two is the status (issue 12).
  const plan: [string, number, number, number, number][] = [
    ['Remission', 18, 3, start, 4],
    ['Response', 20, 9, start, 4],
    ['Stuck', 20, 14, start, 9], // week 11, 30% fall: not improving
    ['Partial', 20, 14, TEST_NOW - 6 * WEEK, 7], // week 6, 30% fall
    ['Worse', 8, 16, TEST_NOW - 4 * WEEK, 9],
  ];
  for (const [name, baseline, latest, from, gad7] of plan) {
    ids[name] = await f.patient(name);
    await f.score(ids[name], 'phq9', baseline, from);
    await f.score(ids[name], 'phq9', latest, recent);
    await f.score(ids[name], 'gad7', 10, from);
    await f.score(ids[name], 'gad7', gad7, recent);
  }
  ids.Monthly = await f.patient('Monthly');
  await f.agreedPlanAskingPhq9Every(ids.Monthly, 4, start);
  await f.score(ids.Monthly, 'phq9', 18, start);
  await f.score(ids.Monthly, 'phq9', 3, recent);
  ids.Empty = await f.patient('Empty');
  ids.Safety = await f.patient('Safety');
  await f.score(ids.Safety, 'phq9', 12, TEST_NOW - WEEK);
  await raiseTestAlert(f.t.deps, ids.Safety, f.clinic, { type: 'self_harm_answer', severity: 'urgent' });
  ids.NoCm = await f.patient('NoCm', { careManager: false });
  ids.Stranger = await f.patient('Stranger', { team: [f.users.outsider] });
  f.t.clock.set(TEST_NOW);
  as = await f.sessions();
});
afterAll(() => f.t.close());

async function registry(session: Session, query = '') {
  const res = await call(f.t.app, session, 'GET', `/api/registry${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RegistryResponse>();
}

describe('GET /api/registry', () => {
  it('shows each patient with status, change, weeks and flags, needs attention first', async () => {
    const r = await registry(as.careManager);
    expect(r.scope).toBe('all');
    const names = r.patients.map((p) => p.familyName);
    expect(names).not.toContain('NoCm');
    expect(names).not.toContain('Stranger');
    expect(names.slice(0, 3)).toEqual(['Safety', 'Worse', 'Stuck']);
    const by = Object.fromEntries(r.patients.map((p) => [p.familyName, p]));
    expect(by.Remission?.status).toBe('remission');
    expect(by.Response?.status).toBe('response');
    expect(by.Stuck).toMatchObject({ status: 'not_improving', weeksInTreatment: 11 });
    expect(by.Stuck?.phq9).toMatchObject({ changePercent: 30, count: 2 });
    expect(by.Stuck?.phq9.baseline?.total).toBe(20);
    expect(by.Stuck?.flags).toContain('not_improving');
    expect(by.Partial).toMatchObject({ status: 'partial', weeksInTreatment: 6 });
    expect(by.Worse?.status).toBe('worsening');
    expect(by.Empty).toMatchObject({ status: 'no_data', weeksInTreatment: null, nextMeasureDue: null });
    expect(by.Safety?.flags).toContain('safety_risk');
    expect(by.Safety?.openAlerts).toMatchObject({ urgent: 1, total: 1 });
    // Latest answer 3 days ago, in the first 12 weeks: the next is due 2 weeks after it.
    expect(by.Remission?.nextMeasureDue).toBe(
      new Date(TEST_NOW + 11 * 86_400_000).toISOString().slice(0, 10),
    );
  });

  it("counts the next questionnaire from the patient's agreed measurement plan", async () => {
    const r = await registry(as.therapist);
    const monthly = r.patients.find((p) => p.familyName === 'Monthly');
    // PHQ-9 every 4 weeks (no GAD-7 in this plan): 28 days after the latest answer, not 14.
    expect(monthly?.nextMeasureDue).toBe(new Date(TEST_NOW + 25 * 86_400_000).toISOString().slice(0, 10));
  });

  it('filters by status and flag, sorts by name, and searches names', async () => {
    const byStatus = await registry(as.therapist, '?status=remission,response&sort=name');
    expect(byStatus.patients.map((p) => p.familyName)).toEqual(['Monthly', 'Remission', 'Response']);
    const byFlag = await registry(as.therapist, '?flag=not_improving,safety_risk');
    expect(byFlag.patients.map((p) => p.familyName)).toEqual(['Safety', 'Stuck']);
    const named = await registry(as.therapist, '?q=ork');
    expect(named.patients).toEqual([]);
    const desc = await registry(as.therapist, '?sort=name&order=desc');
    expect(desc.patients[0]?.familyName).toBe('Worse');
    expect((await call(f.t.app, as.therapist, 'GET', '/api/registry?status=nonsense')).statusCode).toBe(400);
  });

  it('scope: mine for every clinician, all only for the care manager', async () => {
    const mine = await registry(as.therapist);
    expect(mine.scope).toBe('mine');
    expect(mine.patients.map((p) => p.familyName)).toContain('NoCm');
    expect(mine.patients.map((p) => p.familyName)).not.toContain('Stranger');
    expect((await call(f.t.app, as.therapist, 'GET', '/api/registry?scope=all')).statusCode).toBe(403);
    // The refusal is audited (issue 13: every refusal), naming no patient.
    const refused = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'resource_id', 'patient_id'])
      .where('actor_id', '=', f.users.therapist.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(refused).toContainEqual({ action: 'registry.read', resource_id: 'scope=all', patient_id: null });
    expect((await registry(as.careManager, '?scope=mine')).scope).toBe('mine');
    const outsider = await registry(as.outsider);
    expect(outsider.patients.map((p) => p.familyName)).toEqual(['Stranger']);
  });

  it('records one registry.read list event naming each patient shown (issues 13 and 19: in their access report)', async () => {
    const events = async () =>
      (
        await f.t.deps.database.db
          .selectFrom('audit_events')
          .select(['patient_id', 'patient_count'])
          .where('action', '=', 'registry.read')
          .execute()
      ).length;
    const eventsBefore = await events();
    const seen = async () =>
      (
        await f.t.deps.database.db
          .selectFrom('audit_patient_events')
          .select(['patient_id'])
          .where('action', '=', 'registry.read')
          .execute()
      )
        .map((r) => r.patient_id ?? '')
        .sort();
    const before = await seen();
    const shown = await registry(as.prescriber);
    const after = await seen();
    expect(shown.patients.length).toBeGreaterThan(0);
    expect(after.length).toBe(before.length + shown.patients.length);
    expect(after).toEqual([...before, ...shown.patients.map((p) => p.patientId)].sort());
    expect(await events()).toBe(eventsBefore + 1);
  });
});
