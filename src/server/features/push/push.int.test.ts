import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { addMedication, daily } from '../doses/doses.test-kit.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { notifyByEmail } from '../../platform/notify/notify.js';
import type { PushPreferences, PushSubscriptionView } from '../../../shared/push/api.js';
import type { PushPayload } from '../../../shared/push/texts.js';
import { checkAppointmentReminders } from '../appointments/index.js';
import { checkDosePushes, sendDuePushes } from './index.js';
import { startLoopbackPushService, type LoopbackPushService } from './loopback-push-service.test-kit.js';

// TEST_NOW is 2026-11-02 15:00 UTC: 09:00 in Chicago, the patient's zone. Sertraline daily at 09:00, 10:00, 11:00.
const MIN = 60_000;
let f: MessagingFixture;
let service: LoopbackPushService;
let medicationId: string;
const key = (time: string) => `${medicationId}:2026-11-02:${time}`;

/** One background tick: the scheduled dose check, the outbox (twice: a rule may request a push), the sender. */
async function tick() {
  await checkDosePushes(f.t.deps);
  await deliverPendingEvents(f.t.deps);
  await deliverPendingEvents(f.t.deps);
  await sendDuePushes(f.t.deps);
}
const inputOf = (p: PushPreferences) => ({
  doses: p.doses,
  questionnaires: p.questionnaires,
  appointments: p.appointments,
  replies: p.replies,
  urgentAlerts: p.urgentAlerts,
  quietHours: p.quietHours,
  timeZone: p.timeZone,
});
const payloads = () => service.received.map((r) => r.payload as PushPayload);

async function subscribe(session = f.as.patient) {
  const sub = service.newSubscription();
  const res = await call(f.t.app, session, 'POST', '/api/push/subscriptions', {
    endpoint: sub.endpoint,
    keys: sub.keys,
    deviceLabel: 'Phone',
  });
  expect(res.statusCode).toBe(201);
  return { ...sub, saved: res.json<PushSubscriptionView>() };
}

