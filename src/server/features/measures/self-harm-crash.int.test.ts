import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
} from '../../testing/factories.js';
import { postAs, sameDatabaseEnv, signInOverHttp, startChildServer } from '../../testing/child-server.js';

let t: TestContext;
let patient: BuiltPatient;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  const therapist = await buildUser(t.deps, clinic, 'therapist');
  const prescriber = await buildUser(t.deps, clinic, 'prescriber');
  patient = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
  ]);
});
afterAll(() => t.close());

// Real server processes (start, sign-in, kill -9, restart): slow on a busy 2-core machine, so a minute each.
describe('a PHQ-9 item 9 answer committed just before the process is killed', { timeout: 60_000 }, () => {
  it('still reaches every clinician as an urgent alert, delivered by the next process', async () => {
    const env = sameDatabaseEnv(t.testDb.location);
    // The first process has no worker: it commits the answer and its event, then dies before delivery.
    const first = await startChildServer({ ...env, ARGON2_MEMORY_KIB: '1024', DUET_WORKER: '0' });
    const session = await signInOverHttp(first.url, patient.user.email, PASSWORD);
    const responseId = randomUUID();
    const res = await postAs(session, `${first.url}/api/patients/${patient.overview.id}/measures`, {
      id: responseId,
      instrument: 'phq9',
      answers: { items: [1, 1, 0, 0, 0, 0, 0, 0, 1] },
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { crisis: unknown }).crisis).not.toBeNull();
    first.process.kill('SIGKILL');
    await first.exited;

    const pending = await t.deps.database.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('type', '=', 'measure.self_harm_reported')
      .where('processed_at', 'is', null)
      .execute();
    expect(pending).toHaveLength(1);
    const alertsNow = () =>
      t.deps.database.db
        .selectFrom('alerts')
        .select(['id', 'type', 'severity', 'subject_id'])
        .where('patient_id', '=', patient.overview.id)
        .where('type', '=', 'self_harm_answer')
        .execute();
    expect(await alertsNow()).toHaveLength(0);

    const second = await startChildServer({ ...env, ARGON2_MEMORY_KIB: '1024' });
    try {
      let alerts: Awaited<ReturnType<typeof alertsNow>> = [];
      for (let i = 0; i < 100 && alerts.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        alerts = await alertsNow();
      }
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ severity: 'urgent', subject_id: responseId });
      const recipients = await t.deps.database.db
        .selectFrom('alert_recipients')
        .select('role')
        .where('alert_id', '=', alerts[0]!.id)
        .execute();
      expect(recipients.map((r) => r.role).sort()).toEqual(['prescriber', 'therapist']);
    } finally {
      second.process.kill('SIGTERM');
      await second.exited;
    }
  });
});
