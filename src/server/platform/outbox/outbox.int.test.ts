import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../config.js';
import { createDeps } from '../../bootstrap.js';
import { openPostgres, openSqlite } from '../../db/database.js';
import { createTestContext, testConfig, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';
import { defineRule, type AlertRule } from '../../../shared/alerts/rules/rule.js';
import { emitEvent } from './emit.js';
import { deliverPendingEvents } from './worker.js';
import { escalateUnacknowledgedAlerts } from '../../features/alerts/index.js';
import { verifyAuditChain } from '../audit/audit.js';
import { loadAuditKeys } from '../audit/audit-keys.js';

let t: TestContext;
let therapist: BuiltUser;
let prescriber: BuiltUser;
let careManager: BuiltUser;
let patient: BuiltPatient;
let soloPatient: BuiltPatient;
let clinicId: string;

// A test rule: every patient message raises one alert for the therapist, with the severity in the text.
const severityByText = (text: string) => (text.includes('urgent') ? 'urgent' : 'routine');
const testRule: AlertRule = defineRule({
  name: 'test-consult',
  on: 'consult.requested',
  evaluate: (e) => [
    {
      type: 'test_alert',
      severity: severityByText(e.payload.summary),
      title: 'Test',
      details: e.payload.summary,
      routeToRoles: ['therapist'],
      subjectId: e.payload.consultId,
    },
  ],
});
const failingRule: AlertRule = defineRule({
  name: 'test-failing',
  on: 'plan.review_due',
  evaluate: () => {
    throw new Error('rule bug');
  },
});
const rules = [testRule, failingRule];

beforeAll(async () => {
  t = await createTestContext();
  clinicId = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinicId, 'therapist');
  prescriber = await buildUser(t.deps, clinicId, 'prescriber');
  careManager = await buildUser(t.deps, clinicId, 'care_manager');
  patient = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
    { user: careManager, role: 'care_manager' },
  ]);
  soloPatient = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
  ]);
});
afterAll(() => t.close());

const emitConsult = (patientId: string, summary: string, consultId = 'consult-' + String(Math.random())) =>
  t.deps.database.transaction((trx) =>
    emitEvent(trx, t.clock, {
      type: 'consult.requested',
      clinicId,
      patientId,
      payload: { consultId, fromUserId: prescriber.id, toUserId: therapist.id, priority: 'routine', summary },
    }),
  );

const alertsAbout = (subjectId: string) =>
  t.deps.database.db.selectFrom('alerts').selectAll().where('subject_id', '=', subjectId).execute();

describe('outbox delivery', () => {
  it('turns an event into one alert routed by role, and marks the event processed', async () => {
    const eventId = await emitConsult(patient.overview.id, 'routine question', 'c-1');
    expect(await deliverPendingEvents(t.deps, 100, rules)).toBeGreaterThanOrEqual(1);
    const alerts = await alertsAbout('c-1');
    expect(alerts).toHaveLength(1);
    const recipients = await t.deps.database.db
      .selectFrom('alert_recipients')
      .selectAll()
      .where('alert_id', '=', alerts[0]?.id ?? '')
      .execute();
    expect(recipients.map((r) => r.user_id)).toEqual([therapist.id]);
    const event = await t.deps.database.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('id', '=', eventId)
      .executeTakeFirst();
    expect(event?.processed_at).not.toBeNull();
  });

  it('delivers exactly once when workers race', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `race-${String(i)}`);
    for (const id of ids) await emitConsult(patient.overview.id, 'race', id);
    await Promise.all([
      deliverPendingEvents(t.deps, 100, rules),
      deliverPendingEvents(t.deps, 100, rules),
      deliverPendingEvents(t.deps, 100, rules),
    ]);
    for (const id of ids) expect(await alertsAbout(id)).toHaveLength(1);
  });

  it('keeps an event that was committed but never delivered (the process died) and delivers it after restart', async () => {
    await emitConsult(patient.overview.id, 'survives a crash', 'crash-1');
    // "Restart": a fresh connection and fresh deps, as a new process would have.
    const { databaseUrl, sqlitePath } = t.testDb.location;
    const reopened = databaseUrl ? openPostgres(databaseUrl, 2) : openSqlite(sqlitePath);
    try {
      const fresh = createDeps(testConfig(), reopened, t.clock);
      await deliverPendingEvents(fresh, 100, rules);
    } finally {
      await reopened.close();
    }
    expect(await alertsAbout('crash-1')).toHaveLength(1);
  });

  it('rolls back a failed delivery completely and counts the attempt', async () => {
    const eventId = await t.deps.database.transaction((trx) =>
      emitEvent(trx, t.clock, {
        type: 'plan.review_due',
        clinicId,
        patientId: patient.overview.id,
        payload: { planId: 'p', versionId: 'v', reviewDate: '2026-12-01' },
      }),
    );
    await deliverPendingEvents(t.deps, 10, rules);
    const event = await t.deps.database.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('id', '=', eventId)
      .executeTakeFirst();
    expect(event?.processed_at).toBeNull();
    expect(event?.attempts).toBe(5);
    expect(event?.last_error).toBe('rule bug');
  });

  it('ignores a second event with the same dedupe key', async () => {
    const emit = () =>
      t.deps.database.transaction((trx) =>
        emitEvent(trx, t.clock, {
          type: 'consult.requested',
          clinicId,
          patientId: patient.overview.id,
          payload: {
            consultId: 'dedupe',
            fromUserId: prescriber.id,
            toUserId: therapist.id,
            priority: 'routine',
            summary: 'x',
          },
          dedupeKey: 'same-key',
        }),
      );
    await emit();
    await emit();
    await deliverPendingEvents(t.deps, 100, rules);
    expect(await alertsAbout('dedupe')).toHaveLength(1);
    expect((await verifyAuditChain(t.deps.database.db, loadAuditKeys(t.config))).ok).toBe(true);
  });
});

