// Issue 19: Today is bounded. A heavy day of as-needed doses lists only the latest TODAY_AS_NEEDED_LOGS_MAX
// logs per medication, says that earlier ones exist, and still counts every dose taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import type { Today } from '../../../shared/doses/schemas.js';
import { TODAY_AS_NEEDED_LOGS_MAX } from '../../../shared/doses/today.js';
import { addMedication } from './doses.test-kit.js';

let f: MessagingFixture;
let base: string;
let lorazepam: string;
const MINUTE = 60_000;

beforeAll(async () => {
  f = await messagingFixture();
  const p = f.patient.overview;
  base = `/api/patients/${p.id}/doses`;
  lorazepam = await addMedication(f.t.deps.database.db, {
    clinicId: f.prescriber.clinicId,
    patientId: p.id,
    prescriberId: f.prescriber.id,
    now: TEST_NOW,
    name: 'Lorazepam',
    periods: [{ from: '2026-10-20', doseAmount: 0.5, schedule: { kind: 'as_needed', maxPerDay: 2 } }],
  });
});
afterAll(() => f.t.close());

async function today(session = f.as.patient) {
  const res = await call(f.t.app, session, 'GET', `${base}/today`);
  expect(res.statusCode).toBe(200);
  return res.json<Today>();
}

/** Logs as-needed doses through the route, one a minute, ending at `last` (all on 2026-11-02 in Chicago). */
async function logDoses(n: number, last: number) {
  for (let i = n - 1; i >= 0; i--) {
    const res = await call(f.t.app, f.as.patient, 'POST', base, {
      id: uuid(),
      medicationId: lorazepam,
      status: 'taken',
      takenAt: last - i * MINUTE,
    });
    expect(res.statusCode).toBe(201);
  }
}

describe('Today is bounded (issue 19)', () => {
  it('lists every log while there are at most the maximum', async () => {
    await logDoses(TODAY_AS_NEEDED_LOGS_MAX, TEST_NOW - 2 * 60 * MINUTE);
    const [lz] = (await today()).asNeeded;
    expect(lz?.logs).toHaveLength(TODAY_AS_NEEDED_LOGS_MAX);
    expect(lz?.hasMoreLogs).toBe(false);
    expect(lz?.countToday).toBe(TODAY_AS_NEEDED_LOGS_MAX);
  });

  it('past the maximum: the latest ones, oldest first, hasMoreLogs, and every dose counted', async () => {
    await logDoses(5, TEST_NOW);
    for (const session of [f.as.patient, f.as.prescriber]) {
      const [lz] = (await today(session)).asNeeded;
      expect(lz?.logs).toHaveLength(TODAY_AS_NEEDED_LOGS_MAX);
      expect(lz?.hasMoreLogs).toBe(true);
      expect(lz?.countToday).toBe(TODAY_AS_NEEDED_LOGS_MAX + 5);
      const times = lz?.logs.map((l) => l.takenAt ?? 0) ?? [];
      expect(times.at(-1)).toBe(TEST_NOW);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // The five earliest of the day are the ones not listed.
      expect(Math.min(...times)).toBe(TEST_NOW - 2 * 60 * MINUTE - (TODAY_AS_NEEDED_LOGS_MAX - 6) * MINUTE);
    }
  });
});
