import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
} from '../../testing/factories.js';
import { sameDatabaseEnv, signInOverHttp, startChildServer } from '../../testing/child-server.js';

// Issue 12: kill -9 between a diary-card self-harm entry and its alert delivery → after a restart the
// alert exists exactly once (the event was written in the entry's transaction).

let t: TestContext;
let patient: BuiltPatient;
let assignmentId: string;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  const therapist = await buildUser(t.deps, clinic, 'therapist');
  const prescriber = await buildUser(t.deps, clinic, 'prescriber');
  patient = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
  ]);
  const session = await signIn(t.app, therapist.email, PASSWORD);
  assignmentId = randomUUID();
  const res = await call(
    t.app,
    session,
    'POST',
    `/api/patients/${patient.overview.id}/practice/assignments`,
    {
      id: assignmentId,
      type: 'diary_card',
      frequency: { kind: 'daily' },
      dueDay: '2027-06-30',
    },
  );
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => t.close());

// Real server processes (start, sign-in, kill -9, restart): slow on a busy 2-core machine, so a minute each.
describe(
  'a diary card with self-harm acted on, committed just before the process is killed',
  { timeout: 60_000 },
  () => {
    it('reaches the team as one urgent alert, delivered by the next process', async () => {
      const env = sameDatabaseEnv(t.testDb.location);
      const first = await startChildServer({ ...env, ARGON2_MEMORY_KIB: '1024', DUET_WORKER: '0' });
      const session = await signInOverHttp(first.url, patient.user.email, PASSWORD);
      const entryId = randomUUID();
      const res = await fetch(
        `${first.url}/api/patients/${patient.overview.id}/practice/entries/${entryId}`,
        {
          method: 'PUT',
          headers: {
            'content-type': 'application/json',
            cookie: session.cookie,
            'x-csrf-token': session.csrf,
          },
          body: JSON.stringify({
            assignmentId,
            content: {
              urges: [{ behaviour: 'Self-harm', urge: 4, actedOn: true }],
              note: 'Scratched my arm',
            },
            done: true,
          }),
        },
      );
      expect(res.status).toBe(201);
      expect(((await res.json()) as { crisis?: unknown }).crisis).toBeTruthy();
      first.process.kill('SIGKILL');
      await first.exited;

      const pending = await t.deps.database.db
        .selectFrom('outbox_events')
        .selectAll()
        .where('type', '=', 'practice.self_harm_reported')
        .where('processed_at', 'is', null)
        .execute();
      expect(pending).toHaveLength(1);
      const alertsNow = () =>
        t.deps.database.db
          .selectFrom('alerts')
          .select(['id', 'severity', 'subject_id'])
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
        // Give a duplicate the chance to appear before counting.
        await new Promise((r) => setTimeout(r, 500));
        alerts = await alertsNow();
        expect(alerts).toHaveLength(1);
        expect(alerts[0]).toMatchObject({ severity: 'urgent', subject_id: entryId });
        const recipients = await t.deps.database.db
          .selectFrom('alert_recipients')
          .select('role')
          .where('alert_id', '=', alerts[0]?.id ?? '')
          .execute();
        expect(recipients.map((r) => r.role).sort()).toEqual(['prescriber', 'therapist']);
      } finally {
        second.process.kill('SIGTERM');
        await second.exited;
      }
    });
  },
);
