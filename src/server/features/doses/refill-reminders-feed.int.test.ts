import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import type {
  CalendarFeedCreated,
  RefillForecast,
  ReminderSettings,
  Today,
} from '../../../shared/doses/schemas.js';
import { addMedication, daily } from './doses.test-kit.js';
import { checkDoseReminders, checkRefillReminders } from './reminders.check.js';

// TEST_NOW is 2026-11-02 15:00 UTC: 09:00 in Chicago (the patient's zone).
let f: MessagingFixture;
let pid: string;
let quetiapine: string;
const H = 3_600_000;

beforeAll(async () => {
  f = await messagingFixture();
  pid = f.patient.overview.id;
  quetiapine = await addMedication(f.t.deps.database.db, {
    clinicId: f.prescriber.clinicId,
    patientId: pid,
    prescriberId: f.prescriber.id,
    name: 'Quetiapine',
    periods: [
      { from: '2026-10-01', doseAmount: 25, schedule: daily('09:00') },
      { from: '2026-11-10', doseAmount: 50, schedule: daily('09:00') },
    ],
    now: TEST_NOW,
  });
});
afterAll(() => f.t.close());

const REFILL = 'You have a refill reminder in Duet';
const DOSE = 'You have a reminder in Duet';
async function mailsTo(email: string, subject: string) {
  return f.t.deps.database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', email)
    .where('subject', '=', subject)
    .execute();
}

describe('supplies and the refill forecast', () => {
  it('the patient or the prescriber records a supply; others on the team read; retries are harmless', async () => {
    const body = { id: uuid(), medicationId: quetiapine, quantity: 20, unitStrength: 25 };
    const url = `/api/patients/${pid}/supplies`;
    for (const s of [f.as.therapist, f.as.careManager])
      expect((await call(f.t.app, s, 'POST', url, { ...body, id: uuid() })).statusCode).toBe(403);
    expect((await call(f.t.app, f.as.otherPatient, 'POST', url, body)).statusCode).toBe(404);
    const res = await call(f.t.app, f.as.prescriber, 'POST', url, body);
    expect(res.statusCode).toBe(201);
    // 2..9 Nov one tablet a day (8), from 10 Nov two a day: 12 left → 6 days → out on 16 November.
    expect(res.json<RefillForecast>()).toMatchObject({
      countedOn: '2026-11-02',
      runsOutOn: '2026-11-16',
      daysLeft: 14,
      lowSupply: false,
      basis: 'schedule',
    });
    expect((await call(f.t.app, f.as.prescriber, 'POST', url, body)).statusCode).toBe(200);
    const list = await call(f.t.app, f.as.therapist, 'GET', url);
    expect(list.json<{ supplies: RefillForecast[] }>().supplies).toHaveLength(1);
  });

  it('reminds the patient once, 7 days before it runs out, by email without the drug name and in the app', async () => {
    await checkRefillReminders(f.t.deps);
    expect(await mailsTo(f.patient.user.email, REFILL)).toHaveLength(0);
    await f.setClock(TEST_NOW + 7 * 24 * H); // 9 November: out on the 16th
    const today = (
      await call(f.t.app, f.as.patient, 'GET', `/api/patients/${pid}/doses/today`)
    ).json<Today>();
    expect(today.lowSupplies).toEqual([expect.objectContaining({ medicationId: quetiapine, daysLeft: 7 })]);
    await checkRefillReminders(f.t.deps);
    await checkRefillReminders(f.t.deps);
    const mails = await mailsTo(f.patient.user.email, REFILL);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('You have a refill reminder in Duet');
    expect(`${mails[0]?.subject ?? ''} ${mails[0]?.text_body ?? ''}`).not.toMatch(/quetiapine/i);
    // A new supply is a new forecast: it can be reminded about again, once.
    await call(f.t.app, f.as.patient, 'POST', `/api/patients/${pid}/supplies`, {
      id: uuid(),
      medicationId: quetiapine,
      quantity: 60,
      unitStrength: 25,
    });
    await checkRefillReminders(f.t.deps);
    expect(await mailsTo(f.patient.user.email, REFILL)).toHaveLength(1);
    await f.setClock(TEST_NOW);
  });
});

