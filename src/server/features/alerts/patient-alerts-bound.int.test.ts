// Issue 19: a patient's alert list and the inbox are bounded. At most PATIENT_ALERTS_MAX alerts, every open one first (an
// open alert is never the one left out), then the latest resolved ones, with hasMore when some are not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { raiseTestAlert } from '../../testing/alerts.js';
import { newId } from '../../platform/ids.js';
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

/**
 * Raises one alert through the real path, then copies it (and its recipients) `n` times at later instants:
 * hundreds of alerts without hundreds of transactions (the bound is what is tested here, not raising).
 */
async function copiesOf(templateId: string, n: number, severityOf: (i: number) => string) {
  const db = f.t.deps.database.db;
  const alert = await db
    .selectFrom('alerts')
    .selectAll()
    .where('id', '=', templateId)
    .executeTakeFirstOrThrow();
  const recipients = await db
    .selectFrom('alert_recipients')
    .selectAll()
    .where('alert_id', '=', templateId)
    .execute();
  const ids: string[] = [];
  for (let start = 0; start < n; start += 50) {
    const batch = Array.from({ length: Math.min(50, n - start) }, (_, k) => {
      const i = start + k;
      const id = newId();
      ids.push(id);
      return {
        ...alert,
        id,
        subject_id: `s-${String(i)}`,
        idempotency_key: `copy-${id}`,
        severity: severityOf(i),
        state: 'resolved',
        created_at: alert.created_at + (i + 1) * 1000,
      };
    });
    await db.insertInto('alerts').values(batch).execute();
    await db
      .insertInto('alert_recipients')
      .values(batch.flatMap((a) => recipients.map((r) => ({ ...r, alert_id: a.id }))))
      .execute();
  }
  return ids;
}

beforeAll(async () => {
  f = await messagingFixture();
  patientId = f.patient.overview.id;
  // The oldest alert stays open; every later one is resolved, one old one of them urgent (the inbox's bound
  // keeps the most severe first).
  openId = await raiseTestAlert(f.t.deps, patientId, f.prescriber.clinicId, { subjectId: 'open-one' });
  resolvedIds.push(...(await copiesOf(openId, PATIENT_ALERTS_MAX, (i) => (i === 1 ? 'urgent' : 'high'))));
  f.t.clock.advance((PATIENT_ALERTS_MAX + 10) * 1000);
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
    // 499 resolved now; two more (newer than all) make 501.
    const latest = await raiseTestAlert(f.t.deps, patientId, f.prescriber.clinicId, { subjectId: 'late' });
    await f.t.deps.database.db
      .updateTable('alerts')
      .set({ state: 'resolved' })
      .where('id', '=', latest)
      .execute();
    f.t.clock.advance(1000);
    const later = await raiseTestAlert(f.t.deps, patientId, f.prescriber.clinicId, { subjectId: 'later' });
    await f.t.deps.database.db
      .updateTable('alerts')
      .set({ state: 'resolved' })
      .where('id', '=', later)
      .execute();
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
