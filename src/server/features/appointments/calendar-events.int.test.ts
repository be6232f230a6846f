import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import type { BookingResult } from '../../../shared/appointments/schemas.js';

let f: MessagingFixture;
beforeAll(async () => {
  f = await messagingFixture();
});
afterAll(() => f.t.close());

describe('appointments in the private calendar feed', () => {
  it('lists booked appointments discreetly; a cancelled one leaves the feed', async () => {
    const pid = f.patient.overview.id;
    const booked = await call(f.t.app, f.as.therapist, 'POST', `/api/patients/${pid}/appointments`, {
      id: uuid(),
      day: '2026-11-10',
      time: '09:00',
      mode: 'video',
      location: 'Secret room',
      recurrence: { frequency: 'weekly', count: 2 },
    });
    const [first, second] = booked.json<BookingResult>().appointments;
    const created = await call(f.t.app, f.as.patient, 'POST', `/api/patients/${pid}/calendar-feed`);
    expect(created.statusCode).toBe(201);
    const path = new URL(created.json<{ url: string }>().url).pathname;
    const feed = await call(f.t.app, null, 'GET', path);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain(`UID:appointment-${first!.id}@duet\r\n`);
    // 09:00 in Chicago on 10 November (CST, UTC-6) is 15:00 UTC; 50 minutes long.
    expect(feed.body).toContain('DTSTART:20261110T150000Z\r\n');
    expect(feed.body).toContain('DTEND:20261110T155000Z\r\n');
    expect(feed.body).toContain('SUMMARY:Appointment (by video)\r\n');
    expect(feed.body).not.toMatch(/therapy|Tess|Secret room/i);

    await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `/api/patients/${pid}/appointments/${second!.id}/cancel`,
      {},
      {
        'if-match': '"1"',
      },
    );
    const after = await call(f.t.app, null, 'GET', path);
    expect(after.body).toContain(`UID:appointment-${first!.id}@duet`);
    expect(after.body).not.toContain(`UID:appointment-${second!.id}@duet`);
  });
});
