import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../../testing/test-app.js';
import { buildUser, PASSWORD } from '../../testing/factories.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { escalateUnacknowledgedAlerts } from '../alerts/index.js';
import { checkMonitoringOverdue } from './monitoring-overdue.check.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import type {
  CatalogueEntry,
  MedicationDetail,
  MonitoringResult,
  MonitoringView,
} from '../../../shared/medications/schemas.js';

// Laboratory results through the real routes (issue 11; medication-safety.md §3).
// TEST_NOW is 2 Nov 2026 15:00 UTC: 09:00 in America/Chicago (the fixture patient's zone), so today = 2026-11-02.
let f: MessagingFixture;
let patientId: string;
let monUrl: string;
const meds: Record<string, string> = {};

async function catalogueId(q: string): Promise<string> {
  const res = await call(f.t.app, f.as.prescriber, 'GET', `/api/medication-catalogue?q=${q}`);
  return res.json<{ entries: CatalogueEntry[] }>().entries[0]?.id ?? '';
}

/** Prescribes; answers the prescribing safety warnings (issue 11, another part) with "proceed" when asked. */
async function prescribe(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await call(f.t.app, f.as.prescriber, 'POST', url, body, headers);
  if (res.statusCode !== 409) return res;
  const warnings = res.json<{ error: { details?: { warnings?: { id: string }[] } } }>().error.details
    ?.warnings;
  if (!warnings) return res;
  const safetyAnswers = warnings.map((w) => ({ warningId: w.id, decision: 'proceed', reason: 'Reviewed.' }));
  return call(f.t.app, f.as.prescriber, 'POST', url, { ...body, safetyAnswers }, headers);
}

async function startMedication(
  q: string,
  doseAmount: number,
  startDate = '2026-09-01',
): Promise<{ id: string; version: number }> {
  const res = await prescribe(`/api/patients/${patientId}/medications`, {
    id: uuid(),
    catalogueId: await catalogueId(q),
    form: 'tablet',
    route: 'oral',
    instructions: '',
    startDate,
    endDate: null,
    doseAmount,
    doseUnit: 'mg',
    schedule: { kind: 'times', times: ['08:00', '20:00'], weekdays: null },
    reason: 'Agreed in the plan.',
    steps: [],
  });
  expect(res.statusCode).toBe(201);
  const m = res.json<MedicationDetail>().medication;
  return { id: m.id, version: m.version };
}

const record = (test: string, value: string, unit: string, medicationId: string | null, extra = {}) =>
  call(f.t.app, f.as.prescriber, 'POST', `${monUrl}/results`, {
    id: uuid(),
    test,
    value,
    unit,
    takenOn: '2026-11-02',
    medicationId,
    ...extra,
  });

async function alertsOf(resultId: string) {
  await deliverPendingEvents(f.t.deps);
  const alerts = await f.t.deps.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('type', '=', 'lab_result_flagged')
    .where('subject_id', '=', resultId)
    .execute();
  const recipients = await f.t.deps.database.db
    .selectFrom('alert_recipients')
    .select(['user_id'])
    .where('alert_id', 'in', alerts.map((a) => a.id).concat(['none']))
    .execute();
  return { alerts, recipients: new Set(recipients.map((r) => r.user_id)) };
}

beforeAll(async () => {
  f = await messagingFixture();
  patientId = f.patient.overview.id;
  monUrl = `/api/patients/${patientId}/medication-monitoring`;
  // Started 3 Sep: the regular weekly ANC after 2 Nov falls on 5 Nov, so a due date of 3 or 4 Nov comes from
  // the label's follow-up, not from the schedule.
  meds.clozapine = (await startMedication('clozapine', 100, '2026-09-03')).id;
  meds.divalproex = (await startMedication('divalproex', 500)).id;
});
afterAll(() => f.t.close());

