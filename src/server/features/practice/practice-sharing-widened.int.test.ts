import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import type { PracticeAssignment, PracticeEntry } from '../../../shared/practice/schemas.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';

// Issue 12: a therapist-only diary card at risk alerts the therapist; when the patient later shares it with
// the whole team, the prescriber and care manager (who may read it now) are alerted too, through the
// outbox, once. Not when the therapist already reached the patient.

let f: MessagingFixture;
let base: string;
let diary: PracticeAssignment;

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/practice`;
  const res = await call(f.t.app, f.as.therapist, 'POST', `${base}/assignments`, {
    id: uuid(),
    type: 'diary_card',
    frequency: { kind: 'daily' },
    dueDay: '2026-12-30',
  });
  expect(res.statusCode, res.body).toBe(201);
  diary = res.json<PracticeAssignment>();
});
afterAll(() => f.t.close());

const content = { urges: [{ behaviour: 'Self-harm', urge: 4, actedOn: true }], distress: 8 };
const save = (entryId: string, sharing: 'team' | 'therapist') =>
  call(f.t.app, f.as.patient, 'PUT', `${base}/entries/${entryId}`, {
    assignmentId: diary.id,
    sharing,
    content,
    done: true,
  });

async function recipients(entryId: string) {
  const rows = await f.t.deps.database.db
    .selectFrom('alerts as a')
    .innerJoin('alert_recipients as r', 'r.alert_id', 'a.id')
    .select(['a.id', 'a.state', 'a.details', 'r.role'])
    .where('a.subject_id', '=', entryId)
    .where('a.type', '=', 'self_harm_answer')
    .execute();
  return { alerts: [...new Set(rows.map((r) => r.id))], roles: rows.map((r) => r.role).sort(), rows };
}

const canRead = async (entryId: string, who: 'prescriber' | 'careManager') =>
  (await call(f.t.app, f.as[who], 'GET', `${base}/entries/${entryId}`)).statusCode;

describe('a therapist-only entry at risk, later shared with the whole team', () => {
  it('alerts the prescriber and care manager once; one assessment that reached the patient resolves both', async () => {
    const id = uuid();
    expect((await save(id, 'therapist')).statusCode).toBe(201);
    await deliverPendingEvents(f.t.deps);
    expect((await recipients(id)).roles).toEqual(['therapist']);
    expect(await canRead(id, 'prescriber')).toBe(404);

    const shared = await save(id, 'team');
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json<PracticeEntry>().sharing).toBe('team');
    await deliverPendingEvents(f.t.deps);
    const after = await recipients(id);
    expect(after.alerts).toHaveLength(2);
    expect(after.roles).toEqual(['care_manager', 'prescriber', 'therapist']);
    expect(after.rows.find((r) => r.role === 'prescriber')?.details).toContain('now shared it');
    expect(await canRead(id, 'prescriber')).toBe(200);

    // Back to therapist-only and to the team again: nobody is alerted a second time.
    expect((await save(id, 'therapist')).statusCode).toBe(200);
    expect((await save(id, 'team')).statusCode).toBe(200);
    await deliverPendingEvents(f.t.deps);
    expect((await recipients(id)).alerts).toHaveLength(2);

    const assessed = await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `/api/alerts/${after.alerts[0] ?? ''}/risk-assessments`,
      {
        id: uuid(),
        contactedAt: f.t.clock.now() - 60_000,
        method: 'phone',
        outcome: 'no_immediate_risk',
      },
    );
    expect(assessed.statusCode, assessed.body).toBe(201);
    expect((await recipients(id)).rows.every((r) => r.state === 'resolved')).toBe(true);
  });

  it('shared before the outbox ran: the therapist and the new readers each get one alert', async () => {
    const id = uuid();
    expect((await save(id, 'therapist')).statusCode).toBe(201);
    expect((await save(id, 'team')).statusCode).toBe(200);
    await deliverPendingEvents(f.t.deps);
    const r = await recipients(id);
    expect(r.alerts).toHaveLength(2);
    expect(r.roles).toEqual(['care_manager', 'prescriber', 'therapist']);
  });

  it('not when the therapist already reached the patient (alert resolved)', async () => {
    const id = uuid();
    expect((await save(id, 'therapist')).statusCode).toBe(201);
    await deliverPendingEvents(f.t.deps);
    const [alertId] = (await recipients(id)).alerts;
    const assessed = await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `/api/alerts/${alertId ?? ''}/risk-assessments`,
      {
        id: uuid(),
        contactedAt: f.t.clock.now() - 60_000,
        method: 'phone',
        outcome: 'no_immediate_risk',
      },
    );
    expect(assessed.statusCode, assessed.body).toBe(201);
    expect((await save(id, 'team')).statusCode).toBe(200);
    await deliverPendingEvents(f.t.deps);
    expect((await recipients(id)).roles).toEqual(['therapist']);
  });

  it('an entry without risk shared later alerts no one', async () => {
    const id = uuid();
    const calm = { urges: [{ behaviour: 'Self-harm', urge: 1, actedOn: false }], distress: 2 };
    const put = (sharing: string) =>
      call(f.t.app, f.as.patient, 'PUT', `${base}/entries/${id}`, {
        assignmentId: diary.id,
        sharing,
        content: calm,
        done: true,
      });
    expect((await put('therapist')).statusCode).toBe(201);
    expect((await put('team')).statusCode).toBe(200);
    await deliverPendingEvents(f.t.deps);
    expect((await recipients(id)).alerts).toEqual([]);
  });
});
