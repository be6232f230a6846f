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
  patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
});
afterAll(() => t.close());

// Real server processes (start, sign-in, kill -9, restart): slow on a busy 2-core machine, so a minute each.
describe('an event committed just before the process is killed', { timeout: 60_000 }, () => {
  it('is delivered as an alert by the next process', async () => {
    const env = sameDatabaseEnv(t.testDb.location);
    // The first process commits the patient's message (and its event) but never gets to deliver it.
    const first = await startChildServer({ ...env, ARGON2_MEMORY_KIB: '1024', DUET_WORKER: '0' });
    const session = await signInOverHttp(first.url, patient.user.email, PASSWORD);
    const conversationId = randomUUID();
    const res = await postAs(session, `${first.url}/api/patients/${patient.overview.id}/conversations`, {
      id: conversationId,
      subject: 'A question',
      firstMessage: { id: randomUUID(), body: 'Can I take it with food?' },
    });
    expect(res.status).toBe(201);
    first.process.kill('SIGKILL');
    await first.exited;

    const pending = await t.deps.database.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('type', '=', 'message.from_patient')
      .where('processed_at', 'is', null)
      .execute();
    expect(pending).toHaveLength(1);
    expect(
      await t.deps.database.db
        .selectFrom('alerts')
        .selectAll()
        .where('patient_id', '=', patient.overview.id)
        .execute(),
    ).toHaveLength(0);

    // The next process (with its worker) picks the event up.
    const second = await startChildServer({ ...env, ARGON2_MEMORY_KIB: '1024' });
    try {
      let alerts: { type: string; subject_id: string | null }[] = [];
      for (let i = 0; i < 100 && alerts.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        alerts = await t.deps.database.db
          .selectFrom('alerts')
          .select(['type', 'subject_id'])
          .where('patient_id', '=', patient.overview.id)
          .execute();
      }
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.subject_id).toBe(conversationId);
    } finally {
      second.process.kill('SIGTERM');
      await second.exited;
    }
  });
});
