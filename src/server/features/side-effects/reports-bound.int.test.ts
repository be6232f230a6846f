// Issue 19: a patient's side-effect list is bounded. At most SIDE_EFFECT_REPORTS_MAX reports, newest first,
// every open report kept (an open report is never the one left out), with hasMore when older ones exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type { SideEffectReport } from '../../../shared/side-effects/schemas.js';
import { SIDE_EFFECT_REPORTS_MAX } from '../../../shared/lists/limits.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';

let f: MessagingFixture;
let base: string;
let oldestOpen: string;
const answered: string[] = [];

/** Arranges a report row directly (the route's own path is tested in side-effects.int.test.ts). */
async function aReport(state: 'open' | 'answered', at: number) {
  const id = uuid();
  await f.t.deps.database.db
    .insertInto('side_effect_reports')
    .values({
      id,
      clinic_id: f.prescriber.clinicId,
      patient_id: f.patient.overview.id,
      medication_id: null,
      medication_name: null,
      guide_key: null,
      dose_amount: null,
      dose_unit: null,
      symptoms: '["nausea"]',
      urgent_symptoms: '[]',
      other_text: '',
      severity: 'mild',
      interference: 1,
      wants_to_stop: 0,
      urgent: 0,
      reported_by: f.patient.user.id,
      reported_at: at,
      reported_day: '2026-11-01',
      state,
      answered_at: state === 'answered' ? at + 1 : null,
      version: 1,
    })
    .execute();
  return id;
}

async function list(session = f.as.prescriber) {
  const res = await call(f.t.app, session, 'GET', base);
  expect(res.statusCode).toBe(200);
  return res.json<{ reports: SideEffectReport[]; hasMore: boolean }>();
}

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/side-effects`;
  const start = f.t.clock.now() - 400 * 60_000;
  oldestOpen = await aReport('open', start);
  for (let i = 1; i < SIDE_EFFECT_REPORTS_MAX; i++)
    answered.push(await aReport('answered', start + i * 60_000));
});
afterAll(() => f.t.close());

describe('GET /api/patients/:id/side-effects is bounded (issue 19)', () => {
  it('lists all while they fit', async () => {
    const page = await list();
    expect(page.reports).toHaveLength(SIDE_EFFECT_REPORTS_MAX);
    expect(page.hasMore).toBe(false);
  });

  it('past the maximum: newest first, the old open report kept, the oldest answered one left out', async () => {
    const newest = await aReport('answered', f.t.clock.now() - 60_000);
    for (const session of [f.as.prescriber, f.as.patient]) {
      const page = await list(session);
      expect(page.reports).toHaveLength(SIDE_EFFECT_REPORTS_MAX);
      expect(page.hasMore).toBe(true);
      const ids = page.reports.map((r) => r.id);
      expect(ids[0]).toBe(newest);
      expect(ids).toContain(oldestOpen);
      expect(ids).not.toContain(answered[0]);
      const times = page.reports.map((r) => r.reportedAt);
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
  });
});
