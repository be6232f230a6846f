import type {
  AllergyIntolerance,
  AuditEvent,
  Bundle,
  CapabilityStatement,
  CarePlan,
  Communication,
  Condition,
  Encounter,
  Goal,
  MedicationStatement,
  PractitionerRole,
  Resource,
} from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { buildUser } from '../../testing/factories.js';
import { newId } from '../../platform/ids.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { buildApiClient, tokenFor } from '../api-clients/api-clients.test-kit.js';
import { validateR4 } from '../../../shared/fhir/mappings/fhir-validate.test-kit.js';
import { planItemId } from '../../../shared/fhir/mappings/plan-items.js';
import { planContentSchema } from '../../../shared/treatment-plans/schemas.js';
import { entriesOf, fhirGet, fhirSearch, nextPath } from './fhir.test-kit.js';

// Issue 16: the care records beyond scores and prescriptions, read and searched through /fhir/R4.

let f: MessagingFixture;
let token: string;
let teamLimitedToken: string;
let patientId: string;
let otherPatientId: string;
const ids = {
  v1: newId(),
  v2: newId(),
  draft: newId(),
  allergy: newId(),
  attended: newId(),
  booked: newId(),
};
const doseIds: string[] = [];
let patientMessageId = '';
let teamMessageId = '';
const DAY = 86_400_000;

const content = (goal: string) =>
  JSON.stringify(
    planContentSchema.parse({
      problems: [{ id: 'p1', description: 'Depressive episode', icd10: 'F32.1' }],
      goals: [{ id: 'g_1', inPatientsWords: goal, measurableTarget: 'PHQ-9 below 5' }],
      therapy: { modality: 'CBT', frequency: 'weekly' },
      medication: { strategy: 'Sertraline to 100 mg' },
    }),
  );

