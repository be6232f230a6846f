import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestContext,
  signIn,
  TEST_NOW,
  type Session,
  type TestContext,
} from '../../testing/test-app.js';
import { buildClinic, buildPatient, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import { deliverPendingEvents } from '../outbox/worker.js';
import type { SecurityAlert } from '../../../shared/audit/security-alert-schemas.js';
import {
  REFUSED_ATTEMPTS_QUIET_MS,
  REFUSED_ATTEMPTS_THRESHOLD,
} from '../../../shared/audit/refused-attempts.js';

// Issue 13: repeated refused attempts by one account raise one security alert for the clinic's admins per burst.

let t: TestContext;
let admin: BuiltUser;
let outsider: BuiltUser;
let bystander: BuiltUser;
let patientId: string;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  admin = await buildUser(t.deps, clinic, 'admin', 'Ada Admin');
  const therapist = await buildUser(t.deps, clinic, 'therapist', 'Tess Therapist');
  outsider = await buildUser(t.deps, clinic, 'therapist', 'Otto Outsider');
  bystander = await buildUser(t.deps, clinic, 'prescriber', 'Bea Bystander');
  patientId = (await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }])).overview.id;
});
afterAll(() => t.close());

const burstEvents = async (actorId: string) =>
  (
    await t.deps.database.db
      .selectFrom('outbox_events')
      .select(['payload', 'patient_id'])
      .where('type', '=', 'security.refused_attempts')
      .execute()
  )
    .map((r) => ({
      ...(JSON.parse(r.payload) as { actorId: string; refusals: number }),
      patientId: r.patient_id,
    }))
    .filter((e) => e.actorId === actorId);

async function refusals(session: Session, n: number, from: number, stepMs: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    t.clock.set(from + i * stepMs);
    expect((await call(t.app, session, 'GET', `/api/patients/${patientId}`)).statusCode).toBe(404);
  }
}

describe('repeated refused attempts', () => {
  it('a few refusals, or ten spread over more than ten minutes, raise nothing', async () => {
    t.clock.set(TEST_NOW);
    const bea = await signIn(t.app, bystander.email, PASSWORD);
    await refusals(bea, 3, TEST_NOW, 1000);
    // Ten refusals, one every 70 seconds: never ten within ten minutes.
    await refusals(bea, REFUSED_ATTEMPTS_THRESHOLD, TEST_NOW + 20 * 60_000, 70_000);
    expect(await burstEvents(bystander.id)).toEqual([]);
  });

  it('the tenth refusal within ten minutes raises one alert for the admins, not repeated for the same burst', async () => {
    const start = TEST_NOW + 3_600_000;
    t.clock.set(start);
    const otto = await signIn(t.app, outsider.email, PASSWORD);
    await refusals(otto, REFUSED_ATTEMPTS_THRESHOLD - 1, start, 5_000);
    expect(await burstEvents(outsider.id)).toEqual([]);
    await refusals(otto, 1, start + 60_000, 0);
    expect(await burstEvents(outsider.id)).toEqual([
      expect.objectContaining({
        actorId: outsider.id,
        refusals: REFUSED_ATTEMPTS_THRESHOLD,
        patientId: null,
      }),
    ]);
    // The burst goes on for 20 more minutes: still one event.
    await refusals(otto, 40, start + 70_000, 30_000);
    expect(await burstEvents(outsider.id)).toHaveLength(1);

    await deliverPendingEvents(t.deps);
    const adminSession = await signIn(t.app, admin.email, PASSWORD);
    const res = await call(t.app, adminSession, 'GET', '/api/admin/security-alerts');
    expect(res.statusCode).toBe(200);
    const alerts = res.json<{ alerts: SecurityAlert[] }>().alerts;
    expect(alerts).toEqual([
      expect.objectContaining({
        type: 'refused_attempts',
        severity: 'high',
        title: 'Repeated refused attempts by Otto Outsider',
        subjectId: outsider.id,
      }),
    ]);
    expect(alerts[0]?.details).toContain('refused 10 times within 10 minutes');
    // The admins are emailed that something waits (no details in the email).
    const mail = await t.deps.database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', admin.email)
      .execute();
    expect(mail.map((m) => m.subject)).toContain('Something in Duet needs your attention');
    expect(mail.map((m) => m.text_body).join('\n')).not.toContain('Otto');
    // Only admins see security alerts.
    expect((await call(t.app, otto, 'GET', '/api/admin/security-alerts')).statusCode).toBe(403);
    // Delivering again raises nothing new.
    await deliverPendingEvents(t.deps);
    expect(
      (await call(t.app, adminSession, 'GET', '/api/admin/security-alerts')).json<{
        alerts: SecurityAlert[];
      }>().alerts,
    ).toHaveLength(1);

    // After an hour of quiet, a new burst is a new alert.
    const later = start + 70_000 + 39 * 30_000 + REFUSED_ATTEMPTS_QUIET_MS + 60_000;
    t.clock.set(later);
    const again = await signIn(t.app, outsider.email, PASSWORD);
    await refusals(again, REFUSED_ATTEMPTS_THRESHOLD, later, 1_000);
    expect(await burstEvents(outsider.id)).toHaveLength(2);
  });
});
