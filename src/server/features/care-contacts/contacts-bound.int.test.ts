// Issue 19: a patient's contact list is bounded: the latest CARE_CONTACTS_MAX, newest first, with hasMore,
// while the month's minutes still count every contact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import type { PatientContacts } from '../../../shared/care-contacts/api.js';
import { CARE_CONTACTS_MAX } from '../../../shared/lists/limits.js';
import { registryFixture, uuid, type RegistryFixture } from '../registry/registry.test-kit.js';

let f: RegistryFixture;
let as: Awaited<ReturnType<RegistryFixture['sessions']>>;
let patientId = '';
const MIN = 60_000;
const DAY = 86_400_000;
const url = () => `/api/patients/${patientId}/care-contacts`;

async function logContacts(n: number, firstAt: number) {
  for (let i = 0; i < n; i++) {
    const res = await call(f.t.app, as.careManager, 'POST', url(), {
      id: uuid(),
      mode: 'phone',
      reached: true,
      minutes: 1,
      note: '',
      contactedAt: firstAt + i * MIN,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}

async function contacts() {
  const res = await call(f.t.app, as.careManager, 'GET', url());
  expect(res.statusCode).toBe(200);
  return res.json<PatientContacts>();
}

beforeAll(async () => {
  f = await registryFixture();
  f.t.clock.set(TEST_NOW - DAY); // enrolled the day before
  patientId = await f.patient('Contacted');
  f.t.clock.set(TEST_NOW);
  as = await f.sessions();
  await logContacts(CARE_CONTACTS_MAX, TEST_NOW - 200 * MIN);
});
afterAll(() => f.t.close());

describe('GET /api/patients/:id/care-contacts is bounded (issue 19)', () => {
  it('lists all while they fit', async () => {
    const page = await contacts();
    expect(page.contacts).toHaveLength(CARE_CONTACTS_MAX);
    expect(page.hasMore).toBe(false);
  });

  it('past the maximum: the latest ones, newest first, hasMore, and every minute still counted', async () => {
    await logContacts(2, TEST_NOW - 5 * MIN);
    const page = await contacts();
    expect(page.contacts).toHaveLength(CARE_CONTACTS_MAX);
    expect(page.hasMore).toBe(true);
    const times = page.contacts.map((c) => c.contactedAt);
    expect(times[0]).toBe(TEST_NOW - 4 * MIN);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Math.min(...times)).toBe(TEST_NOW - 200 * MIN + 2 * MIN);
    expect(page.thisMonth.minutes).toBe(CARE_CONTACTS_MAX + 2);
  });
});
