import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import type {
  ReportForm,
  SideEffectReport,
  SubmitReportResult,
} from '../../../shared/side-effects/schemas.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { giveMedication } from './side-effects.test-kit.js';

let f: MessagingFixture;
let base: string;
let sertraline: string;
let lamotrigine: string;
let othersMedication: string;

// TEST_NOW is 2026-11-02 15:00 UTC: 09:00 on 2 November in the patient's zone (America/Chicago).
beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/side-effects`;
  sertraline = (
    await giveMedication(f.t.deps, f.patient, f.prescriber, {
      name: 'Sertraline',
      catalogueName: 'sertraline',
      startDate: '2026-10-20',
      steps: [
        { from: '2026-10-20', doseAmount: 50 },
        { from: '2026-11-03', doseAmount: 100 },
      ],
    })
  ).medicationId;
  lamotrigine = (
    await giveMedication(f.t.deps, f.patient, f.prescriber, {
      name: 'Lamotrigine',
      catalogueName: 'lamotrigine',
      startDate: '2026-10-26',
      steps: [{ from: '2026-10-26', doseAmount: 25 }],
    })
  ).medicationId;
  othersMedication = (
    await giveMedication(f.t.deps, f.otherPatient, f.outsider, {
      name: 'Sertraline',
      startDate: '2026-10-01',
      steps: [{ from: '2026-10-01', doseAmount: 50 }],
    })
  ).medicationId;
});
afterAll(() => f.t.close());
// One minute between steps: reports and changes get distinct instants, in the order of the tests.
beforeEach(() => f.t.clock.set(f.t.clock.now() + 60_000));

const report = (over: Record<string, unknown> = {}) => ({
  id: uuid(),
  medicationId: sertraline,
  symptoms: ['nausea'],
  otherText: '',
  severity: 'moderate',
  interference: 2,
  wantsToStop: false,
  ...over,
});

async function alertFor(reportId: string) {
  await deliverPendingEvents(f.t.deps);
  const alerts = await f.t.deps.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('subject_id', '=', reportId)
    .where('type', '=', 'side_effect_report')
    .execute();
  expect(alerts).toHaveLength(1);
  const recipients = await f.t.deps.database.db
    .selectFrom('alert_recipients')
    .select('user_id')
    .where('alert_id', '=', alerts[0]!.id)
    .execute();
  return { alert: alerts[0]!, recipients: recipients.map((r) => r.user_id) };
}

async function submit(body: ReturnType<typeof report>) {
  const res = await call(f.t.app, f.as.patient, 'POST', base, body);
  expect(res.statusCode).toBe(201);
  return res.json<SubmitReportResult>();
}

describe('the report form', () => {
  it('lists the patient’s current medications with the dose in effect today', async () => {
    for (const who of [f.as.patient, f.as.therapist, f.as.careManager]) {
      const res = await call(f.t.app, who, 'GET', `${base}/form`);
      expect(res.statusCode).toBe(200);
      const meds = res.json<ReportForm>().medications;
      expect(meds).toMatchObject([
        { id: sertraline, name: 'Sertraline', doseAmount: 50, doseUnit: 'mg', guideKey: 'ssri' },
        { id: lamotrigine, name: 'Lamotrigine', doseAmount: 25, doseUnit: 'mg', guideKey: 'lamotrigine' },
      ]);
      // Each with its urgent symptoms (medication-safety.md section 4): sertraline started 13 days ago is
      // early in treatment, so agitation and suicidal thoughts are on its list.
      expect(meds[0]?.urgentSymptoms).toEqual(
        expect.arrayContaining(['suicidal_thoughts', 'agitation', 'shivering', 'muscle_twitching']),
      );
      expect(meds[1]?.urgentSymptoms).toEqual(['rash', 'blisters', 'mouth_sores', 'swollen_glands']);
    }
    const stranger = `/api/patients/${f.otherPatient.overview.id}/side-effects/form`;
    expect((await call(f.t.app, f.as.patient, 'GET', stranger)).statusCode).toBe(404);
  });
});

describe('reporting side effects', () => {
  it('moderate nausea: stored with today’s dose, a retry records nothing twice, ROUTINE to the prescriber', async () => {
    const body = report({ otherText: 'Mostly in the morning' });
    const first = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(first.statusCode).toBe(201);
    const result = first.json<SubmitReportResult>();
    expect(result.report).toMatchObject({
      id: body.id,
      medication: { id: sertraline, name: 'Sertraline', doseAmount: 50, doseUnit: 'mg', guideKey: 'ssri' },
      symptoms: ['nausea'],
      otherText: 'Mostly in the morning',
      severity: 'moderate',
      interference: 2,
      wantsToStop: false,
      urgent: false,
      state: 'open',
      reportedDay: '2026-11-02',
      answers: [],
    });
    expect(result.advice).toEqual({
      urgent: false,
      alert: 'routine',
      items: [],
      resourcesFor: null,
      doNotStopSuddenly: true,
      guideKey: 'ssri',
    });

    const retry = await call(f.t.app, f.as.patient, 'POST', base, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<SubmitReportResult>().report.id).toBe(body.id);
    const db = f.t.deps.database.db;
    expect(
      await db.selectFrom('side_effect_reports').select('id').where('id', '=', body.id).execute(),
    ).toHaveLength(1);
    const events = await db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'side_effect.reported')
      .execute();
    expect(events.filter((e) => e.payload.includes(body.id))).toHaveLength(1);

    const { alert, recipients } = await alertFor(body.id);
    expect(alert).toMatchObject({ severity: 'routine', state: 'open', title: 'Side-effect report' });
    expect(alert.details).toContain('Sertraline 50 mg');
    expect(recipients).toEqual([f.prescriber.id]);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_id', '=', body.id)
      .where('action', '=', 'side_effect.report')
      .execute();
    expect(audit.length).toBe(2);
  });

  it('severe → URGENT to the prescriber, and the patient is shown who to call', async () => {
    const result = await submit(report({ severity: 'severe', interference: 6 }));
    expect(result.report.urgent).toBe(true);
    expect(result.advice.urgent).toBe(true);
    expect(result.advice.resourcesFor).toBe('physical_emergency');
    const { alert, recipients } = await alertFor(result.report.id);
    expect(alert.severity).toBe('urgent');
    expect(alert.title).toContain('severe');
    expect(recipients).toEqual([f.prescriber.id]);
  });

  it('"I want to stop or change this medication" → URGENT, even when mild', async () => {
    const result = await submit(
      report({ severity: 'mild', wantsToStop: true, symptoms: ['sexual_problems'] }),
    );
    const { alert } = await alertFor(result.report.id);
    expect(alert.severity).toBe('urgent');
    expect(alert.title).toContain('wants to stop');
  });

  it('any rash while on lamotrigine → URGENT with "do not take your next dose", whichever medication is suspected', async () => {
    const lamo = await submit(
      report({ medicationId: lamotrigine, severity: 'mild', interference: 0, symptoms: ['rash'] }),
    );
    expect(lamo.report.urgentSymptoms).toEqual(['rash']);
    expect(lamo.report.medication).toMatchObject({ doseAmount: 25, guideKey: 'lamotrigine' });
    expect((await alertFor(lamo.report.id)).alert).toMatchObject({ severity: 'urgent' });
    expect((await alertFor(lamo.report.id)).alert.title).toContain('urgent symptom');

    expect(lamo.advice.items.map((i) => i.text)).toEqual([
      'Do not take your next dose of Lamotrigine and contact your prescriber today.',
    ]);
    expect(lamo.advice.doNotStopSuddenly).toBe(false);

    // The patient also takes lamotrigine: a rash they put down to sertraline is still a lamotrigine rash.
    const sert = await submit(report({ severity: 'mild', symptoms: ['rash'] }));
    expect(sert.report.urgentSymptoms).toEqual(['rash']);
    expect(sert.advice.items.map((i) => [i.kind, i.medicationName])).toEqual([
      ['stop_and_call_today', 'Lamotrigine'],
    ]);
    expect((await alertFor(sert.report.id)).alert.severity).toBe('urgent');
  });

  it('"not sure" which medication → routine, no dose stored', async () => {
    const result = await submit(report({ medicationId: null, symptoms: [], otherText: 'Tired all day' }));
    expect(result.report.medication).toBeNull();
    expect(result.advice.doNotStopSuddenly).toBe(true);
    expect((await alertFor(result.report.id)).alert.severity).toBe('routine');
  });

  it('refuses what is not the patient’s to report', async () => {
    // another patient's medication, and an empty report
    expect(
      (await call(f.t.app, f.as.patient, 'POST', base, report({ medicationId: othersMedication })))
        .statusCode,
    ).toBe(400);
    expect(
      (await call(f.t.app, f.as.patient, 'POST', base, report({ symptoms: [], otherText: '' }))).statusCode,
    ).toBe(400);
    expect((await call(f.t.app, f.as.patient, 'POST', base, report({ interference: 7 }))).statusCode).toBe(
      400,
    );
    // clinicians do not report for the patient
    const byTherapist = await call(f.t.app, f.as.therapist, 'POST', base, report());
    expect(byTherapist.statusCode).toBe(403);
    expect(byTherapist.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    // strangers and other patients: 404
    expect((await call(f.t.app, f.as.outsider, 'POST', base, report())).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.otherPatient, 'POST', base, report())).statusCode).toBe(404);
    // an id another patient used
    const used = report();
    await submit(used);
    const other = `/api/patients/${f.otherPatient.overview.id}/side-effects`;
    const clash = await call(f.t.app, f.as.otherPatient, 'POST', other, {
      ...used,
      medicationId: othersMedication,
    });
    expect(clash.statusCode).toBe(409);
  });
});

describe('answering a report', () => {
  let reportId = '';
  const answers = (id = reportId) => `${base}/${id}/answers`;

  beforeAll(async () => {
    reportId = (await submit(report({ severity: 'severe' }))).report.id;
    await deliverPendingEvents(f.t.deps);
  });

  it('only the prescriber on the team answers: therapist and care manager 403, strangers 404', async () => {
    const body = { id: uuid(), kind: 'advice', note: 'Keep going' };
    expect((await call(f.t.app, f.as.therapist, 'POST', answers(), body)).statusCode).toBe(403);
    expect((await call(f.t.app, f.as.careManager, 'POST', answers(), body)).statusCode).toBe(403);
    expect((await call(f.t.app, f.as.outsider, 'POST', answers(), body)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.patient, 'POST', answers(), body)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.prescriber, 'POST', answers(uuid()), body)).statusCode).toBe(404);
  });

  it('a message to the patient: sent in a new conversation, recorded on the report, resolves the alert; retry-safe', async () => {
    const body = { id: uuid(), kind: 'message', note: 'Take it with food for now; we will talk on Friday.' };
    const res = await call(f.t.app, f.as.prescriber, 'POST', answers(), body);
    expect(res.statusCode).toBe(201);
    const answered = res.json<SideEffectReport>();
    expect(answered.state).toBe('answered');
    expect(answered.answers).toHaveLength(1);
    expect(answered.answers[0]).toMatchObject({
      kind: 'message',
      byUserId: f.prescriber.id,
      byName: 'Pete Prescriber',
    });
    const conversationId = answered.answers[0]!.conversationId;
    expect(conversationId).toBeTruthy();

    const retry = await call(f.t.app, f.as.prescriber, 'POST', answers(), body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<SideEffectReport>().answers).toHaveLength(1);

    // The patient reads the message in their conversations.
    const convo = await call(
      f.t.app,
      f.as.patient,
      'GET',
      `/api/patients/${f.patient.overview.id}/conversations/${String(conversationId)}`,
    );
    expect(convo.statusCode).toBe(200);
    expect(convo.body).toContain('Take it with food for now');
    const messages = await f.t.deps.database.db
      .selectFrom('messages')
      .select('id')
      .where('conversation_id', '=', String(conversationId))
      .execute();
    expect(messages).toHaveLength(1);

    const alert = await f.t.deps.database.db
      .selectFrom('alerts')
      .selectAll()
      .where('subject_id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(alert).toMatchObject({ state: 'resolved', resolved_by: f.prescriber.id });
    expect(alert.resolution_note).toContain('message');
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_role', 'outcome'])
      .where('resource_id', '=', reportId)
      .where('action', '=', 'side_effect.answer')
      .execute();
    expect(audit).toContainEqual({
      action: 'side_effect.answer',
      actor_role: 'prescriber',
      outcome: 'allowed',
    });
  });

  it('a dose change from the medication’s history: linked both ways, offered only while open', async () => {
    const open = (await submit(report({ symptoms: ['trouble_sleeping'] }))).report.id;
    f.t.clock.set(f.t.clock.now() + 60_000);
    await f.t.deps.database.db
      .insertInto('medication_changes')
      .values({
        id: 'change-after-report',
        clinic_id: f.prescriber.clinicId,
        patient_id: f.patient.overview.id,
        medication_id: sertraline,
        kind: 'dose_changed',
        summary: '50 mg → 25 mg from 2026-11-03',
        reason: 'Trouble sleeping',
        effective_on: '2026-11-03',
        changed_by: f.prescriber.id,
        changed_at: f.t.clock.now(),
        side_effect_report_id: null,
      })
      .execute();
    const list = await call(f.t.app, f.as.prescriber, 'GET', base);
    const mine = list.json<{ reports: SideEffectReport[] }>().reports.find((r) => r.id === open);
    expect(mine?.changeOptions.map((c) => c.id)).toEqual(['change-after-report']);

    // A change of another patient is refused.
    const foreign = await call(f.t.app, f.as.prescriber, 'POST', answers(open), {
      id: uuid(),
      kind: 'dose_change',
      medicationChangeId: 'no-such-change',
    });
    expect(foreign.statusCode).toBe(400);

    const res = await call(f.t.app, f.as.prescriber, 'POST', answers(open), {
      id: uuid(),
      kind: 'dose_change',
      medicationChangeId: 'change-after-report',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<SideEffectReport>()).toMatchObject({
      state: 'answered',
      changeOptions: [],
      answers: [
        {
          kind: 'dose_change',
          medicationChangeId: 'change-after-report',
          changeSummary: '50 mg → 25 mg from 2026-11-03',
        },
      ],
    });
    const change = await f.t.deps.database.db
      .selectFrom('medication_changes')
      .select('side_effect_report_id')
      .where('id', '=', 'change-after-report')
      .executeTakeFirstOrThrow();
    expect(change.side_effect_report_id).toBe(open);
  });

  it('a dose change made through the medications change flow for this report is offered and linked', async () => {
    const open = (await submit(report({ medicationId: lamotrigine, symptoms: ['dizziness'] }))).report.id;
    f.t.clock.set(f.t.clock.now() + 60_000);
    const changed = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      `/api/patients/${f.patient.overview.id}/medications/${lamotrigine}/changes`,
      {
        action: 'change_dose',
        effectiveOn: '2026-11-03',
        doseAmount: 12.5,
        doseUnit: 'mg',
        schedule: { kind: 'times', times: ['08:00'], weekdays: null },
        reason: 'Dizzy at 25 mg',
        sideEffectReportId: open,
      },
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode).toBe(200);
    const list = await call(f.t.app, f.as.prescriber, 'GET', base);
    const options = list
      .json<{ reports: SideEffectReport[] }>()
      .reports.find((r) => r.id === open)?.changeOptions;
    expect(options).toHaveLength(1);
    const res = await call(f.t.app, f.as.prescriber, 'POST', answers(open), {
      id: uuid(),
      kind: 'dose_change',
      note: 'Lower dose for two weeks.',
      medicationChangeId: options?.[0]?.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<SideEffectReport>().answers[0]).toMatchObject({
      kind: 'dose_change',
      note: 'Lower dose for two weeks.',
    });
    // That change answers this report: another report cannot claim it.
    const other = (await submit(report({ medicationId: lamotrigine, symptoms: ['headache'] }))).report.id;
    const claim = await call(f.t.app, f.as.prescriber, 'POST', answers(other), {
      id: uuid(),
      kind: 'dose_change',
      medicationChangeId: options?.[0]?.id,
    });
    expect(claim.statusCode).toBe(400);
  });

  it('advice with a note; the patient sees their reports and the answers, the therapist reads them', async () => {
    const body = {
      id: uuid(),
      kind: 'advice',
      note: 'No change for now: this usually settles in 1-2 weeks.',
    };
    expect((await call(f.t.app, f.as.prescriber, 'POST', answers(), body)).statusCode).toBe(201);
    for (const who of [f.as.patient, f.as.therapist, f.as.careManager]) {
      const res = await call(f.t.app, who, 'GET', base);
      expect(res.statusCode).toBe(200);
      const found = res.json<{ reports: SideEffectReport[] }>().reports.find((r) => r.id === reportId);
      expect(found?.answers.map((a) => a.kind)).toEqual(['message', 'advice']);
    }
    expect((await call(f.t.app, f.as.otherPatient, 'GET', base)).statusCode).toBe(404);
    expect((await call(f.t.app, f.as.outsider, 'GET', base)).statusCode).toBe(404);
    // an advice answer needs its note
    const empty = await call(f.t.app, f.as.prescriber, 'POST', answers(), {
      id: uuid(),
      kind: 'advice',
      note: ' ',
    });
    expect(empty.statusCode).toBe(400);
  });
});