async function seed() {
  const db = f.t.deps.database.db;
  const clinic = f.therapist.clinicId;
  const now = f.t.clock.now();
  const planId = newId();
  await db
    .insertInto('treatment_plans')
    .values({
      id: planId,
      clinic_id: clinic,
      patient_id: patientId,
      created_by: f.therapist.id,
      created_at: now,
    })
    .execute();
  const version = (id: string, number: number, status: string, goal: string, agreedAt: number | null) => ({
    id,
    clinic_id: clinic,
    plan_id: planId,
    patient_id: patientId,
    number,
    status,
    version: 3,
    content: content(goal),
    reason: null,
    template_id: null,
    based_on_number: null,
    created_by: f.therapist.id,
    created_at: now,
    updated_by: f.therapist.id,
    updated_at: now,
    submitted_at: agreedAt,
    agreed_at: agreedAt,
    review_date: null,
    review_cycle: 0,
    acknowledged_at: null,
    acknowledged_by: null,
  });
  await db
    .insertInto('treatment_plan_versions')
    .values([
      version(ids.v1, 1, 'superseded', 'Sleep better', now - 60 * DAY),
      version(ids.v2, 2, 'agreed', 'Back at work', now - 10 * DAY),
      version(ids.draft, 3, 'draft', 'DRAFT-GOAL-NEVER-SENT', null),
    ])
    .execute();
  await db
    .insertInto('medication_safety_entries')
    .values({
      id: ids.allergy,
      clinic_id: clinic,
      patient_id: patientId,
      kind: 'allergy',
      name: 'Penicillin',
      reaction: 'Hives',
      severity: 'moderate',
      dose_text: null,
      notes: null,
      status: 'confirmed',
      entered_by: f.prescriber.id,
      entered_by_role: 'prescriber',
      entered_at: now,
      reviewed_by: f.prescriber.id,
      reviewed_at: now,
      rejection_reason: null,
      removed_by: null,
      removed_at: null,
      version: 1,
      updated_at: now,
    })
    .execute();
  const appointment = (id: string, status: string, startsAt: number) => ({
    id,
    clinic_id: clinic,
    patient_id: patientId,
    series_id: null,
    type: 'therapy_session',
    clinician_id: f.therapist.id,
    mode: 'video',
    local_day: '2026-10-01',
    local_time: '10:00',
    time_zone: 'UTC',
    starts_at: startsAt,
    ends_at: startsAt + 50 * 60_000,
    duration_minutes: 50,
    location: null,
    status,
    cancelled_by: null,
    cancelled_late: null,
    cancel_reason: null,
    status_set_by: null,
    status_set_at: null,
    created_by: f.therapist.id,
    created_at: now,
    updated_at: now,
    version: 2,
  });
  await db
    .insertInto('appointments')
    .values([
      appointment(ids.attended, 'attended', now - 7 * DAY),
      appointment(ids.booked, 'scheduled', now + DAY),
    ])
    .execute();
  const medicationId = newId();
  await db
    .insertInto('medications')
    .values({
      id: medicationId,
      clinic_id: clinic,
      patient_id: patientId,
      catalogue_id: null,
      name: 'Sertraline 50 mg tablet',
      drug_class: null,
      form: 'tablet',
      route: 'oral',
      instructions: '',
      start_date: '2026-10-01',
      end_date: null,
      status: 'active',
      prescribed_by: f.prescriber.id,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  for (let i = 0; i < 5; i++) {
    const id = newId();
    doseIds.push(id);
    const at = now - (5 - i) * DAY;
    await db
      .insertInto('dose_logs')
      .values({
        id,
        clinic_id: clinic,
        patient_id: patientId,
        medication_id: medicationId,
        dose_key: `${medicationId}:2026-10-0${String(i + 1)}:08:00`,
        status: i === 3 ? 'skipped' : 'taken',
        skip_reason: i === 3 ? 'Felt sick' : null,
        note: null,
        taken_at: i === 3 ? null : at,
        scheduled_for: at,
        local_date: `2026-10-0${String(i + 1)}`,
        dose_amount: 50,
        dose_unit: 'mg',
        as_needed: 0,
        late_entry: 0,
        logged_by: f.patient.user.id,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
  }
  // Through the notes feature's own route: no file outside it names the notes table (psychotherapy-isolation).
  const note = await call(f.t.app, f.as.therapist, 'POST', `/api/patients/${patientId}/psychotherapy-notes`, {
    id: uuid(),
    sessionDate: '2026-10-01',
    text: 'PSYNOTE-NEVER-SENT',
  });
  expect(note.statusCode).toBe(201);
  // Messages through the API: the care team's own thread about the patient, and a conversation with the patient.
  const base = `/api/patients/${patientId}/conversations`;
  const list = await call(f.t.app, f.as.therapist, 'GET', base);
  const team = list
    .json<{ conversations: { id: string; kind: string }[] }>()
    .conversations.find((c) => c.kind === 'team');
  teamMessageId = uuid();
  const teamPost = await call(f.t.app, f.as.therapist, 'POST', `${base}/${team?.id ?? ''}/messages`, {
    id: teamMessageId,
    body: 'TEAM-ONLY-NEVER-SENT',
  });
  expect(teamPost.statusCode).toBe(201);
  patientMessageId = uuid();
  const conversationId = uuid();
  const started = await call(f.t.app, f.as.patient, 'POST', base, {
    id: conversationId,
    subject: 'Dizziness',
    firstMessage: { id: patientMessageId, body: 'I feel dizzy in the mornings.' },
  });
  expect(started.statusCode).toBe(201);
  const reply = await call(f.t.app, f.as.prescriber, 'POST', `${base}/${conversationId}/messages`, {
    id: uuid(),
    body: 'Take it with breakfast for a week.',
  });
  expect(reply.statusCode).toBe(201);
}

beforeAll(async () => {
  f = await messagingFixture();
  patientId = f.patient.overview.id;
  otherPatientId = f.otherPatient.overview.id;
  await seed();
  const admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin');
  token = await tokenFor(f.t.app, await buildApiClient(f.t.deps, admin));
  teamLimitedToken = await tokenFor(
    f.t.app,
    await buildApiClient(f.t.deps, admin, 'system/*.rs', [f.outsider.id]),
  );
});
afterAll(() => f.t.close());

async function all<R extends Resource>(path: string, bearer = token): Promise<R[]> {
  const found: R[] = [];
  let next: string | null = path;
  while (next !== null) {
    const page: { status: number; body: Bundle } = await fhirSearch(f.t.app, bearer, next);
    expect(page.status).toBe(200);
    found.push(...entriesOf<R>(page.body));
    next = nextPath(page.body);
  }
  for (const r of found) validateR4(r);
  return found;
}

describe('/fhir/R4 care records', () => {
  it('CarePlan: the agreed versions, never the draft; Goal and Condition of the plan in force', async () => {
    const plans = await all<CarePlan>(`CarePlan?patient=${patientId}`);
    expect(plans.map((p) => [p.id, p.status])).toEqual([
      [ids.v2, 'active'],
      [ids.v1, 'revoked'],
    ]);
    expect(plans[0]?.replaces).toEqual([{ reference: `CarePlan/${ids.v1}` }]);
    expect(plans[1]?.period?.end).toBe(plans[0]?.period?.start);
    const active = await all<CarePlan>(`CarePlan?patient=${patientId}&status=active`);
    expect(active.map((p) => p.id)).toEqual([ids.v2]);
    expect((await fhirGet(f.t.app, token, `CarePlan/${ids.draft}`)).status).toBe(404);

    const goals = await all<Goal>(`Goal?patient=${patientId}`);
    expect(goals.map((g) => [g.id, g.description.text])).toEqual([
      [planItemId(ids.v2, 'g_1'), 'Back at work'],
    ]);
    expect(plans[0]?.goal).toEqual([{ reference: `Goal/${planItemId(ids.v2, 'g_1') ?? ''}` }]);
    const oldGoal = await fhirGet(f.t.app, token, `Goal/${planItemId(ids.v1, 'g_1') ?? ''}`);
    expect(oldGoal.status).toBe(200);
    expect(oldGoal.body).toMatchObject({ description: { text: 'Sleep better' } });

    const conditions = await all<Condition>(
      `Condition?subject=Patient/${patientId}&category=problem-list-item`,
    );
    expect(conditions.map((c) => c.code?.coding?.[0]?.code)).toEqual(['F32.1']);
    const byId = await all<Condition>(`Condition?_id=${conditions[0]?.id ?? ''}`);
    expect(byId).toHaveLength(1);
  });

  it('AllergyIntolerance, Encounter (attended only) and PractitionerRole', async () => {
    const allergies = await all<AllergyIntolerance>(`AllergyIntolerance?patient=${patientId}`);
    expect(allergies.map((a) => [a.id, a.code?.text])).toEqual([[ids.allergy, 'Penicillin']]);
    expect(await all(`AllergyIntolerance?patient=${patientId}&clinical-status=inactive`)).toEqual([]);
    const encounters = await all<Encounter>(`Encounter?patient=${patientId}`);
    expect(encounters.map((e) => [e.id, e.status, e.class.code])).toEqual([[ids.attended, 'finished', 'VR']]);
    expect((await fhirGet(f.t.app, token, `Encounter/${ids.booked}`)).status).toBe(404);
    const roles = await all<PractitionerRole>(`PractitionerRole?practitioner=${f.prescriber.id}`);
    expect(roles.map((r) => r.code?.[0]?.text)).toEqual(['Prescriber']);
  });

  it('MedicationStatement: each logged dose, newest first, paged to the end', async () => {
    const first = await fhirSearch(f.t.app, token, `MedicationStatement?patient=${patientId}&_count=2`);
    expect(first.body.total).toBe(5);
    expect(entriesOf(first.body)).toHaveLength(2);
    const statements = await all<MedicationStatement>(`MedicationStatement?patient=${patientId}&_count=2`);
    expect(statements.map((s) => s.id)).toEqual([...doseIds].reverse());
    const skipped = await all<MedicationStatement>(
      `MedicationStatement?patient=${patientId}&status=not-taken`,
    );
    expect(skipped.map((s) => [s.id, s.statusReason?.[0]?.text])).toEqual([[doseIds[3], 'Felt sick']]);
    expect(skipped[0]?.informationSource).toEqual({ reference: `Patient/${patientId}` });
  });

  it('Communication: the conversation with the patient, never the care team’s own thread', async () => {
    const messages = await all<Communication>(`Communication?patient=${patientId}&_count=1`);
    expect(messages.map((m) => m.payload?.[0]?.contentString)).toEqual([
      'Take it with breakfast for a week.',
      'I feel dizzy in the mornings.',
    ]);
    expect(messages[1]?.id).toBe(patientMessageId);
    expect((await fhirGet(f.t.app, token, `Communication/${teamMessageId}`)).status).toBe(404);
    expect(await all(`Communication?_id=${teamMessageId}`)).toEqual([]);
  });

  it('neither psychotherapy notes, the team thread nor a draft plan appear in anything sent', async () => {
    const types = ['CarePlan', 'Goal', 'Condition', 'MedicationStatement', 'AllergyIntolerance', 'Encounter'];
    const sent = await Promise.all(
      [...types, 'Communication', 'AuditEvent'].map((t) => all(`${t}?patient=${patientId}`)),
    );
    const text = JSON.stringify(sent);
    expect(text).toContain('Penicillin');
    for (const secret of ['PSYNOTE-NEVER-SENT', 'TEAM-ONLY-NEVER-SENT', 'DRAFT-GOAL-NEVER-SENT'])
      expect(text).not.toContain(secret);
  });

  it('AuditEvent: the access report, the integration named; every read and search audited', async () => {
    await fhirGet(f.t.app, token, `AllergyIntolerance/${ids.allergy}`);
    const events = await all<AuditEvent>(`AuditEvent?patient=${patientId}&_count=5`);
    const reads = events.filter((e) => e.subtype?.[0]?.code === 'fhir.read');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]?.agent[0]?.who).toEqual({ display: 'EHR integration' });
    const trail = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'actor_role', 'outcome'])
      .where('patient_id', '=', patientId)
      .where('actor_role', '=', 'api_client')
      .execute();
    const seen = new Set(trail.map((r) => `${r.action} ${r.resource_type}`));
    for (const t of [
      'CarePlan',
      'Goal',
      'Condition',
      'MedicationStatement',
      'AllergyIntolerance',
      'Encounter',
      'Communication',
    ])
      expect(seen.has(`fhir.search ${t}`)).toBe(true);
    expect(seen.has('fhir.read AllergyIntolerance')).toBe(true);
    expect(seen.has('fhir.read Goal')).toBe(true);
  });

  it("AuditEvent: a caseload read (one list event, issue 19) is in each shown patient's report, readable by its id", async () => {
    expect((await call(f.t.app, f.as.therapist, 'GET', '/api/patients')).statusCode).toBe(200);
    const events = await all<AuditEvent>(`AuditEvent?patient=${patientId}`);
    const listed = events.filter((e) => e.subtype?.[0]?.code === 'caseload.read');
    expect(listed).toHaveLength(1);
    const id = listed[0]?.id ?? '';
    expect(id).toMatch(new RegExp(`^L\\d+-${patientId}$`));
    const read = await fhirGet(f.t.app, token, `AuditEvent/${id}`);
    expect(read.status).toBe(200);
    expect((read.body as AuditEvent).id).toBe(id);
    // The same entry under another patient's id is not theirs: 404.
    const elsewhere = id.replace(patientId, otherPatientId);
    expect((await fhirGet(f.t.app, token, `AuditEvent/${elsewhere}`)).status).toBe(404);
  });

  it('a client limited to another care team gets 404 for this patient, audited as refused', async () => {
    for (const path of [
      `CarePlan?patient=${patientId}`,
      `Communication?patient=${patientId}`,
      `AuditEvent?patient=${patientId}`,
      `MedicationStatement/${doseIds[0] ?? ''}`,
      `AllergyIntolerance/${ids.allergy}`,
      `Goal?_id=${planItemId(ids.v2, 'g_1') ?? ''}`,
    ])
      expect([path, (await fhirGet(f.t.app, teamLimitedToken, path)).status]).toEqual([path, 404]);
    const refused = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type'])
      .where('patient_id', '=', patientId)
      .where('outcome', '=', 'denied')
      .where('actor_role', '=', 'api_client')
      .execute();
    expect(refused.map((r) => r.resource_type)).toEqual(
      expect.arrayContaining([
        'CarePlan',
        'Communication',
        'AuditEvent',
        'MedicationStatement',
        'AllergyIntolerance',
        'Goal',
      ]),
    );
    // Its own team's patient is reachable.
    expect((await fhirSearch(f.t.app, teamLimitedToken, `CarePlan?patient=${otherPatientId}`)).status).toBe(
      200,
    );
  });

  it('MedicationRequest?_include=MedicationRequest:requester adds the prescriber once, as an include', async () => {
    const res = await fhirSearch(
      f.t.app,
      token,
      `MedicationRequest?patient=${patientId}&_include=MedicationRequest:requester`,
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.entry?.map((e) => [e.resource?.resourceType, e.resource?.id, e.search?.mode])).toEqual([
      ['MedicationRequest', expect.any(String), 'match'],
      ['Practitioner', f.prescriber.id, 'include'],
    ]);
    const plain = await fhirSearch(f.t.app, token, `MedicationRequest?patient=${patientId}`);
    expect(plain.body.entry?.map((e) => e.search?.mode)).toEqual(['match']);
    const other = await fhirSearch(
      f.t.app,
      token,
      `MedicationRequest?patient=${patientId}&_include=MedicationRequest:patient`,
    );
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ issue: [{ expression: ['_include'] }] });
    const admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin');
    const noPractitioner = await tokenFor(
      f.t.app,
      await buildApiClient(f.t.deps, admin, 'system/MedicationRequest.rs'),
    );
    const refused = await fhirSearch(
      f.t.app,
      noPractitioner,
      `MedicationRequest?patient=${patientId}&_include=MedicationRequest:requester`,
    );
    expect(refused.status).toBe(403);
    const metadata = await fhirGet(f.t.app, null, 'metadata');
    const served = (metadata.body as CapabilityStatement).rest?.[0]?.resource?.find(
      (r) => r.type === 'MedicationRequest',
    );
    expect(served?.searchInclude).toEqual(['MedicationRequest:requester']);
  });

  it('date searches: the plan period overlaps, sessions and access events by their instant', async () => {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const now = f.t.clock.now();
    const early = await all<CarePlan>(`CarePlan?patient=${patientId}&date=lt${day(now - 20 * DAY)}`);
    expect(early.map((p) => p.id)).toEqual([ids.v1]);
    const late = await all<CarePlan>(`CarePlan?patient=${patientId}&date=ge${day(now - 5 * DAY)}`);
    expect(late.map((p) => p.id)).toEqual([ids.v2]);
    expect(await all(`Encounter?patient=${patientId}&date=ge${day(now - 6 * DAY)}`)).toEqual([]);
    expect(await all(`Encounter?patient=${patientId}&date=${day(now - 7 * DAY)}`)).toHaveLength(1);
    expect(await all(`AuditEvent?patient=${patientId}&date=ge${day(now + 30 * DAY)}`)).toEqual([]);
    const bad = await fhirSearch(f.t.app, token, `Communication?patient=${patientId}&sent=ne2026-01-01`);
    expect(bad.status).toBe(400);
  });

  it('searching without a patient is a 400 naming the parameter; a scope on another type is 403', async () => {
    const res = await fhirSearch(f.t.app, token, 'Encounter?status=finished');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ expression: ['patient'] }],
    });
    const admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin');
    const narrow = await tokenFor(f.t.app, await buildApiClient(f.t.deps, admin, 'system/Patient.rs'));
    expect((await fhirSearch(f.t.app, narrow, `CarePlan?patient=${patientId}`)).status).toBe(403);
  });

  // Last: it spoils a stored version. One unreadable version must not make the patient's plan unreadable (no 500):
  // it is left out, and a search says so in an OperationOutcome entry (search mode outcome, severity warning).
  it('an unreadable stored plan version is left out with a warning; the others are still served', async () => {
    await f.t.deps.database.db
      .updateTable('treatment_plan_versions')
      .set({ content: '{"goals": "not a list"' })
      .where('id', '=', ids.v1)
      .execute();
    const page = await fhirSearch(f.t.app, token, `CarePlan?patient=${patientId}`);
    expect(page.status).toBe(200);
    const entries = page.body.entry ?? [];
    expect(entries.filter((e) => e.search?.mode === 'match').map((e) => e.resource?.id)).toEqual([ids.v2]);
    const outcome = entries.find((e) => e.search?.mode === 'outcome')?.resource;
    expect(outcome).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'warning', code: 'processing' }],
    });
    expect(JSON.stringify(outcome)).toContain(ids.v1);
    validateR4(outcome as Resource);
    expect((await fhirGet(f.t.app, token, `CarePlan/${ids.v2}`)).status).toBe(200);
    expect((await fhirGet(f.t.app, token, `CarePlan/${ids.v1}`)).status).toBe(404);
    const goals = await fhirSearch(f.t.app, token, `Goal?patient=${patientId}`);
    expect(goals.status).toBe(200);
    expect(goals.body.entry?.filter((e) => e.search?.mode === 'match')).toHaveLength(1);
  });
});
