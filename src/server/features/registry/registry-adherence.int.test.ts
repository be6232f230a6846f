import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import { adherenceFixture, type AdherenceFixture } from '../adherence/adherence-fixture.js';

let f: AdherenceFixture;
beforeAll(async () => {
  f = await adherenceFixture();
});
afterAll(() => f.t.close());

describe('registry adherence (issue 4 joins issue 5)', () => {
  it('shows taken/scheduled over the 14-day alert window and flags low adherence below 80%', async () => {
    f.t.clock.set(TEST_NOW);
    const low = await f.patient('Low');
    const good = await f.patient('Good');
    const none = await f.patient('NoMeds');
    for (const [p, missEvery] of [
      [low, 2],
      [good, 10],
    ] as const) {
      const med = await f.medication(p, { startDate: f.daysAgo(20), times: ['08:00'] });
      let n = 0;
      await f.logDoses(p, med, f.daysAgo(20), f.today(), () => (++n % missEvery === 0 ? 'none' : false));
    }
    const s = await f.sessions();
    const res = await call(f.t.app, s.prescriber, 'GET', '/api/registry');
    expect(res.statusCode, res.body).toBe(200);
    const by = Object.fromEntries(res.json<RegistryResponse>().patients.map((p) => [p.patientId, p]));
    expect(by[low]?.adherence).toMatchObject({ days: 14, scheduled: 14 });
    expect(by[low]?.adherence?.percent).toBeLessThan(80);
    expect(by[low]?.flags).toContain('low_adherence');
    expect(by[good]?.adherence?.percent).toBeGreaterThanOrEqual(80);
    expect(by[good]?.flags).not.toContain('low_adherence');
    expect(by[none]?.adherence).toBeNull();
    const sorted = await call(f.t.app, s.prescriber, 'GET', '/api/registry?sort=adherence');
    expect(
      sorted
        .json<RegistryResponse>()
        .patients.map((p) => p.patientId)
        .slice(0, 2),
    ).toEqual([low, good]);
  });
});