describe('clozapine ANC', () => {
  it('ANC 400/uL: critical, stored with its interpretation, urgent alert to the prescriber and the team, next ANC tomorrow', async () => {
    const res = await record('anc', '400', 'cells/uL', meds.clozapine ?? null);
    expect(res.statusCode).toBe(201);
    const { result, view } = res.json<{ result: MonitoringResult; view: MonitoringView }>();
    expect(result.interpretation).toMatchObject({
      tier: 'critical',
      rangeId: 'anc_general',
      interrupt: true,
      followUpDays: 1,
      source: expect.stringContaining('Clozapine label') as string,
    });
    const stored = await f.t.deps.database.db
      .selectFrom('monitoring_results')
      .select(['tier', 'interpretation'])
      .where('id', '=', result.id)
      .executeTakeFirstOrThrow();
    expect(stored.tier).toBe('critical');
    expect(stored.interpretation).toContain('Severe neutropenia');
    const anc = view.items.find((i) => i.code === 'anc');
    expect(anc).toMatchObject({ dueOn: '2026-11-03', status: 'due_soon' });
    expect(anc?.reason).toContain('daily ANC');
    expect(anc?.unitChoices).toContain('x10^9/L');

    const { alerts, recipients } = await alertsOf(result.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'urgent' });
    expect(alerts[0]?.details).toContain('Next test due 2026-11-03');
    expect(recipients).toEqual(new Set([f.prescriber.id, f.therapist.id, f.careManager.id]));
    // The prescriber's inbox has it.
    const inbox = await call(f.t.app, f.as.prescriber, 'GET', '/api/inbox');
    expect(inbox.statusCode).toBe(200);
    expect(JSON.stringify(inbox.json())).toContain('Critical: ');
  });

  it('ANC 0.8 x10^9/L (= 800/uL): moderate, high alert to the prescriber only, daily ANC', async () => {
    const res = await record('anc', '0.8', 'x10^9/L', meds.clozapine ?? null);
    expect(res.statusCode).toBe(201);
    const { result } = res.json<{ result: MonitoringResult }>();
    expect(result.interpretation).toMatchObject({ tier: 'high', canonicalValue: 800, followUpDays: 1 });
    const { alerts, recipients } = await alertsOf(result.id);
    expect(alerts.map((a) => a.severity)).toEqual(['high']);
    expect(recipients).toEqual(new Set([f.prescriber.id]));
  });

  it('benign ethnic neutropenia (stored on the clozapine record, If-Match): ANC 800 → 3 times weekly, no high alert', async () => {
    const url = `/api/patients/${patientId}/medications/${meds.clozapine ?? ''}/lab-profile`;
    expect(
      (await call(f.t.app, f.as.prescriber, 'PUT', url, { benignEthnicNeutropenia: true })).statusCode,
    ).toBe(428);
    expect(
      (
        await call(
          f.t.app,
          f.as.therapist,
          'PUT',
          url,
          { benignEthnicNeutropenia: true },
          { 'if-match': '"0"' },
        )
      ).statusCode,
    ).toBe(403);
    const set = await call(
      f.t.app,
      f.as.prescriber,
      'PUT',
      url,
      { benignEthnicNeutropenia: true },
      { 'if-match': '"0"' },
    );
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ benignEthnicNeutropenia: true, version: 1 });
    expect(
      (
        await call(
          f.t.app,
          f.as.prescriber,
          'PUT',
          url,
          { benignEthnicNeutropenia: false },
          { 'if-match': '"0"' },
        )
      ).statusCode,
    ).toBe(412);

    // A later result of the same day (a minute on): the latest result sets the next due date.
    await f.setClock(f.t.clock.now() + 60_000);
    const res = await record('anc', '800', 'cells/uL', meds.clozapine ?? null);
    const { result, view } = res.json<{ result: MonitoringResult; view: MonitoringView }>();
    expect(result.interpretation).toMatchObject({ rangeId: 'anc_ben', tier: 'abnormal', followUpDays: 2 });
    expect(view.items.find((i) => i.code === 'anc')?.dueOn).toBe('2026-11-04');
    expect(view.labProfiles).toEqual([
      { medicationId: meds.clozapine, benignEthnicNeutropenia: true, version: 1 },
    ]);
    const { alerts } = await alertsOf(result.id);
    expect(alerts.map((a) => a.severity)).toEqual(['routine']);
  });
});

