import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../../testing/test-app.js';
import { buildUser, PASSWORD } from '../../testing/factories.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import type {
  CatalogueEntry,
  MedicationDetail,
  MedicationList,
  MonitoringView,
} from '../../../shared/medications/schemas.js';
import { expandScheduledDoses } from '../../../shared/medications/schedule.js';
import { loadRegimens } from './regimens.repository.js';
import { checkMonitoringOverdue } from './monitoring-overdue.check.js';

let f: MessagingFixture;
let base: string;
let sertralineId: string;
let quetiapineId: string;

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/medications`;
  const res = await call(f.t.app, f.as.prescriber, 'GET', '/api/medication-catalogue?q=sertra');
  sertralineId = res.json<{ entries: CatalogueEntry[] }>().entries[0]?.id ?? '';
  const q = await call(f.t.app, f.as.prescriber, 'GET', '/api/medication-catalogue?q=quetiapine');
  quetiapineId = q.json<{ entries: CatalogueEntry[] }>().entries[0]?.id ?? '';
});
afterAll(() => f.t.close());

// TEST_NOW is 2 Nov 2026 15:00 UTC: 09:00 in America/Chicago (the fixture patient's zone).
const start = (over: Record<string, unknown> = {}) => ({
  id: uuid(),
  catalogueId: sertralineId,
  form: 'tablet',
  route: 'oral',
  instructions: 'Take with breakfast.',
  startDate: '2026-11-02',
  endDate: null,
  doseAmount: 50,
  doseUnit: 'mg',
  schedule: { kind: 'times', times: ['08:00'], weekdays: null },
  reason: 'Moderate depression (PHQ-9 16); agreed in the plan.',
  steps: [{ from: '2026-11-16', doseAmount: 100, doseUnit: 'mg' }],
  ...over,
});

describe('the catalogue', () => {
  it('is seeded per clinic from medications.csv with the RxNorm source and an unverified flag', async () => {
    const res = await call(f.t.app, f.as.prescriber, 'GET', '/api/medication-catalogue');
    expect(res.statusCode).toBe(200);
    const entries = res.json<{ entries: CatalogueEntry[] }>().entries;
    expect(entries.length).toBe(33);
    const lamotrigine = entries.find((e) => e.genericName === 'lamotrigine');
    expect(lamotrigine).toMatchObject({
      rxnormCode: '28439',
      rxnormVerified: true,
      urgentSymptoms: ['rash'],
    });
    expect(entries.find((e) => e.genericName === 'lithium')).toMatchObject({
      rxnormSource: 'unverified',
      rxnormVerified: false,
      monitoringPrograms: ['lithium'],
    });
  });

  it('the admin adds and edits entries (If-Match); clinicians cannot; patients get 403', async () => {
    const admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin');
    const as = await signIn(f.t.app, admin.email, PASSWORD);
    const body = {
      genericName: 'Zuranolone',
      drugClass: 'neuroactive steroid',
      drugGroup: 'antidepressant',
      rxnormCode: null,
      rxnormSource: '',
      rxnormVerified: true,
      monitoring: '',
      notes: '14-day course',
      urgentSymptoms: [],
      guideClass: 'antidepressant',
      monitoringPrograms: [],
      active: true,
    };
    const added = await call(f.t.app, as, 'POST', '/api/admin/medication-catalogue', body);
    expect(added.statusCode).toBe(201);
    const entry = added.json<CatalogueEntry>();
    // No code, no source: never shown as verified.
    expect(entry).toMatchObject({
      genericName: 'zuranolone',
      rxnormVerified: false,
      rxnormSource: 'unverified',
    });
    const dup = await call(f.t.app, as, 'POST', '/api/admin/medication-catalogue', body);
    expect(dup.statusCode).toBe(409);
    const url = `/api/admin/medication-catalogue/${entry.id}`;
    expect((await call(f.t.app, as, 'PUT', url, { ...body, active: false })).statusCode).toBe(428);
    const edited = await call(f.t.app, as, 'PUT', url, { ...body, active: false }, { 'if-match': '"1"' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<CatalogueEntry>()).toMatchObject({ active: false, version: 2 });
    const stale = await call(f.t.app, as, 'PUT', url, body, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(
      (await call(f.t.app, f.as.prescriber, 'POST', '/api/admin/medication-catalogue', body)).statusCode,
    ).toBe(403);
    expect((await call(f.t.app, f.as.patient, 'GET', '/api/medication-catalogue')).statusCode).toBe(403);
    // Inactive entries leave the prescriber's search.
    const search = await call(f.t.app, f.as.prescriber, 'GET', '/api/medication-catalogue?q=zuranolone');
    expect(search.json<{ entries: CatalogueEntry[] }>().entries).toHaveLength(0);
  });
});

describe('starting and changing a medication', () => {
  let medId: string;
  let version: number;

  it('the prescriber on the team starts sertraline 50 mg with a step to 100 mg; a retry creates nothing twice', async () => {
    const body = start();
    const res = await call(f.t.app, f.as.prescriber, 'POST', base, body);
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const detail = res.json<MedicationDetail>();
    medId = detail.medication.id;
    version = detail.medication.version;
    expect(detail.medication).toMatchObject({
      name: 'Sertraline',
      drugClass: 'SSRI',
      status: 'active',
      current: { doseAmount: 50, doseUnit: 'mg', from: '2026-11-02' },
      upcoming: [{ from: '2026-11-16', doseAmount: 100, schedule: { kind: 'times', times: ['08:00'] } }],
      prescribedBy: { name: 'Pete Prescriber' },
    });
    expect(detail.changes).toHaveLength(1);
    expect(detail.changes[0]).toMatchObject({ kind: 'started', reason: body.reason });
    const retry = await call(f.t.app, f.as.prescriber, 'POST', base, body);
    expect(retry.statusCode).toBe(200);
    const rows = await f.t.deps.database.db
      .selectFrom('medications')
      .select('id')
      .where('id', '=', body.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('titration steps drive the expanded schedule (loadRegimens)', async () => {
    const regimens = await loadRegimens(f.t.deps.database.db, f.therapist.clinicId, [f.patient.overview.id]);
    const regimen = regimens.get(f.patient.overview.id)?.find((r) => r.medicationId === medId);
    expect(regimen).toBeDefined();
    if (!regimen) return;
    const doses = expandScheduledDoses(regimen, '2026-11-14', '2026-11-17', 'America/Chicago');
    expect(doses.map((d) => [d.localDate, d.doseAmount])).toEqual([
      ['2026-11-14', 50],
      ['2026-11-15', 50],
      ['2026-11-16', 100],
      ['2026-11-17', 100],
    ]);
    // 08:00 Chicago (CST, UTC-6) = 14:00 UTC.
    expect(new Date(doses[0]?.dueAt ?? 0).toISOString()).toBe('2026-11-14T14:00:00.000Z');
  });

  it('a therapist or care manager on the team gets 403 prescriber_only; a prescriber not on the team 404', async () => {
    const asTherapist = await call(f.t.app, f.as.therapist, 'POST', base, start());
    expect(asTherapist.statusCode).toBe(403);
    expect(asTherapist.json<{ error: { code: string; details: unknown } }>().error).toMatchObject({
      code: 'forbidden',
      details: { reason: 'prescriber_only' },
    });
    const change = { action: 'pause', effectiveOn: '2026-11-03', reason: 'Nausea' };
    const asCm = await call(f.t.app, f.as.careManager, 'POST', `${base}/${medId}/changes`, change, {
      'if-match': `"${String(version)}"`,
    });
    expect(asCm.statusCode).toBe(403);
    const stranger = await buildUser(f.t.deps, f.therapist.clinicId, 'prescriber');
    const asStranger = await signIn(f.t.app, stranger.email, PASSWORD);
    expect((await call(f.t.app, asStranger, 'POST', base, start())).statusCode).toBe(404);
    expect((await call(f.t.app, asStranger, 'GET', base)).statusCode).toBe(404);
    // Nothing was written by the refused attempts.
    const count = await f.t.deps.database.db
      .selectFrom('medications')
      .select('id')
      .where('patient_id', '=', f.patient.overview.id)
      .execute();
    expect(count).toHaveLength(1);
  });

  it('the patient reads their own medications with upcoming steps; another patient gets 404', async () => {
    const own = await call(f.t.app, f.as.patient, 'GET', base);
    expect(own.statusCode).toBe(200);
    const list = own.json<MedicationList>();
    expect(list).toMatchObject({ today: '2026-11-02', timeZone: 'America/Chicago' });
    expect(list.medications[0]?.upcoming[0]).toMatchObject({ from: '2026-11-16', doseAmount: 100 });
    expect((await call(f.t.app, f.as.otherPatient, 'GET', base)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.otherPatient, 'GET', `${base}/${medId}`)).statusCode).toBe(404);
    // The other patient's own list does not show this medication.
    const theirs = await call(
      f.t.app,
      f.as.otherPatient,
      'GET',
      `/api/patients/${f.otherPatient.overview.id}/medications`,
    );
    expect(theirs.json<MedicationList>().medications).toHaveLength(0);
  });

  it('changes need If-Match and a reason; a stale version gets 412; history keeps every change', async () => {
    const url = `${base}/${medId}/changes`;
    const body = {
      action: 'change_dose',
      effectiveOn: '2026-11-09',
      doseAmount: 75,
      doseUnit: 'mg',
      schedule: { kind: 'times', times: ['08:00'], weekdays: null },
      reason: 'Nausea at 50 mg settling; step up more slowly.',
      sideEffectReportId: 'report-123',
    };
    expect((await call(f.t.app, f.as.prescriber, 'POST', url, body)).statusCode).toBe(428);
    expect(
      (await call(f.t.app, f.as.prescriber, 'POST', url, { ...body, reason: '' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(400);
    const ok = await call(f.t.app, f.as.prescriber, 'POST', url, body, {
      'if-match': `"${String(version)}"`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const detail = ok.json<MedicationDetail>();
    // The change replaces the plan from its day on: the 100 mg step is gone, 75 mg from the 9th.
    expect(detail.medication.upcoming.map((p) => [p.from, p.doseAmount])).toEqual([['2026-11-09', 75]]);
    expect(detail.changes.map((c) => c.kind)).toEqual(['dose_changed', 'started']);
    expect(detail.changes[0]).toMatchObject({ sideEffectReportId: 'report-123', effectiveOn: '2026-11-09' });
    // Changing from the start day compares with the start dose, not a later planned step.
    expect(detail.changes[0]?.summary).toBe('50 mg 08:00 every day → 75 mg 08:00 every day from 2026-11-09');
    const stale = await call(f.t.app, f.as.prescriber, 'POST', url, body, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);

    const steps = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      url,
      {
        action: 'plan_steps',
        steps: [
          { from: '2026-11-23', doseAmount: 100, doseUnit: 'mg' },
          { from: '2026-12-07', doseAmount: 150, doseUnit: 'mg' },
        ],
        reason: 'Titrate to target',
      },
      { 'if-match': '"2"' },
    );
    expect(steps.statusCode).toBe(200);
    expect(steps.json<MedicationDetail>().medication.upcoming.map((p) => p.doseAmount)).toEqual([
      75, 100, 150,
    ]);

    const pause = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      url,
      { action: 'pause', effectiveOn: '2026-11-02', reason: 'Rash to check' },
      { 'if-match': '"3"' },
    );
    expect(pause.statusCode).toBe(200);
    expect(pause.json<MedicationDetail>().medication.status).toBe('paused');
    const resume = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      url,
      { action: 'resume', effectiveOn: '2026-11-04', reason: 'Not a rash' },
      { 'if-match': '"4"' },
    );
    expect(resume.statusCode).toBe(200);
    const resumed = resume.json<MedicationDetail>().medication;
    expect(resumed.periods.map((p) => [p.from, p.paused, p.doseAmount])).toEqual([
      ['2026-11-02', true, 50],
      ['2026-11-04', false, 50],
    ]);
    const stop = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      url,
      { action: 'stop', lastDay: '2026-11-10', reason: 'Switching' },
      { 'if-match': '"5"' },
    );
    expect(stop.statusCode).toBe(200);
    const stopped = stop.json<MedicationDetail>();
    expect(stopped.medication).toMatchObject({ endDate: '2026-11-10' });
    expect(stopped.changes.map((c) => c.kind)).toEqual([
      'stopped',
      'resumed',
      'paused',
      'titration_planned',
      'dose_changed',
      'started',
    ]);
    expect(stopped.changes.every((c) => c.reason.length > 0)).toBe(true);
    const after = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      url,
      { action: 'resume', effectiveOn: '2026-11-11', reason: 'x' },
      { 'if-match': '"6"' },
    );
    expect(after.statusCode).toBe(409);
    // The therapist reads the full history.
    const read = await call(f.t.app, f.as.therapist, 'GET', `${base}/${medId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<MedicationDetail>().changes).toHaveLength(6);
  });

  it('a change from the start day replaces the whole plan and compares with the start dose', async () => {
    const res = await call(f.t.app, f.as.prescriber, 'POST', base, start());
    const med = res.json<MedicationDetail>().medication;
    const changed = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      `${base}/${med.id}/changes`,
      {
        action: 'change_dose',
        effectiveOn: med.startDate,
        doseAmount: 25,
        doseUnit: 'mg',
        schedule: { kind: 'times', times: ['08:00'], weekdays: null },
        reason: 'Start lower',
      },
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode).toBe(200);
    const detail = changed.json<MedicationDetail>();
    expect(detail.changes[0]?.summary).toBe('50 mg 08:00 every day → 25 mg 08:00 every day from 2026-11-02');
    expect(detail.medication.periods.map((p) => [p.from, p.doseAmount])).toEqual([['2026-11-02', 25]]);
    expect(detail.medication.upcoming).toEqual([]);
    await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      `${base}/${med.id}/changes`,
      { action: 'stop', lastDay: '2026-11-02', reason: 'Test over' },
      { 'if-match': '"2"' },
    );
  });

  it('records a medication not in the catalogue by name; reads and writes are audited', async () => {
    const res = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      base,
      start({ catalogueId: null, name: 'Agomelatine', steps: [] }),
    );
    // Issue 11: Duet does not know it, so the prescriber says whether it needs monitoring.
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('body.monitoringAnswer');
    const answered = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      base,
      start({
        catalogueId: null,
        name: 'Agomelatine',
        steps: [],
        monitoringAnswer: { needsMonitoring: true, note: 'liver function tests' },
      }),
    );
    expect(answered.statusCode).toBe(201);
    expect(answered.json<MedicationDetail>().medication).toMatchObject({
      name: 'Agomelatine',
      freeText: true,
      catalogueId: null,
      monitoringAnswer: { needsMonitoring: true, note: 'liver function tests' },
    });
    const noName = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      base,
      start({ catalogueId: null, steps: [] }),
    );
    expect(noName.statusCode).toBe(400);
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('patient_id', '=', f.patient.overview.id)
      .where('action', 'like', 'medication.%')
      .execute();
    const actions = audit.map((a) => `${a.action}:${a.outcome}`);
    expect(actions).toContain('medication.start:allowed');
    expect(actions).toContain('medication.list:allowed');
    expect(actions).toContain('medication.change_dose:allowed');
  });
});