describe('reminder choices and dose reminders', () => {
  const url = () => `/api/patients/${pid}/dose-reminders`;
  it('are the patient’s own, saved with If-Match', async () => {
    const first = await call(f.t.app, f.as.patient, 'GET', url());
    expect(first.json<ReminderSettings>()).toEqual({
      inApp: true,
      email: false,
      calendarShowNames: false,
      version: 0,
    });
    expect((await call(f.t.app, f.as.therapist, 'GET', url())).statusCode).toBe(403);
    const body = { inApp: true, email: true, calendarShowNames: false };
    expect((await call(f.t.app, f.as.patient, 'PUT', url(), body)).statusCode).toBe(428);
    const saved = await call(f.t.app, f.as.patient, 'PUT', url(), body, { 'if-match': '"0"' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<ReminderSettings>()).toMatchObject({ email: true, version: 1 });
    expect((await call(f.t.app, f.as.patient, 'PUT', url(), body, { 'if-match': '"0"' })).statusCode).toBe(
      412,
    );
  });

  it('emails once at dose time, names nothing, and not for a dose already logged', async () => {
    const before = (await mailsTo(f.patient.user.email, DOSE)).length;
    // 09:00 Chicago is 15:00 UTC; at 15:05 the dose is due and unlogged.
    f.t.clock.set(TEST_NOW + 5 * 60_000);
    await checkDoseReminders(f.t.deps);
    await checkDoseReminders(f.t.deps);
    const mails = (await mailsTo(f.patient.user.email, DOSE)).slice(before);
    expect(mails.map((m) => m.subject)).toEqual(['You have a reminder in Duet']);
    expect(mails[0]?.text_body).not.toMatch(/quetiapine|25 mg/i);
    const sent = await f.t.deps.database.db.selectFrom('dose_reminders_sent').selectAll().execute();
    expect(sent.map((s) => s.dose_key)).toEqual([`${quetiapine}:2026-11-02:09:00`]);

    // Next day: the patient logs before the reminder would go → no email.
    await f.setClock(TEST_NOW + 24 * H - 10 * 60_000);
    await call(f.t.app, f.as.patient, 'POST', `/api/patients/${pid}/doses`, {
      id: uuid(),
      medicationId: quetiapine,
      doseKey: `${quetiapine}:2026-11-03:09:00`,
      status: 'taken',
    });
    f.t.clock.set(TEST_NOW + 24 * H + 5 * 60_000);
    await checkDoseReminders(f.t.deps);
    expect((await mailsTo(f.patient.user.email, DOSE)).slice(before)).toHaveLength(1);
    await f.setClock(TEST_NOW);
  });
});

describe('the private calendar feed', () => {
  const status = () => `/api/patients/${pid}/calendar-feed`;
  const path = (url: string) => new URL(url).pathname;

  it('gives a secret URL the patient can subscribe to, reset (old URL 404) and turn off', async () => {
    expect((await call(f.t.app, f.as.prescriber, 'POST', status())).statusCode).toBe(403);
    expect((await call(f.t.app, f.as.otherPatient, 'POST', status())).statusCode).toBe(404);
    const created = await call(f.t.app, f.as.patient, 'POST', status());
    expect(created.statusCode).toBe(201);
    const { url } = created.json<CalendarFeedCreated>();
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = /calendar\/([^.]+)\.ics/.exec(url)?.[1] ?? '';
    const stored = await f.t.deps.database.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('patient_id', '=', pid)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);

    const feed = await call(f.t.app, null, 'GET', path(url));
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(feed.body).toContain(`UID:dose-${quetiapine}:2026-11-02:09:00@duet\r\n`);
    expect(feed.body).toContain('DTSTART:20261102T150000Z\r\n');
    expect(feed.body).toContain('SUMMARY:Medication reminder\r\n');
    expect(feed.body).not.toMatch(/quetiapine/i);
    const audited = await f.t.deps.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'calendar_feed.read')
      .execute();
    expect(audited).toEqual([
      expect.objectContaining({
        patient_id: pid,
        actor_id: f.patient.user.id,
        actor_role: 'patient',
        resource_id: stored[0]?.id,
      }),
    ]);

    // The patient chooses to see names.
    const settings = (
      await call(f.t.app, f.as.patient, 'GET', `/api/patients/${pid}/dose-reminders`)
    ).json<ReminderSettings>();
    await call(
      f.t.app,
      f.as.patient,
      'PUT',
      `/api/patients/${pid}/dose-reminders`,
      { inApp: settings.inApp, email: settings.email, calendarShowNames: true },
      { 'if-match': `"${String(settings.version)}"` },
    );
    expect((await call(f.t.app, null, 'GET', path(url))).body).toContain('SUMMARY:Quetiapine 25 mg\r\n');

    const reset = await call(f.t.app, f.as.patient, 'POST', status());
    const newUrl = reset.json<CalendarFeedCreated>().url;
    expect(newUrl).not.toBe(url);
    expect((await call(f.t.app, null, 'GET', path(url))).statusCode).toBe(404);
    expect((await call(f.t.app, null, 'GET', path(newUrl))).statusCode).toBe(200);
    expect((await call(f.t.app, f.as.patient, 'GET', status())).json()).toMatchObject({ active: true });

    expect((await call(f.t.app, f.as.patient, 'DELETE', status())).json()).toEqual({
      active: false,
      createdAt: null,
    });
    expect((await call(f.t.app, null, 'GET', path(newUrl))).statusCode).toBe(404);
    expect(
      (await call(f.t.app, null, 'GET', '/api/calendar/not-a-real-token-at-all-1234.ics')).statusCode,
    ).toBe(404);
  });
});