describe('lithium', () => {
  let lithium: { id: string; version: number };
  beforeAll(async () => {
    lithium = await startMedication('lithium', 300);
  });

  it('a dose change schedules a level 5-7 days later with "12 hours after the last dose"', async () => {
    const covered = await call(f.t.app, f.as.prescriber, 'POST', `${monUrl}/results`, {
      id: uuid(),
      test: 'lithium_level',
      value: '0.7',
      unit: 'mmol/L',
      takenOn: '2026-10-28',
      medicationId: lithium.id,
    });
    expect(covered.statusCode).toBe(201);
    const before = covered
      .json<{ view: MonitoringView }>()
      .view.items.find((i) => i.code === 'lithium_level');
    expect(before).toMatchObject({ dueOn: '2026-12-29', reason: null });
    expect(before?.instruction).toContain('12 hours after the last lithium dose');

    const change = await prescribe(
      `/api/patients/${patientId}/medications/${lithium.id}/changes`,
      {
        action: 'change_dose',
        effectiveOn: '2026-11-02',
        doseAmount: 450,
        doseUnit: 'mg',
        schedule: { kind: 'times', times: ['08:00', '20:00'], weekdays: null },
        reason: 'Level low-normal with ongoing symptoms.',
      },
      { 'if-match': `"${String(lithium.version)}"` },
    );
    expect(change.statusCode).toBe(200);
    const view = (await call(f.t.app, f.as.therapist, 'GET', monUrl)).json<MonitoringView>();
    const level = view.items.find((i) => i.code === 'lithium_level' && i.medicationId === lithium.id);
    expect(level).toMatchObject({ dueFrom: '2026-11-07', dueOn: '2026-11-09', status: 'due_soon' });
    expect(level?.reason).toContain('Lithium dose changed on 2026-11-02');
    expect(level?.instruction).toContain('12 hours');
  });

  it('lithium 2.4 mmol/L: urgent to the team, with emergency advice', async () => {
    const res = await record('lithium_level', '2.4', 'mmol/L', lithium.id);
    expect(res.statusCode).toBe(201);
    const { result } = res.json<{ result: MonitoringResult }>();
    expect(result.interpretation?.emergencyAdvice).toContain('emergency');
    const { alerts, recipients } = await alertsOf(result.id);
    expect(alerts.map((a) => a.severity)).toEqual(['urgent']);
    expect(alerts[0]?.details).toContain('emergency department');
    expect(recipients).toEqual(new Set([f.prescriber.id, f.therapist.id, f.careManager.id]));
  });

  it('lithium 1.3 mEq/L: high, to the prescriber today', async () => {
    const res = await record('lithium_level', '1.3', 'mEq/L', lithium.id);
    const { result } = res.json<{ result: MonitoringResult }>();
    expect(result.interpretation).toMatchObject({ tier: 'high', unit: 'mEq/L', canonicalValue: 1.3 });
    const { alerts, recipients } = await alertsOf(result.id);
    expect(alerts.map((a) => a.severity)).toEqual(['high']);
    expect(recipients).toEqual(new Set([f.prescriber.id]));
  });

  it('lithium 0.8: normal, no alert', async () => {
    const res = await record('lithium_level', '0.8', 'mmol/L', lithium.id);
    const { result } = res.json<{ result: MonitoringResult }>();
    expect(result.interpretation?.tier).toBe('normal');
    expect((await alertsOf(result.id)).alerts).toHaveLength(0);
  });

  it('impossible values are refused at the field and nothing is stored', async () => {
    const count = async () =>
      (
        await f.t.deps.database.db
          .selectFrom('monitoring_results')
          .select('id')
          .where('patient_id', '=', patientId)
          .execute()
      ).length;
    const n = await count();
    for (const [value, unit, path, message] of [
      ['-1', 'mmol/L', 'body.value', 'negative'],
      ['24', 'mmol/L', 'body.value', 'not a possible result'],
      ['0.8', 'mg', 'body.unit', 'Unknown unit'],
      ['1,2', 'mmol/L', 'body.value', 'point for decimals'],
    ] as const) {
      const res = await record('lithium_level', value, unit, lithium.id);
      expect(res.statusCode).toBe(400);
      const body = res.json<{ error: { code: string; details: { path: string; message: string }[] } }>();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details[0]?.path).toBe(path);
      expect(body.error.details[0]?.message).toContain(message);
    }
    expect(await count()).toBe(n);
  });
});