describe('escalation of unacknowledged urgent alerts (fake clock)', () => {
  it('goes to the care manager after 4 hours, not before, and only once', async () => {
    // Clinic hours that cover this test's afternoon (the clock counts clinic hours; issue 12).
    await t.deps.database.db
      .updateTable('clinics')
      .set({
        settings: JSON.stringify({
          clinicOpenDays: [1, 2, 3, 4, 5, 6, 7],
          clinicOpensAt: '06:00',
          clinicClosesAt: '23:00',
        }),
      })
      .where('id', '=', clinicId)
      .execute();
    await emitConsult(patient.overview.id, 'urgent: needs a human', 'esc-1');
    await deliverPendingEvents(t.deps, 100, rules);
    t.clock.advance(4 * 3600_000 - 60_000);
    await escalateUnacknowledgedAlerts(t.deps);
    expect((await alertsAbout('esc-1'))[0]?.escalated_at).toBeNull();
    t.clock.advance(2 * 60_000);
    expect(await escalateUnacknowledgedAlerts(t.deps)).toBeGreaterThanOrEqual(1);
    const [alert] = await alertsAbout('esc-1');
    expect(alert?.escalated_at).toBe(t.clock.now());
    const recipients = await t.deps.database.db
      .selectFrom('alert_recipients')
      .selectAll()
      .where('alert_id', '=', alert?.id ?? '')
      .execute();
    expect(recipients.find((r) => r.user_id === careManager.id)?.reason).toBe('escalated');
    const audit = await t.deps.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'alert.escalate')
      .where('resource_id', '=', alert?.id ?? '')
      .execute();
    expect(audit).toHaveLength(1);
    t.clock.advance(3600_000);
    await escalateUnacknowledgedAlerts(t.deps);
    expect(
      await t.deps.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'alert.escalate')
        .where('resource_id', '=', alert?.id ?? '')
        .execute(),
    ).toHaveLength(1);
  });

  it('goes to the on-call contact when the patient has no care manager; routine alerts never escalate', async () => {
    const onCall = await buildUser(t.deps, clinicId, 'prescriber', 'On Call');
    await t.deps.database.db
      .updateTable('clinics')
      .set({ settings: JSON.stringify({ onCallUserId: onCall.id, escalationHours: 2 }) })
      .where('id', '=', clinicId)
      .execute();
    await emitConsult(soloPatient.overview.id, 'urgent: solo', 'esc-2');
    await emitConsult(soloPatient.overview.id, 'just routine', 'esc-3');
    await deliverPendingEvents(t.deps, 100, rules);
    t.clock.advance(2 * 3600_000 + 1000);
    await escalateUnacknowledgedAlerts(t.deps);
    const [urgent] = await alertsAbout('esc-2');
    const recipients = await t.deps.database.db
      .selectFrom('alert_recipients')
      .selectAll()
      .where('alert_id', '=', urgent?.id ?? '')
      .execute();
    expect(recipients.find((r) => r.user_id === onCall.id)?.reason).toBe('escalated');
    expect((await alertsAbout('esc-3'))[0]?.escalated_at).toBeNull();
  });
});

if (testDatabaseUrl()) {
  describe('two workers in two app instances on PostgreSQL', () => {
    it('deliver every event exactly once', async () => {
      const second = openPostgres(t.testDb.location.databaseUrl ?? '', 4);
      const otherDeps = createDeps(testConfig(), second, t.clock);
      try {
        const ids = Array.from({ length: 40 }, (_, i) => `pg-race-${String(i)}`);
        for (const id of ids) await emitConsult(patient.overview.id, 'pg race', id);
        const [a, b] = await Promise.all([
          deliverPendingEvents(t.deps, 100, rules),
          deliverPendingEvents(otherDeps, 100, rules),
        ]);
        expect(a + b).toBeGreaterThanOrEqual(40);
        for (const id of ids) expect(await alertsAbout(id)).toHaveLength(1);
      } finally {
        await second.close();
      }
    });
  });
}