async function setPreferences(session: typeof f.as.patient, changes: Partial<PushPreferences>) {
  const current = await call(f.t.app, session, 'GET', '/api/push/preferences?zone=America/Chicago');
  const prefs = current.json<PushPreferences>();
  const { version } = prefs;
  const input = inputOf({ ...prefs, ...changes });
  const res = await call(f.t.app, session, 'PUT', '/api/push/preferences', input, {
    'if-match': `"${String(version)}"`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PushPreferences>();
}

beforeAll(async () => {
  f = await messagingFixture();
  service = await startLoopbackPushService();
  medicationId = await addMedication(f.t.deps.database.db, {
    clinicId: f.prescriber.clinicId,
    patientId: f.patient.overview.id,
    prescriberId: f.prescriber.id,
    name: 'Sertraline',
    periods: [{ from: '2026-10-20', doseAmount: 50, schedule: daily('09:00', '10:00', '11:00') }],
    now: TEST_NOW,
  });
});
afterAll(async () => {
  await service.close();
  await f.t.close();
});

describe('keys, subscriptions and choices', () => {
  it('serves one VAPID public key (a P-256 point), made once and kept in the database', async () => {
    const a = await call(f.t.app, f.as.patient, 'GET', '/api/push/public-key');
    const b = await call(f.t.app, f.as.therapist, 'GET', '/api/push/public-key');
    expect(a.statusCode).toBe(200);
    const key = a.json<{ publicKey: string }>().publicKey;
    expect(Buffer.from(key, 'base64url')).toHaveLength(65);
    expect(b.json<{ publicKey: string }>().publicKey).toBe(key);
    const rows = await f.t.deps.database.db.selectFrom('push_server_keys').selectAll().execute();
    expect(rows.map((r) => r.public_key)).toEqual([key]);
  });

  it('validates the subscription at its fields and refuses a plain-http push service that is not loopback', async () => {
    const bad = await call(f.t.app, f.as.patient, 'POST', '/api/push/subscriptions', {
      endpoint: 'http://push.example.com/x',
      keys: { p256dh: 'AAAA', auth: 'short' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.keys.p256dh', 'body.keys.auth']));
    const sub = service.newSubscription();
    const remote = await call(f.t.app, f.as.patient, 'POST', '/api/push/subscriptions', {
      endpoint: 'http://push.example.com/x',
      keys: sub.keys,
    });
    expect(remote.statusCode).toBe(400);
    expect(remote.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.endpoint',
    );
  });

  it('saves a browser once (the same endpoint again answers 200) and lists only my own', async () => {
    const sub = service.newSubscription();
    const body = { endpoint: sub.endpoint, keys: sub.keys };
    expect((await call(f.t.app, f.as.careManager, 'POST', '/api/push/subscriptions', body)).statusCode).toBe(
      201,
    );
    const again = await call(f.t.app, f.as.careManager, 'POST', '/api/push/subscriptions', body);
    expect(again.statusCode).toBe(200);
    const mine = await call(f.t.app, f.as.careManager, 'GET', '/api/push/subscriptions');
    expect(mine.json<{ subscriptions: unknown[] }>().subscriptions).toHaveLength(1);
    const others = await call(f.t.app, f.as.prescriber, 'GET', '/api/push/subscriptions');
    expect(others.json<{ subscriptions: unknown[] }>().subscriptions).toHaveLength(0);
    const id = again.json<PushSubscriptionView>().id;
    expect((await call(f.t.app, f.as.prescriber, 'DELETE', `/api/push/subscriptions/${id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await call(f.t.app, f.as.careManager, 'DELETE', `/api/push/subscriptions/${id}`)).statusCode,
    ).toBe(204);
    const audited = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', f.careManager.id)
      .where('action', 'like', 'push.%')
      .orderBy('seq')
      .execute();
    expect(audited.map((e) => e.action)).toEqual(['push.subscribe', 'push.subscribe', 'push.unsubscribe']);
  });

  it('keeps choices under If-Match, off by default, and refuses a kind the role does not have', async () => {
    const first = await call(f.t.app, f.as.patient, 'GET', '/api/push/preferences?zone=America/Chicago');
    expect(first.headers.etag).toBe('"0"');
    const prefs = first.json<PushPreferences>();
    expect([prefs.doses, prefs.replies, prefs.urgentAlerts]).toEqual([false, false, false]);
    expect(prefs.available).toEqual(['doses', 'questionnaires', 'appointments', 'replies']);
    const input = inputOf(prefs);
    expect((await call(f.t.app, f.as.patient, 'PUT', '/api/push/preferences', input)).statusCode).toBe(428);
    const urgent = await call(
      f.t.app,
      f.as.patient,
      'PUT',
      '/api/push/preferences',
      { ...input, urgentAlerts: true },
      {
        'if-match': '"0"',
      },
    );
    expect(urgent.statusCode).toBe(400);
    expect(urgent.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.urgentAlerts',
    );
    const sameTimes = await call(
      f.t.app,
      f.as.patient,
      'PUT',
      '/api/push/preferences',
      { ...input, quietHours: { start: '22:00', end: '22:00' } },
      { 'if-match': '"0"' },
    );
    expect(sameTimes.statusCode).toBe(400);
    const saved = await setPreferences(f.as.patient, { doses: true, replies: true });
    expect(saved.version).toBe(1);
    const stale = await call(f.t.app, f.as.patient, 'PUT', '/api/push/preferences', input, {
      'if-match': '"0"',
    });
    expect(stale.statusCode).toBe(412);
  });
});

describe('delivery through the outbox to a loopback push service', () => {
  let patientSub: Awaited<ReturnType<typeof subscribe>>;
  beforeAll(async () => {
    patientSub = await subscribe();
  });

  it('sends one encrypted dose reminder at dose time that names no medicine, dose or condition', async () => {
    await f.setClock(TEST_NOW + 5 * MIN);
    await tick();
    expect(payloads()).toEqual([
      {
        title: 'Duet',
        body: 'Time for your 9:00 medicine',
        tag: `dose:${key('09:00')}`,
        url: '/home/medications',
        snoozeDoseKey: key('09:00'),
      },
    ]);
    const [got] = service.received;
    // What the lock screen shows (the tag and key carry random ids, which may hold any digits).
    const payload = got?.payload as { title?: string; body?: string } | undefined;
    const shown = `${payload?.title ?? ''} ${payload?.body ?? ''}`;
    expect(shown).not.toMatch(/sertraline|\b50\b|\bmg\b/i);
    expect(got?.ttl).toBe('86400');
    expect(got?.urgency).toBe('normal');
    expect(got?.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const served = await call(f.t.app, f.as.patient, 'GET', '/api/push/public-key');
    expect(got?.vapidPublicKey).toBe(served.json<{ publicKey: string }>().publicKey);
    expect(got?.vapidSubject).toMatch(/^mailto:/);
  });

  it('sends it exactly once: reruns and a replayed outbox event send nothing more', async () => {
    await tick();
    await tick();
    // Replay: the outbox event delivered again, as after a crash before its commit was noticed.
    await f.t.deps.database.db
      .updateTable('outbox_events')
      .set({ processed_at: null })
      .where('type', '=', 'push.requested')
      .execute();
    await tick();
    expect(service.received).toHaveLength(1);
  });

  it('cancels a pending reminder when the dose is logged first, from any device', async () => {
    // Quiet hours hold the 10:00 reminder; the dose is logged meanwhile.
    await setPreferences(f.as.patient, { quietHours: { start: '10:00', end: '10:30' } });
    await f.setClock(TEST_NOW + 61 * MIN);
    await tick();
    const queued = await f.t.deps.database.db
      .selectFrom('push_notifications')
      .selectAll()
      .where('status', '=', 'queued')
      .execute();
    expect(queued.map((n) => n.not_before)).toEqual([TEST_NOW + 90 * MIN]);
    const log = await call(f.t.app, f.as.patient, 'POST', `/api/patients/${f.patient.overview.id}/doses`, {
      id: uuid(),
      medicationId,
      doseKey: key('10:00'),
      status: 'taken',
    });
    expect(log.statusCode, log.body).toBe(201);
    await f.setClock(TEST_NOW + 91 * MIN);
    await tick();
    expect(service.received).toHaveLength(1);
    const [n] = await f.t.deps.database.db
      .selectFrom('push_notifications')
      .select('status')
      .where('id', '=', queued[0]?.id ?? '')
      .execute();
    expect(n?.status).toBe('cancelled');
    await setPreferences(f.as.patient, { quietHours: null });
  });

  it('snoozes a due dose: the same tag comes again 15 minutes later, not before', async () => {
    await f.setClock(TEST_NOW + 122 * MIN);
    await tick();
    expect(payloads().at(-1)?.body).toBe('Time for your 11:00 medicine');
    const taken = await call(f.t.app, f.as.patient, 'POST', '/api/push/snooze', { doseKey: key('10:00') });
    expect(taken.statusCode).toBe(409);
    const unknown = await call(f.t.app, f.as.patient, 'POST', '/api/push/snooze', {
      doseKey: `${uuid()}:2026-11-02:11:00`,
    });
    expect(unknown.statusCode).toBe(404);
    const res = await call(f.t.app, f.as.patient, 'POST', '/api/push/snooze', { doseKey: key('11:00') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ snoozedUntil: number }>().snoozedUntil).toBe(TEST_NOW + 137 * MIN);
    await tick();
    expect(service.received).toHaveLength(2);
    await f.setClock(TEST_NOW + 137 * MIN);
    await tick();
    expect(service.received).toHaveLength(3);
    expect(payloads()[2]?.tag).toBe(`dose:${key('11:00')}`);
  });

  it('backs off on 503 and 429, then sends once', async () => {
    service.answerNext(patientSub.id, 503, 429);
    await f.t.deps.database.transaction((trx) =>
      notifyByEmail(trx, f.t.deps, f.patient.user.clinicId, [f.patient.user.id], 'message'),
    );
    await tick();
    expect(service.received).toHaveLength(3);
    await f.setClock(f.t.clock.now() + MIN);
    await tick();
    expect(service.received).toHaveLength(3);
    await f.setClock(f.t.clock.now() + 2 * MIN);
    await tick();
    await tick();
    expect(payloads().slice(3)).toEqual([
      { title: 'Duet', body: 'New message from your care team', tag: 'message', url: '/home/messages' },
    ]);
  });

  it('removes a subscription the push service says is gone (410)', async () => {
    service.answerNext(patientSub.id, 410);
    await f.t.deps.database.transaction((trx) =>
      notifyByEmail(trx, f.t.deps, f.patient.user.clinicId, [f.patient.user.id], 'message'),
    );
    await tick();
    const list = await call(f.t.app, f.as.patient, 'GET', '/api/push/subscriptions');
    expect(list.json<{ subscriptions: unknown[] }>().subscriptions).toEqual([]);
    expect(service.received).toHaveLength(4);
  });

  it('tells a clinician who opted in of an urgent alert, high urgency, without the patient', async () => {
    await subscribe(f.as.therapist);
    await setPreferences(f.as.therapist, {
      urgentAlerts: true,
      quietHours: { start: '00:00', end: '23:59' },
    });
    await f.t.deps.database.transaction((trx) =>
      emitEvent(trx, f.t.deps.clock, {
        type: 'measure.self_harm_reported',
        clinicId: f.patient.user.clinicId,
        patientId: f.patient.overview.id,
        payload: { responseId: uuid(), item9: 2, total: 18 },
      }),
    );
    await tick();
    const last = service.received.at(-1);
    expect((last?.payload as PushPayload).body).toBe('Urgent alert for a patient on your team');
    expect(JSON.stringify(last?.payload)).not.toMatch(/Zelda|Quixotic/);
    expect((last?.payload as PushPayload).url).toMatch(/^\/inbox\?alert=/);
    expect(last?.urgency).toBe('high');
  });

  it('reminds of an appointment with its day and time in the patient zone, nothing else', async () => {
    await subscribe();
    await setPreferences(f.as.patient, { appointments: true });
    const booked = await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `/api/patients/${f.patient.overview.id}/appointments`,
      {
        id: uuid(),
        day: '2026-11-03',
        time: '14:00',
        mode: 'in_person',
        location: 'Harbour Street clinic, room 2',
      },
    );
    expect(booked.statusCode, booked.body).toBe(201);
    const before = service.received.length;
    // 2 Nov 15:00 in Chicago: 23 hours before.
    await f.setClock(TEST_NOW + 6 * 60 * MIN);
    await checkAppointmentReminders(f.t.deps);
    await tick();
    expect(payloads().slice(before)).toEqual([
      { title: 'Duet', body: 'Appointment tomorrow at 14:00', tag: 'appointment', url: '/home/appointments' },
    ]);
  });
});
