import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildPatient, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import type { ReportForm, SubmitReportResult } from '../../../shared/side-effects/schemas.js';
import { giveMedication } from './side-effects.test-kit.js';

/**
 * Issue 11 through the real routes: the urgent symptoms of medication-safety.md section 4 decide the
 * report's urgency, the prescriber's alert and the patient's advice, for catalogue and free-text entries
 * alike. TEST_NOW is 2026-11-02; every medication here started long before (not early in treatment).
 */
let t: TestContext;
let therapist: BuiltUser;
let prescriber: BuiltUser;
let careManager: BuiltUser;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinic, 'therapist', 'Tess Therapist');
  prescriber = await buildUser(t.deps, clinic, 'prescriber', 'Pete Prescriber');
  careManager = await buildUser(t.deps, clinic, 'care_manager', 'Cam Manager');
});
afterAll(() => t.close());

/** A patient (born 1990) on one medication, signed in. */
async function patientOn(name: string, catalogueName?: string) {
  const patient = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
    { user: careManager, role: 'care_manager' },
  ]);
  const { medicationId } = await giveMedication(t.deps, patient, prescriber, {
    name,
    ...(catalogueName ? { catalogueName } : {}),
    startDate: '2026-06-01',
    steps: [{ from: '2026-06-01', doseAmount: 100 }],
  });
  const session: Session = await signIn(t.app, patient.user.email, PASSWORD);
  return { patientId: patient.overview.id, medicationId, session };
}

async function report(
  p: Awaited<ReturnType<typeof patientOn>>,
  symptoms: string[],
  severity: 'mild' | 'moderate' | 'severe' = 'moderate',
) {
  const res = await call(t.app, p.session, 'POST', `/api/patients/${p.patientId}/side-effects`, {
    id: randomUUID(),
    medicationId: p.medicationId,
    symptoms,
    otherText: '',
    severity,
    interference: 2,
    wantsToStop: false,
  });
  expect(res.statusCode).toBe(201);
  return res.json<SubmitReportResult>();
}

async function alertsOf(patientId: string) {
  await deliverPendingEvents(t.deps);
  return t.deps.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('patient_id', '=', patientId)
    .orderBy('type')
    .execute();
}

describe('urgent symptoms through the side-effect routes (medication-safety.md section 4)', () => {
  it('lamotrigine + rash → URGENT, "do not take your next dose … contact your prescriber today", never "do not stop suddenly"', async () => {
    const p = await patientOn('Lamotrigine', 'lamotrigine');
    const form = await call(t.app, p.session, 'GET', `/api/patients/${p.patientId}/side-effects/form`);
    expect(form.json<ReportForm>().medications[0]?.urgentSymptoms).toContain('rash');

    const result = await report(p, ['rash'], 'mild');
    expect(result.report.urgent).toBe(true);
    expect(result.advice.items.map((i) => i.text)).toEqual([
      'Do not take your next dose of Lamotrigine and contact your prescriber today.',
    ]);
    expect(result.advice.doNotStopSuddenly).toBe(false);
    const [alert] = await alertsOf(p.patientId);
    expect(alert).toMatchObject({ severity: 'urgent', type: 'side_effect_report' });
    expect(alert?.title).toContain('Lamotrigine');
    expect(alert?.details).toContain('Urgent for Lamotrigine: rash or skin changes');
  });

  it('lamotrigine + rash with blisters → the emergency first, the stop advice beside it', async () => {
    const p = await patientOn('Lamictal'); // free text, a brand name
    const result = await report(p, ['rash', 'blisters']);
    expect(result.advice.items.map((i) => i.kind)).toEqual(['emergency', 'stop_and_call_today']);
    expect(result.advice.resourcesFor).toBe('physical_emergency');
    expect(result.advice.items[1]?.text).toBe(
      'Do not take your next dose of Lamictal and contact your prescriber today.',
    );
  });

  it('clozapine + fever and sore throat (moderate) → URGENT naming clozapine', async () => {
    const p = await patientOn('Clozapine', 'clozapine');
    const result = await report(p, ['fever_sore_throat'], 'moderate');
    expect(result.report.urgent).toBe(true);
    expect(result.report.urgentSymptoms).toEqual(['fever_sore_throat']);
    expect(result.advice.items.map((i) => [i.kind, i.medicationName])).toEqual([
      ['call_prescriber_today', 'Clozapine'],
    ]);
    const [alert] = await alertsOf(p.patientId);
    expect(alert?.severity).toBe('urgent');
    expect(alert?.details).toContain('Urgent for Clozapine: fever, sore throat or a flu-like illness');
  });

  it.each([
    ['catalogue lithium', 'Lithium', 'lithium'],
    ['free-text lithium', 'Lithium carbonate ER', undefined],
  ])('%s + tremor → URGENT, the same as the other entry', async (_n, name, catalogueName) => {
    const p = await patientOn(name, catalogueName);
    for (const symptom of ['tremor', 'coarse_shaking']) {
      const result = await report(p, [symptom], 'mild');
      expect(result.report.urgent).toBe(true);
      expect(result.advice.items.map((i) => i.kind)).toEqual(['call_prescriber_today']);
    }
    const alerts = await alertsOf(p.patientId);
    expect(alerts.map((a) => a.severity)).toEqual(['urgent', 'urgent']);
  });

  it('benzodiazepine + very sleepy / slow breathing → the emergency first', async () => {
    const p = await patientOn('Clonazepam', 'clonazepam');
    const result = await report(p, ['very_sleepy_slow_breathing', 'nausea'], 'moderate');
    expect(result.advice.items[0]).toMatchObject({
      kind: 'emergency',
      medicationName: 'Clonazepam',
      text: 'Call your emergency number now, or go to the nearest emergency department.',
    });
    expect(result.advice.resourcesFor).toBe('physical_emergency');
    expect(result.advice.doNotStopSuddenly).toBe(false);
    expect((await alertsOf(p.patientId))[0]?.severity).toBe('urgent');
  });

  it('quetiapine + thirst → HIGH (not urgent) to the prescriber', async () => {
    const p = await patientOn('Quetiapine', 'quetiapine');
    const result = await report(p, ['thirst_urination'], 'mild');
    expect(result.report.urgent).toBe(false);
    expect(result.advice.alert).toBe('high');
    expect((await alertsOf(p.patientId))[0]?.severity).toBe('high');
  });

  it('suicidal thoughts on an antidepressant at 21 → crisis line first, and the self-harm alert to the whole team', async () => {
    const p = await patientOn('Sertraline', 'sertraline');
    await t.deps.database.db
      .updateTable('patients')
      .set({ birth_date: '2005-03-01' })
      .where('id', '=', p.patientId)
      .execute();
    const result = await report(p, ['suicidal_thoughts', 'agitation'], 'moderate');
    expect(result.advice.items.map((i) => i.kind)).toEqual(['crisis_line', 'call_prescriber_today']);
    expect(result.advice.resourcesFor).toBe('self_harm');
    const alerts = await alertsOf(p.patientId);
    expect(alerts.map((a) => [a.type, a.severity])).toEqual([
      ['self_harm_answer', 'urgent'],
      ['side_effect_report', 'urgent'],
    ]);
    const recipients = await t.deps.database.db
      .selectFrom('alert_recipients')
      .select('user_id')
      .where('alert_id', '=', alerts[0]?.id ?? '')
      .execute();
    expect(recipients.map((r) => r.user_id).sort()).toEqual(
      [therapist.id, prescriber.id, careManager.id].sort(),
    );
  });
});