describe('valproate', () => {
  it('adds a serum level and platelets to ALT/AST', async () => {
    const view = (await call(f.t.app, f.as.prescriber, 'GET', monUrl)).json<MonitoringView>();
    const codes = view.items.filter((i) => i.medicationId === meds.divalproex).map((i) => i.code);
    expect(codes.sort()).toEqual(['ast', 'liver_function', 'platelets', 'valproate_level']);
  });

  it('ALT 900 U/L: urgent (above 3x the upper limit of normal)', async () => {
    const res = await record('liver_function', '900', 'U/L', meds.divalproex ?? null);
    const { result } = res.json<{ result: MonitoringResult }>();
    expect(result.interpretation).toMatchObject({ tier: 'critical', timesUpperLimit: 22.5 });
    const { alerts, recipients } = await alertsOf(result.id);
    expect(alerts.map((a) => a.severity)).toEqual(['urgent']);
    expect(recipients.has(f.therapist.id)).toBe(true);
  });

  it('AST 100 with the laboratory’s own upper limit 30 U/L: urgent', async () => {
    const res = await record('ast', '100', 'U/L', meds.divalproex ?? null, { upperLimitOfNormal: 30 });
    const { result } = res.json<{ result: MonitoringResult }>();
    expect(result.interpretation).toMatchObject({ tier: 'critical', upperLimitSource: 'Laboratory report' });
  });

  it('the clinic admin’s ALT upper limit applies when the report gives none (and the result says so)', async () => {
    const admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin');
    const asAdmin = await signIn(f.t.app, admin.email, PASSWORD);
    const set = await call(f.t.app, asAdmin, 'PUT', '/api/admin/settings', { labAltUpperLimit: 25 });
    expect(set.statusCode).toBe(200);
    const res = await record('liver_function', '80', 'U/L', meds.divalproex ?? null);
    const { result } = res.json<{ result: MonitoringResult }>();
    expect(result.interpretation).toMatchObject({
      tier: 'critical',
      upperLimitOfNormal: 25,
      upperLimitSource: 'Clinic setting',
    });
    expect(
      (await call(f.t.app, asAdmin, 'PUT', '/api/admin/settings', { labAltUpperLimit: 0 })).statusCode,
    ).toBe(400);
  });

  it('platelets 40,000/uL: urgent', async () => {
    const res = await record('platelets', '40,000', '/uL', meds.divalproex ?? null);
    expect(res.statusCode).toBe(201);
    const { result } = res.json<{ result: MonitoringResult }>();
    expect(result.interpretation).toMatchObject({ tier: 'critical', canonicalValue: 40000 });
    const { alerts } = await alertsOf(result.id);
    expect(alerts.map((a) => a.severity)).toEqual(['urgent']);
  });

  it('a retried result (same id) is not flagged twice', async () => {
    const body = {
      id: uuid(),
      test: 'valproate_level',
      value: '160',
      unit: 'ug/mL',
      takenOn: '2026-11-02',
      medicationId: meds.divalproex,
    };
    expect((await call(f.t.app, f.as.prescriber, 'POST', `${monUrl}/results`, body)).statusCode).toBe(201);
    expect((await call(f.t.app, f.as.prescriber, 'POST', `${monUrl}/results`, body)).statusCode).toBe(200);
    expect((await alertsOf(body.id)).alerts.map((a) => a.severity)).toEqual(['urgent']);
  });
});

describe('escalation', () => {
  it('a critical result’s urgent alert escalates like any urgent alert (here: to the on-call clinician)', async () => {
    const onCall = await buildUser(f.t.deps, f.therapist.clinicId, 'prescriber', 'Olga On-Call');
    await f.t.deps.database.db
      .updateTable('clinics')
      .set({
        settings: JSON.stringify({
          clinicOpenDays: [1, 2, 3, 4, 5, 6, 7],
          clinicOpensAt: '00:00',
          clinicClosesAt: '23:59',
          onCallUserId: onCall.id,
        }),
      })
      .where('id', '=', f.therapist.clinicId)
      .execute();
    const res = await record('anc', '300', 'cells/uL', meds.clozapine ?? null);
    const { result } = res.json<{ result: MonitoringResult }>();
    const { alerts } = await alertsOf(result.id);
    expect(alerts.map((a) => a.severity)).toEqual(['urgent']);
    f.t.clock.advance(5 * 3600_000);
    await escalateUnacknowledgedAlerts(f.t.deps);
    const after = await f.t.deps.database.db
      .selectFrom('alert_recipients')
      .select(['user_id', 'reason'])
      .where('alert_id', '=', alerts[0]?.id ?? '')
      .execute();
    expect(after.find((r) => r.user_id === onCall.id)?.reason).toBe('escalated');
  });
});

describe('a label follow-up that is missed', () => {
  it('the daily ANC after severe neutropenia, not done the next day, is reported overdue by the scheduled check', async () => {
    await f.setClock(f.t.clock.now() + 2 * 86_400_000);
    await checkMonitoringOverdue(f.t.deps);
    const events = await f.t.deps.database.db
      .selectFrom('outbox_events')
      .select(['payload'])
      .where('type', '=', 'medication.monitoring_overdue')
      .where('patient_id', '=', patientId)
      .execute();
    const anc = events
      .map((e) => JSON.parse(e.payload) as { test: string; dueOn: string; daysOverdue: number })
      .filter((p) => p.test === 'anc');
    expect(anc).toContainEqual(expect.objectContaining({ dueOn: '2026-11-03', daysOverdue: 1 }));
  });
});
