import type {
  CapabilityStatement,
  CareTeam,
  Observation,
  OperationOutcome,
  Patient,
  QuestionnaireResponse,
} from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { messagingFixture, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { buildApiClient, tokenFor } from '../api-clients/api-clients.test-kit.js';
import { validateR4 } from '../../../shared/fhir/mappings/fhir-validate.test-kit.js';
import { fhirGet, fhirPost, fhirSearch, typed } from './fhir.test-kit.js';
import { TIMEZONE_EXTENSION } from '../../../shared/fhir/mappings/patient-in.js';
import { instrumentById } from '../../../shared/measures/instruments.js';

let f: MessagingFixture;
let token: string;
let readOnly: string;
let limited: string;
let patientId: string;
let writer: string;
let limitedWriter: string;

const phq9 = (items: number[], extra: Partial<QuestionnaireResponse> = {}): QuestionnaireResponse => ({
  resourceType: 'QuestionnaireResponse',
  status: 'completed',
  questionnaire: 'Questionnaire/phq9',
  subject: { reference: `Patient/${patientId}` },
  item: items.map((v, i) => ({ linkId: `phq9-${String(i + 1)}`, answer: [{ valueInteger: v }] })),
  ...extra,
});

async function selfHarmAlerts() {
  return f.t.deps.database.db
    .selectFrom('alerts')
    .select(['severity', 'type'])
    .where('patient_id', '=', patientId)
    .where('type', '=', 'self_harm_answer')
    .execute();
}

beforeAll(async () => {
  f = await messagingFixture();
  patientId = f.patient.overview.id;
  const admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin');
  token = await tokenFor(f.t.app, await buildApiClient(f.t.deps, admin));
  readOnly = await tokenFor(f.t.app, await buildApiClient(f.t.deps, admin, 'system/*.rs'));
  limited = await tokenFor(f.t.app, await buildApiClient(f.t.deps, admin, 'system/*.crs', [f.outsider.id]));
  writer = await tokenFor(f.t.app, await buildApiClient(f.t.deps, admin, 'system/*.crs'));
  limitedWriter = limited;
});
afterAll(() => f.t.close());

describe('POST /fhir/R4/QuestionnaireResponse', () => {
  it('scores a PHQ-9 and answers the stored resource with Location', async () => {
    const res = await fhirPost(f.t.app, token, 'QuestionnaireResponse', phq9([1, 1, 1, 1, 1, 1, 1, 1, 0]));
    expect(res.status).toBe(201);
    validateR4(res.body);
    // Entered through an integration: no Practitioner to name as author (never a dangling reference).
    expect((res.body as QuestionnaireResponse).author).toBeUndefined();
    expect(res.headers.location).toContain(`/fhir/R4/QuestionnaireResponse/${res.body.id ?? ''}/_history/1`);
    const obs = await fhirSearch(f.t.app, token, `Observation?patient=${patientId}&code=44261-6`);
    expect(obs.body.entry?.[0]?.resource).toMatchObject({ valueQuantity: { value: 8 } });
    expect(await selfHarmAlerts()).toEqual([]);
  });

  it('item 9 above 0 raises the urgent alert through the same safety path as the patient’s own answer', async () => {
    const res = await fhirPost(f.t.app, token, 'QuestionnaireResponse', phq9([2, 2, 2, 2, 2, 2, 2, 2, 1]));
    expect(res.status).toBe(201);
    await deliverPendingEvents(f.t.deps);
    expect(await selfHarmAlerts()).toEqual([{ severity: 'urgent', type: 'self_harm_answer' }]);
  });

  it('is idempotent by identifier and by If-None-Exist', async () => {
    const body = phq9([0, 0, 0, 0, 0, 0, 0, 0, 0], {
      identifier: { system: 'urn:ehr:screening', value: 'S-1' },
    });
    const first = await fhirPost(f.t.app, token, 'QuestionnaireResponse', body);
    const again = await fhirPost(f.t.app, token, 'QuestionnaireResponse', body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    const conditional = phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const h = { 'if-none-exist': 'identifier=urn:ehr:screening|S-2' };
    const a = await fhirPost(f.t.app, token, 'QuestionnaireResponse', conditional, h);
    const b = await fhirPost(f.t.app, token, 'QuestionnaireResponse', conditional, h);
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.body.id).toBe(a.body.id);
    const count = await f.t.deps.database.db
      .selectFrom('questionnaire_responses')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('patient_id', '=', patientId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });

  it.each([
    [{ questionnaire: 'Questionnaire/phq15' }, 'QuestionnaireResponse.questionnaire'],
    [{ subject: { reference: 'Group/x' } }, 'QuestionnaireResponse.subject'],
    [{ status: 'amended' as const }, 'QuestionnaireResponse.status'],
    [{ authored: '2020-01-01T10:00:00Z' }, 'QuestionnaireResponse.authored'],
  ])('answers OperationOutcome naming the bad field: %j', async (change, expression) => {
    const res = await fhirPost(
      f.t.app,
      token,
      'QuestionnaireResponse',
      phq9([1, 1, 1, 1, 1, 1, 1, 1, 1], change),
    );
    expect(res.status).toBe(422);
    expect((res.body as OperationOutcome).issue[0]?.expression).toEqual([expression]);
  });

  it('names the item whose answer is not an option', async () => {
    const body = phq9([1, 1, 7, 1, 1, 1, 1, 1, 1]);
    const res = await fhirPost(f.t.app, token, 'QuestionnaireResponse', body);
    expect(res.status).toBe(422);
    expect((res.body as OperationOutcome).issue[0]?.expression).toEqual([
      'QuestionnaireResponse.item[2].answer[0]',
    ]);
  });

  it('needs the c scope (403) and the patient within the client’s limit (404)', async () => {
    expect(
      (await fhirPost(f.t.app, readOnly, 'QuestionnaireResponse', phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]))).status,
    ).toBe(403);
    expect(
      (await fhirPost(f.t.app, limited, 'QuestionnaireResponse', phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]))).status,
    ).toBe(404);
    expect((await fhirPost(f.t.app, token, 'Appointment', { resourceType: 'Appointment' })).status).toBe(405);
  });

  it('audits the write against the patient with the client as actor', async () => {
    const events = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['actor_role', 'outcome'])
      .where('patient_id', '=', patientId)
      .where('action', '=', 'fhir.create')
      .execute();
    // Six calls wrote or found an answer (two retries answered the first result): each is audited; the
    // attempt of the client limited to another care team is audited as refused.
    expect(events.filter((e) => e.outcome === 'allowed')).toHaveLength(6);
    expect(events.filter((e) => e.outcome === 'denied')).toHaveLength(1);
    expect(events.every((e) => e.actor_role === 'api_client')).toBe(true);
  });
});

