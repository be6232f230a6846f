// Issue 19: a patient's refill forecasts are bounded (SUPPLIES_MAX): `?limit=` above the maximum is a 400 naming
// it, never cut silently; a list cut at its limit keeps every current medication's forecast and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { expectLimitRefused } from '../../testing/bounded-list.test-kit.js';
import { SUPPLIES_MAX } from '../../../shared/lists/limits.js';
import type { RefillForecast } from '../../../shared/doses/schemas.js';
import { addMedication, daily } from './doses.test-kit.js';

// TEST_NOW is 2026-11-02 in the patient's zone.
type List = { supplies: RefillForecast[]; hasMore: boolean };
let f: MessagingFixture;
let url: string;

async function withSupply(name: string, from: string, endDate: string | null): Promise<void> {
  const medicationId = await addMedication(f.t.deps.database.db, {
    clinicId: f.prescriber.clinicId,
    patientId: f.patient.overview.id,
    prescriberId: f.prescriber.id,
    name,
    periods: [{ from, doseAmount: 25, schedule: daily('09:00') }],
    endDate,
    now: TEST_NOW,
  });
  const res = await call(f.t.app, f.as.prescriber, 'POST', url, {
    id: uuid(),
    medicationId,
    quantity: 30,
    countedOn: '2026-10-01',
  });
  expect(res.statusCode).toBe(201);
}

beforeAll(async () => {
  f = await messagingFixture();
  url = `/api/patients/${f.patient.overview.id}/supplies`;
  // The current one sorts last by name: a bound by name alone would leave it out.
  await withSupply('Bupropion', '2026-08-01', '2026-09-30');
  await withSupply('Mirtazapine', '2026-09-01', '2026-10-31');
  await withSupply('Zuclopenthixol', '2026-09-15', null);
});
afterAll(() => f.t.close());

describe('GET …/supplies is bounded', () => {
  it('a limit above the maximum is a 400 naming it; a small limit keeps the current one first, with hasMore', async () => {
    expectLimitRefused(
      await call(f.t.app, f.as.prescriber, 'GET', `${url}?limit=${String(SUPPLIES_MAX + 1)}`),
      SUPPLIES_MAX,
    );
    const all = (await call(f.t.app, f.as.therapist, 'GET', url)).json<List>();
    expect(all.supplies.map((s) => s.name)).toEqual(['Bupropion', 'Mirtazapine', 'Zuclopenthixol']);
    expect(all.hasMore).toBe(false);
    const cut = (await call(f.t.app, f.as.patient, 'GET', `${url}?limit=2`)).json<List>();
    expect(cut.supplies.map((s) => s.name)).toEqual(['Mirtazapine', 'Zuclopenthixol']);
    expect(cut.hasMore).toBe(true);
  });
});
