import type {
  Bundle,
  BundleEntry,
  Medication,
  MedicationRequest,
  Observation,
  OperationOutcome,
  Patient,
  Resource,
} from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.js';
import { call } from '../../testing/test-app.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { messagingFixture, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { buildApiClient, tokenFor } from '../api-clients/api-clients.test-kit.js';
import { validateR4 } from '../../../shared/fhir/mappings/fhir-validate.test-kit.js';
import { TIMEZONE_EXTENSION } from '../../../shared/fhir/mappings/patient-in.js';
import { instrumentById } from '../../../shared/measures/instruments.js';
import { entriesOf, fhirGet, fhirPost, fhirSearch, typed } from './fhir.test-kit.js';
import { MAX_BUNDLE_ENTRIES } from './transaction.js';

// Issue 16: a transaction Bundle importing a patient with their current medications and recent scores, all
// or nothing, through the real routes.
let f: MessagingFixture;
let token: string;
let noMedications: string;
let limited: string;

beforeAll(async () => {
  f = await messagingFixture();
  const admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin');
  token = await tokenFor(f.t.app, await buildApiClient(f.t.deps, admin, 'system/*.crs'));
  noMedications = await tokenFor(
    f.t.app,
    await buildApiClient(f.t.deps, admin, 'system/*.rs system/Patient.c system/Observation.c'),
  );
  limited = await tokenFor(f.t.app, await buildApiClient(f.t.deps, admin, 'system/*.crs', [f.outsider.id]));
});
afterAll(() => f.t.close());

const mrnSystem = () => `${f.t.deps.config.publicUrl}/fhir/R4/Organization/${f.therapist.clinicId}/mrn`;
const post = (resource: Resource, fullUrl?: string): BundleEntry => ({
  ...(fullUrl ? { fullUrl } : {}),
  resource,
  request: { method: 'POST', url: resource.resourceType },
});
const transaction = (entry: BundleEntry[]): Bundle => ({
  resourceType: 'Bundle',
  type: 'transaction',
  entry,
});

const patient = (mrn: string): Patient => ({
  resourceType: 'Patient',
  identifier: [{ system: mrnSystem(), value: mrn }],
  name: [{ family: 'Import', given: ['Ida'] }],
  birthDate: '1985-02-03',
  telecom: [{ system: 'email', value: `ida.${mrn.toLowerCase()}@example.org` }],
  extension: [{ url: TIMEZONE_EXTENSION, valueCode: 'America/New_York' }],
  generalPractitioner: [
    { reference: `Practitioner/${f.therapist.id}` },
    { reference: `Practitioner/${f.prescriber.id}` },
  ],
});

const DAY = 86_400_000;
const panel = (subject: string, answers: number[], daysBack = 0): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '44249-1' }] },
  subject: { reference: subject },
  effectiveDateTime: new Date(f.t.clock.now() - daysBack * DAY).toISOString(),
  component: instrumentById('phq9').items.map((item, i) => ({
    code: { coding: [{ system: 'http://loinc.org', code: item.loinc }] },
    valueInteger: answers[i] ?? 0,
  })),
});

const medication: Medication = {
  resourceType: 'Medication',
  id: 'med',
  code: { text: 'Sertraline' },
  form: { text: 'tablet' },
};

const sertraline = (subject: string, mg: number): MedicationRequest => ({
  resourceType: 'MedicationRequest',
  status: 'active',
  intent: 'order',
  contained: [medication],
  medicationReference: { reference: '#med' },
  subject: { reference: subject },
  requester: { reference: `Practitioner/${f.prescriber.id}` },
  authoredOn: '2026-11-02',
  dosageInstruction: [
    {
      text: 'With breakfast',
      route: { text: 'oral' },
      timing: { repeat: { timeOfDay: ['08:00:00'], boundsPeriod: { start: '2026-11-02' } } },
      doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg' } }],
    },
  ],
});

const patientsWithMrn = async (mrn: string) =>
  f.t.deps.database.db.selectFrom('patients').select('id').where('medical_record_number', '=', mrn).execute();