const phq9Panel = (answers: (number | string)[], extra: Partial<Observation> = {}): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  category: [
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] },
  ],
  code: { coding: [{ system: 'http://loinc.org', code: '44249-1' }] },
  subject: { reference: `Patient/${patientId}` },
  component: instrumentById('phq9').items.map((item, i) => {
    const a = answers[i] ?? 0;
    return {
      code: { coding: [{ system: 'http://loinc.org', code: item.loinc }] },
      ...(typeof a === 'string'
        ? { valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: a }] } }
        : { valueInteger: a }),
    };
  }),
  ...extra,
});

const outcomeOf = (res: { body: unknown }) => (res.body as OperationOutcome).issue[0]?.expression;

describe('POST /fhir/R4/Observation (a PHQ-9 or GAD-7 panel with its items)', () => {
  it('scores the panel and answers the total Observation it now serves, with Location', async () => {
    // LOINC answer codings and integers mixed: 1+1+2+0+0+0+0+0+0 = 4.
    const res = await fhirPost(f.t.app, token, 'Observation', phq9Panel(['LA6569-3', 1, 'LA6570-1']));
    expect(res.status).toBe(201);
    validateR4(res.body);
    const obs = res.body as Observation;
    expect(obs.code.coding?.[0]?.code).toBe('44261-6');
    expect(obs.valueQuantity?.value).toBe(4);
    expect(res.headers.location).toContain(`/fhir/R4/Observation/${obs.id ?? ''}/_history/1`);
    const read = await fhirGet(f.t.app, token, `Observation/${obs.id ?? ''}`);
    expect(read.status).toBe(200);
  });

  it('item 9 above 0 in a panel raises the urgent alert exactly as the patient’s own answer', async () => {
    const before = (await selfHarmAlerts()).length;
    await deliverPendingEvents(f.t.deps);
    const res = await fhirPost(
      f.t.app,
      token,
      'Observation',
      phq9Panel([0, 0, 0, 0, 0, 0, 0, 0, 'LA6571-9']),
    );
    expect(res.status).toBe(201);
    await deliverPendingEvents(f.t.deps);
    const alerts = await selfHarmAlerts();
    // One open self-harm alert per patient: the new answer raises it, or joins the one already open.
    expect(alerts.length).toBeGreaterThanOrEqual(Math.max(1, before));
    expect(alerts.every((a) => a.severity === 'urgent')).toBe(true);
    const item9 = await fhirGet(
      f.t.app,
      token,
      `Observation/${(res.body.id ?? '').replace(/-total$/, '-item9')}`,
    );
    expect(item9.body).toMatchObject({ valueCodeableConcept: { coding: [{ code: 'LA6571-9' }] } });
  });

  it('is idempotent by identifier: a repeat answers 200 with the same Observation', async () => {
    const body = phq9Panel([1, 0, 0, 0, 0, 0, 0, 0, 0], {
      identifier: [{ system: 'urn:ehr:panel', value: 'P-1' }],
    });
    const a = await fhirPost(f.t.app, token, 'Observation', body);
    const b = await fhirPost(f.t.app, token, 'Observation', body);
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.body.id).toBe(a.body.id);
  });

  it.each([
    [
      'a total alone (no items: item 9 unknown)',
      {
        code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
        component: undefined,
        valueQuantity: { value: 3 },
      },
      'Observation.component',
    ],
    [
      'a panel missing an item',
      { component: phq9Panel([0]).component?.slice(0, 8) },
      'Observation.component',
    ],
    [
      'a code that is not a panel',
      { code: { coding: [{ system: 'http://loinc.org', code: '1234-5' }] } },
      'Observation.code',
    ],
    ['a stated total that is not the sum', { valueQuantity: { value: 20 } }, 'Observation.valueQuantity'],
    ['another status', { status: 'preliminary' as const }, 'Observation.status'],
  ])('refuses %s, naming the element', async (_what, change, expression) => {
    const res = await fhirPost(f.t.app, token, 'Observation', { ...phq9Panel([0]), ...change });
    expect(res.status).toBe(422);
    expect(outcomeOf(res)).toEqual([expression]);
  });

  it('a body that does not follow the FHIR JSON structure is a 400 naming the type, never a 500', async () => {
    const res = await fhirPost(f.t.app, token, 'Observation', { ...phq9Panel([0]), component: 5 });
    expect(res.status).toBe(400);
    expect((res.body as OperationOutcome).issue[0]).toMatchObject({
      code: 'structure',
      expression: ['Observation'],
    });
  });

  it('names the component whose answer is not an option', async () => {
    const res = await fhirPost(f.t.app, token, 'Observation', phq9Panel([0, 0, 0, 0, 7]));
    expect(res.status).toBe(422);
    expect(outcomeOf(res)).toEqual(['Observation.component[4].value[x]']);
    expect((res.body as OperationOutcome).issue[0]?.diagnostics).toMatch(/item 5/);
  });

  it('needs Observation.c (403) and the patient within the client’s limit (404, the attempt audited)', async () => {
    expect((await fhirPost(f.t.app, readOnly, 'Observation', phq9Panel([0]))).status).toBe(403);
    expect((await fhirPost(f.t.app, limited, 'Observation', phq9Panel([0]))).status).toBe(404);
    const denied = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'actor_role'])
      .where('patient_id', '=', patientId)
      .where('outcome', '=', 'denied')
      .where('resource_type', '=', 'Observation')
      .execute();
    expect(denied).toEqual([
      { action: 'fhir.create', resource_type: 'Observation', actor_role: 'api_client' },
    ]);
  });

  it('the CapabilityStatement lists create for Patient, Observation and QuestionnaireResponse, and transaction', async () => {
    const res = await fhirGet(f.t.app, null, 'metadata');
    const rest = (res.body as CapabilityStatement).rest?.[0];
    const creates = (rest?.resource ?? [])
      .filter((r) => r.interaction?.some((i) => i.code === 'create'))
      .map((r) => r.type)
      .sort();
    expect(creates).toEqual(['Observation', 'Patient', 'QuestionnaireResponse']);
    expect(rest?.interaction).toEqual([{ code: 'transaction' }]);
  });
});

