import type { Bundle, CapabilityStatement, Observation, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { buildUser } from '../../testing/factories.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { buildApiClient, tokenFor } from '../api-clients/api-clients.test-kit.js';
import { validateR4 } from '../../../shared/fhir/mappings/fhir-validate.test-kit.js';
import { entriesOf, fhirGet, fhirSearch, nextPath, typed } from './fhir.test-kit.js';

let f: MessagingFixture;
let token: string;
let patientId: string;
const answerIds: string[] = [];
const MINUTE = 60_000;

beforeAll(async () => {
  f = await messagingFixture();
  patientId = f.patient.overview.id;
  // Seven PHQ-9s (item 9 answered above 0 in two) and three GAD-7s, a day apart.
  for (let i = 0; i < 7; i++) {
    f.t.clock.set(f.t.clock.now() + 1440 * MINUTE);
    await f.setClock(f.t.clock.now());
    const id = uuid();
    answerIds.push(id);
    const item9 = i === 2 || i === 5 ? 1 : 0;
    const res = await call(f.t.app, f.as.patient, 'POST', `/api/patients/${patientId}/measures`, {
      id,
      instrument: 'phq9',
      answers: { items: [2, 2, 1, 1, 1, 1, 1, 1, item9] },
    });
    expect(res.statusCode).toBe(201);
    if (i % 3 === 0)
      await call(f.t.app, f.as.patient, 'POST', `/api/patients/${patientId}/measures`, {
        id: uuid(),
        instrument: 'gad7',
        answers: { items: [1, 1, 1, 1, 1, 1, 1] },
      });
  }
  const admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin');
  const client = await buildApiClient(f.t.deps, admin);
  token = await tokenFor(f.t.app, client);
});
afterAll(() => f.t.close());

describe('/fhir/R4 read and search', () => {
  it('metadata lists exactly the served types with their interactions', async () => {
    const { status, body, headers } = typed<CapabilityStatement>(
      await fhirGet(f.t.app, null, 'metadata'),
      'CapabilityStatement',
    );
    expect(status).toBe(200);
    expect(headers['content-type']).toContain('application/fhir+json');
    validateR4(body);
    const types = body.rest?.[0]?.resource?.map((r) => r.type);
    expect(types).toEqual([
      'Patient',
      'Practitioner',
      'Organization',
      'CareTeam',
      'Questionnaire',
      'QuestionnaireResponse',
      'Observation',
      'MedicationRequest',
      'Appointment',
      'PractitionerRole',
      'CarePlan',
      'Goal',
      'Condition',
      'MedicationStatement',
      'AllergyIntolerance',
      'Encounter',
      'Communication',
      'AuditEvent',
    ]);
  });

  it('reads a Patient (valid R4, US Core profile) and its CareTeam', async () => {
    const { status, body } = typed<Patient>(await fhirGet(f.t.app, token, `Patient/${patientId}`), 'Patient');
    expect(status).toBe(200);
    validateR4(body);
    expect(body.name?.[0]).toMatchObject({ family: 'Quixotic', given: ['Zelda'] });
    const team = await fhirGet(f.t.app, token, `CareTeam/${patientId}`);
    validateR4(team.body);
    const practitioner = await fhirGet(f.t.app, token, `Practitioner/${f.therapist.id}`);
    expect(practitioner.body).toMatchObject({
      resourceType: 'Practitioner',
      name: [{ text: 'Tess Therapist' }],
    });
    const org = await fhirGet(f.t.app, token, `Organization/${f.therapist.clinicId}`);
    validateR4(org.body);
  });

  it("serves a patient's 50 latest Observations newest first, with total and a next link that pages to the end", async () => {
    const first = await fhirSearch(f.t.app, token, `Observation?patient=${patientId}&_sort=-date&_count=4`);
    expect(first.status).toBe(200);
    validateR4(first.body);
    // 7 PHQ-9 totals + 2 item-9 answers above 0 … and 7 item-9 answers in all (0 is an answer), + 3 GAD-7 totals.
    expect(first.body.total).toBe(7 + 7 + 3);
    const seen: Observation[] = [];
    let page: Bundle = first.body;
    for (;;) {
      seen.push(...entriesOf<Observation>(page));
      const next = nextPath(page);
      if (!next) break;
      page = (await fhirSearch(f.t.app, token, next)).body;
    }
    expect(seen).toHaveLength(17);
    expect(new Set(seen.map((o) => o.id)).size).toBe(17);
    const dates = seen.map((o) => o.effectiveDateTime ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const o of seen) validateR4(o);
  });

  it('filters by code (PHQ-9 total 44261-6, item 9 44260-8, GAD-7 70274-6) and date prefixes', async () => {
    const phq = await fhirSearch(
      f.t.app,
      token,
      `Observation?subject=Patient/${patientId}&code=http://loinc.org|44261-6`,
    );
    expect(phq.body.total).toBe(7);
    const item9 = await fhirSearch(f.t.app, token, `Observation?patient=${patientId}&code=44260-8`);
    expect(
      entriesOf<Observation>(item9.body).filter(
        (o) => o.valueCodeableConcept?.coding?.[0]?.code === 'LA6569-3',
      ),
    ).toHaveLength(2);
    const gad = await fhirSearch(f.t.app, token, `Observation?patient=${patientId}&code=70274-6`);
    expect(gad.body.total).toBe(3);
    const all = entriesOf<Observation>(phq.body);
    const third = all[2]?.effectiveDateTime ?? '';
    const ge = await fhirSearch(
      f.t.app,
      token,
      `Observation?patient=${patientId}&code=44261-6&date=ge${third}`,
    );
    expect(ge.body.total).toBe(3);
    const lt = await fhirSearch(
      f.t.app,
      token,
      `Observation?patient=${patientId}&code=44261-6&date=lt${third}`,
    );
    expect(lt.body.total).toBe(4);
    const byId = await fhirSearch(f.t.app, token, `Observation?_id=${answerIds[0] ?? ''}-total`);
    expect(entriesOf<Observation>(byId.body).map((o) => o.id)).toEqual([`${answerIds[0] ?? ''}-total`]);
  });

  it('reads an Observation and a QuestionnaireResponse by id, and searches responses', async () => {
    const id = answerIds[2] ?? '';
    const obs = typed<Observation>(await fhirGet(f.t.app, token, `Observation/${id}-item9`), 'Observation');
    expect(obs.status).toBe(200);
    expect(obs.body.code.coding?.[0]?.code).toBe('44260-8');
    const qr = await fhirGet(f.t.app, token, `QuestionnaireResponse/${id}`);
    validateR4(qr.body);
    const list = await fhirSearch(
      f.t.app,
      token,
      `QuestionnaireResponse?patient=${patientId}&questionnaire=phq9&_count=5`,
    );
    expect(list.body.total).toBe(7);
    expect(entriesOf(list.body)).toHaveLength(5);
    const rest = await fhirSearch(f.t.app, token, nextPath(list.body) ?? '');
    expect(entriesOf(rest.body)).toHaveLength(2);
    const q = await fhirGet(f.t.app, token, 'Questionnaire/phq9');
    validateR4(q.body);
  });

  it('answers OperationOutcome for a bad parameter, an unknown type and an unknown id', async () => {
    const bad = await fhirGet(f.t.app, token, `Observation?patient=${patientId}&date=ne2026`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ expression: ['date'] }] });
    const tooMany = await fhirGet(f.t.app, token, `Observation?patient=${patientId}&_count=500`);
    expect(tooMany.status).toBe(400);
    const unknownParam = await fhirGet(f.t.app, token, `Observation?patient=${patientId}&foo=1`);
    expect(unknownParam.body).toMatchObject({ issue: [{ expression: ['foo'] }] });
    const noPatient = await fhirGet(f.t.app, token, 'Observation');
    expect(noPatient.status).toBe(400);
    expect((await fhirGet(f.t.app, token, 'Condition/x')).status).toBe(404);
    expect((await fhirGet(f.t.app, token, `Observation/${uuid()}-total`)).status).toBe(404);
  });

  it('audits every read against the patient with the client as actor', async () => {
    const before = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_role', 'resource_type'])
      .where('patient_id', '=', patientId)
      .where('action', 'like', 'fhir.%')
      .execute();
    expect(before.length).toBeGreaterThan(5);
    expect(new Set(before.map((e) => e.actor_role))).toEqual(new Set(['api_client']));
    expect(before).toContainEqual({
      action: 'fhir.search',
      actor_role: 'api_client',
      resource_type: 'Observation',
    });
  });
});
