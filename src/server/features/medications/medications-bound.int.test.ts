// Issue 19: a patient's medication list is bounded (MEDICATIONS_MAX): `?limit=` above the maximum is a 400 naming
// it, never cut silently; a list cut at its limit keeps every current medication and says so (`hasMore`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { newId } from '../../platform/ids.js';
import { messagingFixture, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { expectLimitRefused } from '../../testing/bounded-list.test-kit.js';
import { MEDICATIONS_MAX } from '../../../shared/lists/limits.js';

type List = { medications: { name: string; status: string }[]; hasMore: boolean };
let f: MessagingFixture;
let url: string;

async function addMedication(name: string, status: string, startDate: string): Promise<void> {
  const now = f.t.clock.now();
  await f.t.deps.database.db
    .insertInto('medications')
    .values({
      id: newId(),
      clinic_id: f.prescriber.clinicId,
      patient_id: f.patient.overview.id,
      catalogue_id: null,
      name,
      drug_class: null,
      form: 'tablet',
      route: 'oral',
      instructions: '',
      start_date: startDate,
      end_date: status === 'stopped' ? '2026-10-20' : null,
      status,
      prescribed_by: f.prescriber.id,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
}

beforeAll(async () => {
  f = await messagingFixture();
  url = `/api/patients/${f.patient.overview.id}/medications`;
  // The current one started first: a bound by start date alone would leave it out.
  await addMedication('Sertraline', 'active', '2026-01-10');
  await addMedication('Bupropion', 'stopped', '2026-09-01');
  await addMedication('Mirtazapine', 'stopped', '2026-10-01');
});
afterAll(() => f.t.close());

describe('GET …/medications is bounded', () => {
  it('a limit above the maximum is a 400 naming it; a small limit keeps the current one first, with hasMore', async () => {
    expectLimitRefused(
      await call(f.t.app, f.as.prescriber, 'GET', `${url}?limit=${String(MEDICATIONS_MAX + 1)}`),
      MEDICATIONS_MAX,
    );
    const all = (await call(f.t.app, f.as.prescriber, 'GET', url)).json<List>();
    expect(all.medications.map((m) => m.name)).toEqual(['Mirtazapine', 'Bupropion', 'Sertraline']);
    expect(all.hasMore).toBe(false);
    const cut = (await call(f.t.app, f.as.prescriber, 'GET', `${url}?limit=2`)).json<List>();
    expect(cut.medications.map((m) => m.name)).toEqual(['Mirtazapine', 'Sertraline']);
    expect(cut.hasMore).toBe(true);
  });
});