describe('POST /fhir/R4 with a transaction Bundle', () => {
  it('imports a new patient, their scores and current medication in one go, readable back', async () => {
    const urn = 'urn:uuid:6c1bd0b2-3e51-4b8e-9d36-0a3b0d3c2f10';
    const res = await fhirPost(
      f.t.app,
      token,
      '',
      transaction([
        post(panel(urn, [1, 1, 1, 1, 1, 1, 1, 1, 1])),
        post(sertraline(urn, 50)),
        post(patient('MRN-T1'), urn),
      ]),
    );
    expect(res.status).toBe(200);
    const bundle = res.body as Bundle;
    validateR4(bundle);
    expect(bundle.type).toBe('transaction-response');
    expect(bundle.entry?.map((e) => e.response?.status)).toEqual([
      '201 Created',
      '201 Created',
      '201 Created',
    ]);
    const patientLocation = bundle.entry?.[2]?.response?.location ?? '';
    expect(patientLocation).toMatch(/^Patient\/[0-9a-f-]{36}\/_history\/1$/);
    const patientId = patientLocation.split('/')[1] ?? '';
    expect(typed<Patient>(await fhirGet(f.t.app, token, `Patient/${patientId}`), 'Patient').status).toBe(200);
    const meds = await fhirSearch(f.t.app, token, `MedicationRequest?patient=${patientId}`);
    const [med] = entriesOf<MedicationRequest>(meds.body);
    expect(med?.requester?.reference).toBe(`Practitioner/${f.prescriber.id}`);
    expect(med?.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity).toMatchObject({
      value: 50,
      unit: 'mg',
    });
    const totals = await fhirSearch(f.t.app, token, `Observation?patient=${patientId}&code=44261-6`);
    expect(entriesOf<Observation>(totals.body).map((o) => o.valueQuantity?.value)).toEqual([9]);
    // Item 9 answered 1 in the imported panel: the same safety path as the patient's own answer.
    await deliverPendingEvents(f.t.deps);
    const alerts = await f.t.deps.database.db
      .selectFrom('alerts')
      .select(['severity'])
      .where('patient_id', '=', patientId)
      .where('type', '=', 'self_harm_answer')
      .execute();
    expect(alerts).toEqual([{ severity: 'urgent' }]);
    const events = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['resource_type', 'actor_role'])
      .where('patient_id', '=', patientId)
      .where('action', '=', 'fhir.transaction')
      .orderBy('resource_type')
      .execute();
    expect(events).toEqual([
      { resource_type: 'MedicationRequest', actor_role: 'api_client' },
      { resource_type: 'Observation', actor_role: 'api_client' },
      { resource_type: 'Patient', actor_role: 'api_client' },
    ]);
  });

  it('imports recent scores from before the enrolment with the EHR’s dates, up to a year back', async () => {
    const urn = 'urn:uuid:3b8f1e0c-9a4d-4c2e-8f61-2d5e7a9c0b14';
    const res = await fhirPost(
      f.t.app,
      token,
      '',
      transaction([
        post(patient('MRN-T6'), urn),
        post(panel(urn, [2, 2, 2, 2, 2, 2, 1, 1, 0], 90)),
        post(panel(urn, [1, 1, 1, 1, 1, 1, 1, 1, 0], 30)),
      ]),
    );
    expect(res.status).toBe(200);
    const [created] = await patientsWithMrn('MRN-T6');
    const answers = await f.t.deps.database.db
      .selectFrom('questionnaire_responses')
      .select(['answered_at', 'total', 'backdate_reason'])
      .where('patient_id', '=', created?.id ?? '')
      .orderBy('answered_at')
      .execute();
    expect(answers.map((a) => [Math.round((f.t.clock.now() - a.answered_at) / DAY), a.total])).toEqual([
      [90, 14],
      [30, 8],
    ]);
    expect(answers.every((a) => (a.backdate_reason ?? '').includes('integration'))).toBe(true);
    // Older than a year: a bad entry at its date, nothing written.
    const tooOld = await fhirPost(
      f.t.app,
      token,
      '',
      transaction([
        post(patient('MRN-T7'), 'urn:uuid:5d2c7b1a-0e9f-4a3b-8c6d-7e1f2a3b4c5d'),
        post(panel('urn:uuid:5d2c7b1a-0e9f-4a3b-8c6d-7e1f2a3b4c5d', [0, 0, 0, 0, 0, 0, 0, 0, 0], 400)),
      ]),
    );
    expect(tooOld.status).toBe(422);
    const issue = (tooOld.body as OperationOutcome).issue[0];
    expect(issue?.expression?.[0]).toMatch(/^Bundle\.entry\[1\]\.resource\.effective/);
    expect(issue?.diagnostics).toContain('at most 365 days');
    expect(await patientsWithMrn('MRN-T7')).toEqual([]);
  });

  it('rolls back the whole Bundle when entries are bad, naming each bad entry', async () => {
    const urn = 'urn:uuid:0f0e5c4a-1d7b-4f57-8a50-6a0f3b1a9e21';
    const existing = `Patient/${f.patient.overview.id}`;
    const mailsBefore = await f.t.deps.database.db.selectFrom('mail_outbox').select('id').execute();
    const res = await fhirPost(
      f.t.app,
      token,
      '',
      transaction([
        post(patient('MRN-T2'), urn),
        post(panel(urn, [0, 0, 0, 0, 0, 0, 0, 0, 0])),
        post(panel(existing, [0, 0, 9])),
        post(sertraline(urn, 300)),
        post(panel(existing, [1, 1])),
      ]),
    );
    expect(res.status).toBe(422);
    const issues = (res.body as OperationOutcome).issue;
    expect(issues.map((i) => i.expression?.[0])).toEqual([
      'Bundle.entry[2].resource.component[2].value[x]',
      'Bundle.entry[3].resource.dosageInstruction[0].doseAndRate[0].doseQuantity',
    ]);
    expect(issues[1]?.diagnostics).toMatch(/200 mg/);
    // Nothing of the good entries was kept: no patient, no scores, no invitation.
    expect(await patientsWithMrn('MRN-T2')).toEqual([]);
    const answers = await f.t.deps.database.db
      .selectFrom('questionnaire_responses')
      .select('id')
      .where('patient_id', '=', f.patient.overview.id)
      .execute();
    expect(answers).toEqual([]);
    expect(await f.t.deps.database.db.selectFrom('mail_outbox').select('id').execute()).toHaveLength(
      mailsBefore.length,
    );
  });

  it('a prescribing safety warning that needs the prescriber’s answer is a bad entry, named', async () => {
    const depakote = sertraline(`Patient/${f.patient.overview.id}`, 500);
    const depakoteMedication: Medication = { ...medication, code: { text: 'Depakote ER' } };
    depakote.contained = [depakoteMedication];
    const res = await fhirPost(f.t.app, token, '', transaction([post(depakote)]));
    expect(res.status).toBe(422);
    const [only] = (res.body as OperationOutcome).issue;
    expect(only?.expression).toEqual(['Bundle.entry[0].resource.contained.code']);
    expect(only?.diagnostics).toMatch(/prescriber’s answer/);
    expect(only?.diagnostics).toMatch(/weight/i);
  });

  it('is idempotent per entry with ifNoneExist: the same Bundle again answers 200 OK entries', async () => {
    const entries = [
      {
        ...post(patient('MRN-T3'), 'urn:uuid:5b7e1f0e-8c1a-4c3e-b3f2-7a9d1e2c4b53'),
        request: { method: 'POST' as const, url: 'Patient', ifNoneExist: `identifier=${mrnSystem()}|MRN-T3` },
      },
      {
        ...post(panel('urn:uuid:5b7e1f0e-8c1a-4c3e-b3f2-7a9d1e2c4b53', [2])),
        request: { method: 'POST' as const, url: 'Observation', ifNoneExist: 'identifier=urn:ehr|T3-phq9' },
      },
    ];
    const first = await fhirPost(f.t.app, token, '', transaction(entries));
    const again = await fhirPost(f.t.app, token, '', transaction(entries));
    expect((first.body as Bundle).entry?.map((e) => e.response?.status)).toEqual([
      '201 Created',
      '201 Created',
    ]);
    expect((again.body as Bundle).entry?.map((e) => e.response?.status)).toEqual(['200 OK', '200 OK']);
    expect((again.body as Bundle).entry?.map((e) => e.response?.location)).toEqual(
      (first.body as Bundle).entry?.map((e) => e.response?.location),
    );
    expect(await patientsWithMrn('MRN-T3')).toHaveLength(1);
  });

  it('refuses what it cannot take before writing: size, type, method, references', async () => {
    const many = Array.from({ length: MAX_BUNDLE_ENTRIES + 1 }, () =>
      post(panel(`Patient/${f.patient.overview.id}`, [0])),
    );
    const big = await fhirPost(f.t.app, token, '', transaction(many));
    expect(big.status).toBe(422);
    expect((big.body as OperationOutcome).issue[0]?.expression).toEqual(['Bundle.entry']);
    const notAList = await fhirPost(f.t.app, token, '', {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [1],
    });
    expect([notAList.status, (notAList.body as OperationOutcome).issue[0]?.expression]).toEqual([
      400,
      ['Bundle.entry'],
    ]);
    const batch = await fhirPost(f.t.app, token, '', { resourceType: 'Bundle', type: 'batch', entry: [] });
    expect((batch.body as OperationOutcome).issue[0]?.expression).toEqual(['Bundle.type']);
    const odd = await fhirPost(
      f.t.app,
      token,
      '',
      transaction([
        {
          ...post(panel(`Patient/${f.patient.overview.id}`, [0])),
          request: { method: 'PUT', url: 'Observation' },
        },
        post({ resourceType: 'Appointment', status: 'booked', participant: [] }),
        post(panel('urn:uuid:00000000-0000-4000-8000-000000000000', [0])),
      ]),
    );
    expect(odd.status).toBe(422);
    expect((odd.body as OperationOutcome).issue.map((i) => i.expression?.[0])).toEqual([
      'Bundle.entry[0].request.method',
      'Bundle.entry[1].resource',
      'Bundle.entry[2].resource.subject',
    ]);
  });

  it('takes a Bundle larger than the app’s form body limit (100 KiB)', async () => {
    const urn = 'urn:uuid:9d3c1e52-7f0a-4b1c-8e3d-2a6b5c4d3e2f';
    const large: Patient = {
      ...patient('MRN-T4'),
      text: {
        status: 'generated',
        div: `<div xmlns="http://www.w3.org/1999/xhtml">${'x'.repeat(200_000)}</div>`,
      },
    };
    const res = await fhirPost(f.t.app, token, '', transaction([post(large, urn)]));
    expect(res.status).toBe(200);
    expect(await patientsWithMrn('MRN-T4')).toHaveLength(1);
  });

  it('needs each entry type’s c scope (403 naming the entry)', async () => {
    const res = await fhirPost(
      f.t.app,
      noMedications,
      '',
      transaction([post(sertraline(`Patient/${f.patient.overview.id}`, 50))]),
    );
    expect(res.status).toBe(403);
    expect((res.body as OperationOutcome).issue[0]?.expression).toEqual(['Bundle.entry[0].resource']);
  });

  it('the patient’s access report names the integration that imported into their record', async () => {
    const own = f.patient.overview.id;
    const res = await fhirPost(f.t.app, token, '', transaction([post(panel(`Patient/${own}`, [1]))]));
    expect(res.status).toBe(200);
    const report = await call(f.t.app, f.as.patient, 'GET', `/api/patients/${own}/access-report`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('EHR integration');
    expect(report.body).toContain('an integration of the clinic imported records into your record');
  });

  it('a client limited to one care team cannot write to another team’s patient (404)', async () => {
    const res = await fhirPost(
      f.t.app,
      limited,
      '',
      transaction([post(panel(`Patient/${f.patient.overview.id}`, [0]))]),
    );
    expect(res.status).toBe(404);
    expect((res.body as OperationOutcome).issue[0]?.expression).toEqual(['Bundle.entry[0].resource.subject']);
    const denied = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_role'])
      .where('patient_id', '=', f.patient.overview.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([{ action: 'fhir.transaction', actor_role: 'api_client' }]);
  });
});
