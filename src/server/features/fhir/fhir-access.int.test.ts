import type { MedicationRequest } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../../testing/test-app.js';
import { buildClinic, buildPatient, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import { bookAppointments } from '../appointments/index.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { buildApiClient, tokenFor } from '../api-clients/api-clients.test-kit.js';
import { validateR4 } from '../../../shared/fhir/mappings/fhir-validate.test-kit.js';
import { entriesOf, fhirGet, fhirSearch } from './fhir.test-kit.js';

// The FHIR routes are outside /api, so the authorization matrix does not walk them: this is their access test.
let f: MessagingFixture;
let admin: BuiltUser;
let own: string;
let other: string;
let strangerPatient: string;

beforeAll(async () => {
  f = await messagingFixture();
  own = f.patient.overview.id;
  other = f.otherPatient.overview.id;
  admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin');
  const elsewhere = await buildClinic(f.t.deps, 'Another clinic');
  const theirTherapist = await buildUser(f.t.deps, elsewhere, 'therapist');
  strangerPatient = (
    await buildPatient(f.t.deps, theirTherapist, [{ user: theirTherapist, role: 'therapist' }])
  ).overview.id;
  const catalogue = await call(f.t.app, f.as.prescriber, 'GET', '/api/medication-catalogue?q=sertraline');
  const catalogueId = catalogue.json<{ entries: { id: string }[] }>().entries[0]?.id ?? '';
  const body = {
    id: uuid(),
    catalogueId,
    form: 'tablet',
    route: 'oral',
    instructions: 'With breakfast',
    startDate: '2026-11-01',
    endDate: null,
    doseAmount: 25,
    doseUnit: 'mg',
    schedule: { kind: 'times', times: ['08:00'], weekdays: null },
    reason: 'Agreed in the plan.',
    steps: [{ from: '2026-11-08', doseAmount: 50, doseUnit: 'mg' }],
  };
  let res = await call(f.t.app, f.as.prescriber, 'POST', `/api/patients/${own}/medications`, body);
  if (res.statusCode === 409) {
    const warnings =
      res.json<{ error: { details?: { warnings?: { id: string }[] } } }>().error.details?.warnings ?? [];
    const safetyAnswers = warnings.map((w) => ({
      warningId: w.id,
      decision: 'proceed',
      reason: 'Reviewed.',
    }));
    res = await call(f.t.app, f.as.prescriber, 'POST', `/api/patients/${own}/medications`, {
      ...body,
      safetyAnswers,
    });
  }
  expect(res.statusCode).toBe(201);
  await bookAppointments(f.t.deps, f.therapist.actor, own, {
    id: uuid(),
    day: '2026-11-03',
    time: '10:00',
    mode: 'video',
    recurrence: { frequency: 'weekly', count: 3 },
  });
});
afterAll(() => f.t.close());

describe('/fhir/R4 access', () => {
  it('needs a bearer token; a session cookie alone is not enough', async () => {
    const none = await fhirGet(f.t.app, null, `Patient/${own}`);
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ resourceType: 'OperationOutcome' });
    expect(none.headers['www-authenticate']).toContain('Bearer');
    const session = await signIn(f.t.app, f.therapist.email, PASSWORD);
    const res = await f.t.app.inject({
      method: 'GET',
      url: `/fhir/R4/Patient/${own}`,
      headers: { cookie: session.cookie },
    });
    expect(res.statusCode).toBe(401);
  });

  it('a whole-clinic client reads every patient of its clinic, never another clinic', async () => {
    const token = await tokenFor(f.t.app, await buildApiClient(f.t.deps, admin));
    expect((await fhirGet(f.t.app, token, `Patient/${own}`)).status).toBe(200);
    expect((await fhirGet(f.t.app, token, `Patient/${other}`)).status).toBe(200);
    expect((await fhirGet(f.t.app, token, `Patient/${strangerPatient}`)).status).toBe(404);
    expect((await fhirGet(f.t.app, token, `Observation?patient=${strangerPatient}`)).status).toBe(404);
    const list = await fhirSearch(f.t.app, token, 'Patient?_count=200');
    expect(
      entriesOf(list.body)
        .map((p) => p.id)
        .sort(),
    ).toEqual([own, other].sort());
  });

  it('a client limited to one care team sees nothing of another (404, audited as refused)', async () => {
    const limited = await buildApiClient(f.t.deps, admin, 'system/*.rs', [f.outsider.id]);
    const token = await tokenFor(f.t.app, limited);
    expect((await fhirGet(f.t.app, token, `Patient/${other}`)).status).toBe(200);
    for (const path of [
      `Patient/${own}`,
      `CareTeam/${own}`,
      `Observation?patient=${own}`,
      `MedicationRequest?patient=${own}`,
      `Appointment?patient=${own}`,
    ]) {
      const res = await fhirGet(f.t.app, token, path);
      expect(res.status, path).toBe(404);
    }
    const search = await fhirSearch(f.t.app, token, 'Patient');
    expect(entriesOf(search.body).map((p) => p.id)).toEqual([other]);
    expect(search.body.total).toBe(1);
    const refused = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'outcome'])
      .where('patient_id', '=', own)
      .where('actor_id', '=', limited.id)
      .execute();
    expect(refused.length).toBeGreaterThanOrEqual(5);
    expect(refused.every((e) => e.outcome === 'denied')).toBe(true);
  });

  it('a scope the token lacks is 403; a narrower token keeps only what it asked for', async () => {
    const client = await buildApiClient(f.t.deps, admin, 'system/Patient.r system/Observation.rs');
    const token = await tokenFor(f.t.app, client);
    expect((await fhirGet(f.t.app, token, `Patient/${own}`)).status).toBe(200);
    expect((await fhirGet(f.t.app, token, 'Patient')).status).toBe(403);
    expect((await fhirGet(f.t.app, token, `MedicationRequest?patient=${own}`)).status).toBe(403);
    const narrow = await tokenFor(f.t.app, client, 'system/Observation.rs');
    expect((await fhirGet(f.t.app, narrow, `Patient/${own}`)).status).toBe(403);
  });

  it('an expired token and a revoked client are refused (401)', async () => {
    const client = await buildApiClient(f.t.deps, admin);
    const token = await tokenFor(f.t.app, client);
    f.t.clock.advance(301_000);
    expect((await fhirGet(f.t.app, token, `Patient/${own}`)).status).toBe(401);
    const fresh = await tokenFor(f.t.app, client);
    const session = await signIn(f.t.app, admin.email, PASSWORD);
    const revoke = await call(
      f.t.app,
      session,
      'POST',
      `/api/admin/api-clients/${client.id}/revoke`,
      undefined,
      { 'if-match': '"1"' },
    );
    expect(revoke.statusCode).toBe(200);
    expect((await fhirGet(f.t.app, fresh, `Patient/${own}`)).status).toBe(401);
  });

  it('serves MedicationRequest (titration steps as dosages) and Appointment, valid R4', async () => {
    const token = await tokenFor(f.t.app, await buildApiClient(f.t.deps, admin));
    const meds = await fhirSearch(f.t.app, token, `MedicationRequest?patient=${own}&status=active`);
    const [med] = entriesOf<MedicationRequest>(meds.body);
    if (!med) throw new Error('no MedicationRequest');
    validateR4(med);
    expect(med.dosageInstruction?.map((d) => d.doseAndRate?.[0]?.doseQuantity?.value)).toEqual([25, 50]);
    expect((await fhirGet(f.t.app, token, `MedicationRequest/${med.id ?? ''}`)).status).toBe(200);
    const appts = await fhirSearch(f.t.app, token, `Appointment?patient=${own}&date=ge2026-11-04&_count=1`);
    expect(appts.body.total).toBe(2);
    expect(entriesOf(appts.body)).toHaveLength(1);
    for (const a of entriesOf(appts.body)) validateR4(a);
  });

  it("the patient's access report names the client", async () => {
    const res = await call(f.t.app, f.as.patient, 'GET', `/api/patients/${own}/access-report`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('EHR integration');
  });
});