describe('monitoring', () => {
  it('quetiapine: metabolic checks due from the start; overdue raises a prescriber alert once; a result clears it', async () => {
    const startBody = start({
      catalogueId: quetiapineId,
      startDate: '2026-09-01',
      steps: [],
      doseAmount: 100,
    });
    const res = await call(f.t.app, f.as.prescriber, 'POST', base, startBody);
    expect(res.statusCode).toBe(201);
    const medId = res.json<MedicationDetail>().medication.id;
    const monUrl = `/api/patients/${f.patient.overview.id}/medication-monitoring`;
    const view = (await call(f.t.app, f.as.therapist, 'GET', monUrl)).json<MonitoringView>();
    const weight = view.items.find((i) => i.code === 'weight' && i.medicationId === medId);
    // No baseline recorded: the baseline weight (1 Sep) is 62 days overdue on 2 Nov.
    expect(weight).toMatchObject({ status: 'overdue', dueOn: '2026-09-01', daysOverdue: 62 });
    expect(view.items.map((i) => i.code).sort()).toEqual([
      'blood_pressure',
      'fasting_glucose',
      'fasting_lipids',
      'weight',
    ]);

    await checkMonitoringOverdue(f.t.deps);
    await checkMonitoringOverdue(f.t.deps);
    await deliverPendingEvents(f.t.deps);
    const alerts = await f.t.deps.database.db
      .selectFrom('alerts')
      .selectAll()
      .where('patient_id', '=', f.patient.overview.id)
      .where('type', '=', 'medication_monitoring_overdue')
      .execute();
    // Four tests overdue by more than 14 days: four high alerts, each once however often the check runs.
    expect(alerts).toHaveLength(4);
    expect(alerts.every((a) => a.severity === 'high')).toBe(true);
    const recipients = await f.t.deps.database.db
      .selectFrom('alert_recipients')
      .select(['user_id'])
      .where(
        'alert_id',
        'in',
        alerts.map((a) => a.id),
      )
      .execute();
    expect(new Set(recipients.map((r) => r.user_id))).toEqual(new Set([f.prescriber.id]));

    // Only the prescriber records a result.
    const result = {
      id: uuid(),
      test: 'weight',
      value: '82.5',
      unit: 'kg',
      takenOn: '2026-11-02',
      medicationId: medId,
    };
    const resultsUrl = `${monUrl}/results`;
    expect((await call(f.t.app, f.as.therapist, 'POST', resultsUrl, result)).statusCode).toBe(403);
    const recorded = await call(f.t.app, f.as.prescriber, 'POST', resultsUrl, result);
    expect(recorded.statusCode).toBe(201);
    expect((await call(f.t.app, f.as.prescriber, 'POST', resultsUrl, result)).statusCode).toBe(200);
    const after = recorded.json<{ view: MonitoringView }>().view;
    // The late baseline covers everything due so far; week 12 (24 Nov) is next.
    expect(after.items.find((i) => i.code === 'weight')).toMatchObject({
      status: 'scheduled',
      dueOn: '2026-11-24',
    });
    expect((await call(f.t.app, f.as.patient, 'GET', monUrl)).statusCode).toBe(404);
  });

  it('routine when overdue by 14 days or less', async () => {
    const lithium = (
      await call(f.t.app, f.as.prescriber, 'GET', '/api/medication-catalogue?q=lithium')
    ).json<{
      entries: CatalogueEntry[];
    }>().entries[0];
    const res = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      `/api/patients/${f.patient.overview.id}/medications`,
      start({ catalogueId: lithium?.id, startDate: '2026-10-20', steps: [], doseAmount: 300 }),
    );
    expect(res.statusCode).toBe(201);
    const medId = res.json<MedicationDetail>().medication.id;
    await checkMonitoringOverdue(f.t.deps);
    const events = await f.t.deps.database.db
      .selectFrom('outbox_events')
      .select(['payload', 'dedupe_key'])
      .where('type', '=', 'medication.monitoring_overdue')
      .where('dedupe_key', 'like', `%${medId}%`)
      .execute();
    // Kidney, thyroid and calcium baseline (20 Oct) 13 days overdue; the first level (27 Oct) 6 days.
    const payloads = events.map(
      (e) => JSON.parse(e.payload) as { test: string; severity: string; daysOverdue: number },
    );
    expect(payloads.map((p) => [p.test, p.severity, p.daysOverdue]).sort()).toEqual([
      ['calcium', 'routine', 13],
      ['lithium_level', 'routine', 6],
      ['renal_function', 'routine', 13],
      ['thyroid_function', 'routine', 13],
    ]);
  });
});
