// Issue 19: a patient's alert list and the inbox are bounded. At most PATIENT_ALERTS_MAX alerts, every open one first (an
// open alert is never the one left out), then the latest resolved ones, with hasMore when some are not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { raiseTestAlert } from '../../testing/alerts.js';
import type { Alert } from '../../../shared/alerts/alert.js';
import { INBOX_MAX, PATIENT_ALERTS_MAX } from '../../../shared/lists/limits.js';
import { messagingFixture, type MessagingFixture } from '../messaging/messaging.test-kit.js';

let f: MessagingFixture;
let patientId: string;
let openId: string;
const resolvedIds: string[] = [];

async function alertsPage() {
  const res = await call(f.t.app, f.as.therapist, 'GET', `/api/patients/${patientId}/alerts`);
  expect(res.statusCode).toBe(200);
  return res.json<{ alerts: Alert[]; hasMore: boolean }>();
}

beforeAll(async () => {
  f = await messagingFixture();
  patientId = f.patient.overview.id;
  const clinicId = f.prescriber.clinicId;
  // The oldest alert stays open; every later one is resolved.
  openId = await raiseTestAlert(f.t.deps, patientId, clinicId, { subjectId: 'open-one' });
  for (let i = 0; i < PATIENT_ALERTS_MAX; i++) {
    f.t.clock.advance(1000);
    // One old urgent alert: the inbox's bound keeps the most severe first.
    const severity = i === 1 ? 'urgent' : 'high';
    resolvedIds.push(
      await raiseTestAlert(f.t.deps, patientId, clinicId, { subjectId: `s-${String(i)}`, severity }),
    );
  }
  await f.t.deps.database.db
    .updateTable('alerts')
    .set({ state: 'resolved' })
    .where('id', 'in', resolvedIds)
    .execute();
});
afterAll(() => f.t.close());

describe('GET /api/patients/:id/alerts is bounded (issue 19)', () => {
  it('answers at most the maximum, the open alert first, then the newest resolved, with hasMore', async () => {
    const page = await alertsPage();
    expect(page.alerts).toHaveLength(PATIENT_ALERTS_MAX);
    expect(page.hasMore).toBe(true);
    expect(page.alerts[0]?.id).toBe(openId);
    const listed = new Set(page.alerts.map((a) => a.id));
    // The oldest resolved alert is the one not listed; the newest is.
    expect(listed.has(resolvedIds[0] ?? '')).toBe(false);
    expect(listed.has(resolvedIds.at(-1) ?? '')).toBe(true);
  });

  it('says nothing is missing when all fit', async () => {
    await f.t.deps.database.db
      .deleteFrom('alert_recipients')
      .where('alert_id', '=', resolvedIds[0] ?? '')
      .execute();
    await f.t.deps.database.db
      .deleteFrom('alerts')
      .where('id', '=', resolvedIds[0] ?? '')
      .execute();
    const page = await alertsPage();
    expect(page.alerts).toHaveLength(PATIENT_ALERTS_MAX);
    expect(page.hasMore).toBe(false);
  });

  it('the inbox is bounded too: the most severe first, then the newest, with hasMore', async () => {
    // 499 resolved now; two more make 501.
    for (const i of [1, 2]) {
      f.t.clock.advance(1000);
      await f.t.deps.database.db
        .updateTable('alerts')
        .set({ state: 'resolved' })
        .where(
          'id',
          '=',
          await raiseTestAlert(f.t.deps, patientId, f.prescriber.clinicId, {
            subjectId: `late-${String(i)}`,
          }),
        )
        .execute();
    }
    const res = await call(f.t.app, f.as.therapist, 'GET', '/api/inbox?view=resolved');
    expect(res.statusCode).toBe(200);
    const page = res.json<{ alerts: Alert[]; hasMore: boolean }>();
    expect(page.alerts).toHaveLength(INBOX_MAX);
    expect(page.hasMore).toBe(true);
    const ids = page.alerts.map((a) => a.id);
    expect(ids[0]).toBe(resolvedIds[1]); // the urgent one, although the oldest
    expect(ids).not.toContain(resolvedIds[2]); // the oldest of the others
    const active = await call(f.t.app, f.as.therapist, 'GET', '/api/inbox');
    expect(active.json<{ alerts: Alert[]; hasMore: boolean }>()).toMatchObject({ hasMore: false });
  });
});
