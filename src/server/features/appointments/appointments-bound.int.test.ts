// Issue 19: a patient's appointments (GET /api/patients/:id/appointments) are bounded: the coming ones first
// (one to come is never left out for an old one), then the latest past ones, at most APPOINTMENTS_MAX in all,
// answered in time order, with hasMore when older past ones are not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../../shared/time/index.js';
import { call } from '../../testing/test-app.js';
import type { AppointmentList, BookingResult } from '../../../shared/appointments/schemas.js';
import { APPOINTMENTS_MAX } from '../../../shared/lists/limits.js';
import { newId } from '../../platform/ids.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';

let f: MessagingFixture;
let url = '';
let comingId = '';
const pastIds: string[] = []; // latest first
const WEEK = 7 * 86_400_000;

async function list(when = 'all') {
  const res = await call(f.t.app, f.as.therapist, 'GET', `${url}?when=${when}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AppointmentList>();
}

beforeAll(async () => {
  f = await messagingFixture();
  url = `/api/patients/${f.patient.overview.id}/appointments`;
  const booked = await call(f.t.app, f.as.therapist, 'POST', url, {
    id: uuid(),
    mode: 'video',
    durationMinutes: 50,
    time: '09:00',
    day: addDays(localDate(f.t.clock.now(), 'America/Chicago'), 7),
  });
  expect(booked.statusCode, booked.body).toBe(201);
  comingId = booked.json<BookingResult>().appointments[0]?.id ?? '';
  const db = f.t.deps.database.db;
  const original = await db
    .selectFrom('appointments')
    .selectAll()
    .where('id', '=', comingId)
    .executeTakeFirstOrThrow();
  // Past weekly sessions, one week apart going back, in one transaction.
  const now = f.t.clock.now();
  await f.t.deps.database.transaction(async (trx) => {
    for (let start = 0; start < APPOINTMENTS_MAX; start += 100) {
      const batch = Array.from({ length: Math.min(100, APPOINTMENTS_MAX - start) }, (_, k) => {
        const id = newId();
        pastIds.push(id);
        const startsAt = now - (start + k + 1) * WEEK;
        const length = original.ends_at - original.starts_at;
        return { ...original, id, series_id: null, starts_at: startsAt, ends_at: startsAt + length };
      });
      await trx.insertInto('appointments').values(batch).execute();
    }
  });
});
afterAll(() => f.t.close());

describe('GET /api/patients/:id/appointments is bounded (issue 19)', () => {
  it('past the maximum: the coming one kept, then the latest past ones, in time order, with hasMore', async () => {
    const page = await list();
    expect(page.appointments).toHaveLength(APPOINTMENTS_MAX);
    expect(page.hasMore).toBe(true);
    const ids = page.appointments.map((a) => a.id);
    expect(ids.at(-1)).toBe(comingId);
    expect(ids.at(-2)).toBe(pastIds[0]);
    expect(ids).not.toContain(pastIds.at(-1));
    const starts = page.appointments.map((a) => a.startsAt);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('views that fit say nothing is missing', async () => {
    const coming = await list('upcoming');
    expect(coming.appointments.map((a) => a.id)).toEqual([comingId]);
    expect(coming.hasMore).toBe(false);
    const past = await list('past');
    expect(past.appointments).toHaveLength(APPOINTMENTS_MAX);
    expect(past.hasMore).toBe(false);
  });
});
