import type { OperationOutcome, QuestionnaireResponse } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { messagingFixture, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { buildApiClient, tokenFor } from '../api-clients/api-clients.test-kit.js';
import { validateR4 } from '../../../shared/fhir/mappings/fhir-validate.test-kit.js';
import { fhirPost, fhirSearch } from './fhir.test-kit.js';

let f: MessagingFixture;
let token: string;
let readOnly: string;
let limited: string;
let patientId: string;

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
    expect((await fhirPost(f.t.app, token, 'Patient', { resourceType: 'Patient' })).status).toBe(405);
  });

  it('audits the write against the patient with the client as actor', async () => {
    const events = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['actor_role'])
      .where('patient_id', '=', patientId)
      .where('action', '=', 'fhir.create')
      .execute();
    // Six calls wrote or found an answer (two retries answered the first result): each is audited.
    expect(events).toHaveLength(6);
    expect(events.every((e) => e.actor_role === 'api_client')).toBe(true);
  });
});