const newPatient = (mrn: string, team: string[], extra: Partial<Patient> = {}): Patient => ({
  resourceType: 'Patient',
  identifier: [
    { system: `http://localhost:3000/fhir/R4/Organization/${f.therapist.clinicId}/mrn`, value: mrn },
  ],
  name: [{ use: 'official', family: 'Ehrlich', given: ['Ada'] }],
  birthDate: '1990-04-12',
  telecom: [{ system: 'email', value: `ada.${mrn.toLowerCase()}@example.org` }],
  extension: [{ url: TIMEZONE_EXTENSION, valueCode: 'Europe/Berlin' }],
  generalPractitioner: team.map((id) => ({ reference: `Practitioner/${id}` })),
  ...extra,
});

describe('POST /fhir/R4/Patient (enrolment with a care team)', () => {
  const mrnSystem = () => `${f.t.deps.config.publicUrl}/fhir/R4/Organization/${f.therapist.clinicId}/mrn`;
  const enrol = (mrn: string, team: string[], extra: Partial<Patient> = {}) => {
    const body = newPatient(mrn, team, extra);
    return { ...body, identifier: [{ system: mrnSystem(), value: mrn }] };
  };

  it('enrols through the patients feature: the team by account role, an invitation, the new patient readable', async () => {
    const res = await fhirPost(
      f.t.app,
      writer,
      'Patient',
      enrol('MRN-900', [f.therapist.id, f.prescriber.id]),
    );
    expect(res.status).toBe(201);
    validateR4(res.body);
    const id = res.body.id ?? '';
    expect(res.headers.location).toContain(`/fhir/R4/Patient/${id}/_history/1`);
    const read = typed<Patient>(await fhirGet(f.t.app, writer, `Patient/${id}`), 'Patient');
    expect(read.status).toBe(200);
    expect(read.body.identifier?.find((i) => i.system === mrnSystem())?.value).toBe('MRN-900');
    const team = typed<CareTeam>(await fhirGet(f.t.app, writer, `CareTeam/${id}`), 'CareTeam');
    expect(team.body.participant?.map((p) => [p.member?.reference, p.role?.[0]?.text])).toEqual([
      [`Practitioner/${f.therapist.id}`, expect.stringMatching(/therapist/i)],
      [`Practitioner/${f.prescriber.id}`, expect.stringMatching(/prescriber/i)],
    ]);
    const mail = await f.t.deps.database.db
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('to_address', '=', 'ada.mrn-900@example.org')
      .execute();
    expect(mail).toHaveLength(1);
    const events = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_role'])
      .where('patient_id', '=', id)
      .where('action', 'in', ['fhir.create', 'patient.enrol'])
      .orderBy('action')
      .execute();
    expect(events).toEqual([
      { action: 'fhir.create', actor_role: 'api_client' },
      { action: 'patient.enrol', actor_role: 'api_client' },
    ]);
  });

  it('is idempotent on the MRN with If-None-Exist (200 with the same patient); without it the MRN is taken (409)', async () => {
    const h = { 'if-none-exist': `identifier=${mrnSystem()}|MRN-901` };
    const a = await fhirPost(f.t.app, writer, 'Patient', enrol('MRN-901', [f.therapist.id]), h);
    const b = await fhirPost(f.t.app, writer, 'Patient', enrol('MRN-901', [f.therapist.id]), h);
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.body.id).toBe(a.body.id);
    const c = await fhirPost(
      f.t.app,
      writer,
      'Patient',
      enrol('MRN-901', [f.therapist.id], { telecom: [{ system: 'email', value: 'another@example.org' }] }),
    );
    expect(c.status).toBe(409);
    expect(outcomeOf(c)).toEqual(['Patient.identifier[0]']);
  });

  it.each([
    ['no time zone', { extension: [] }, 'Patient.extension'],
    ['no email', { telecom: [] }, 'Patient.telecom[0]'],
    ['a birth date in the future', { birthDate: '2090-01-01' }, 'Patient.birthDate'],
    ['no care team', { generalPractitioner: [] }, 'Patient.generalPractitioner'],
  ])('refuses %s, naming the element', async (_what, change, expression) => {
    const res = await fhirPost(
      f.t.app,
      writer,
      'Patient',
      enrol(`MRN-X${expression.length}`, [f.therapist.id], change),
    );
    expect(res.status).toBe(422);
    expect(outcomeOf(res)).toEqual([expression]);
  });

  it('a client limited to some care teams enrols only onto its clinicians', async () => {
    const other = await fhirPost(f.t.app, limitedWriter, 'Patient', enrol('MRN-902', [f.therapist.id]));
    expect(other.status).toBe(422);
    expect(outcomeOf(other)).toEqual(['Patient.generalPractitioner[0]']);
    const own = await fhirPost(f.t.app, limitedWriter, 'Patient', enrol('MRN-903', [f.outsider.id]));
    expect(own.status).toBe(201);
    expect((await fhirGet(f.t.app, limitedWriter, `Patient/${own.body.id ?? ''}`)).status).toBe(200);
  });

  it('needs Patient.c (403)', async () => {
    expect((await fhirPost(f.t.app, token, 'Patient', enrol('MRN-904', [f.therapist.id]))).status).toBe(403);
  });
});
