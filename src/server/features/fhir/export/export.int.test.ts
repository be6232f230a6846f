import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AuditEvent, CapabilityStatement, MedicationRequest, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../testing/test-app.js';
import { buildUser, type BuiltUser } from '../../../testing/factories.js';
import { bookAppointments } from '../../appointments/index.js';
import { messagingFixture, uuid, type MessagingFixture } from '../../messaging/messaging.test-kit.js';
import { buildApiClient, tokenFor } from '../../api-clients/api-clients.test-kit.js';
import { validateR4 } from '../../../../shared/fhir/mappings/fhir-validate.test-kit.js';
import { fhirGet } from '../fhir.test-kit.js';
import {
  DRAFT_GOAL,
  TEAM_ONLY,
  seedCareRecords,
  type SeededCareRecords,
} from './export-care-records.test-kit.js';
import { exportLimits, exportSettled, purgeExpiredExports, EXPORT_RETENTION_MS } from './export.service.js';

// Bulk Data $export end to end through app.inject: kick-off, status, manifest, NDJSON files read back and
// counted against the test clinic, every line valid R4; scopes, care-team limit, another client, cancel.
let f: MessagingFixture;
let admin: BuiltUser;
let dataDir: string;
let token: string;
let client: { id: string; secret: string };
let own: string;
let other: string;
let secondAnswerAt = 0;
let records: SeededCareRecords;
const DAY = 86_400_000;
const NOTE = 'Private session material: exported-never-7f3a';

const asyncHeaders = { prefer: 'respond-async', accept: 'application/fhir+json' };

async function kickOff(bearer: string, url: string, headers: Record<string, string> = asyncHeaders) {
  return f.t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}`, ...headers } });
}

/** The status path (after the host) of a kick-off's Content-Location, once its job has run. */
async function statusOf(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(res.statusCode, res.body).toBe(202);
  const location = String(res.headers['content-location']);
  expect(location).toMatch(/^http:\/\/localhost:3000\/fhir\/R4\/\$export-status\/[0-9a-f-]{36}$/);
  const jobId = location.split('/').at(-1) ?? '';
  await exportSettled(jobId);
  return { jobId, url: location.slice('http://localhost:3000'.length) };
}

interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: { type: string; url: string; count: number }[];
}

async function manifestOf(bearer: string, statusUrl: string): Promise<Manifest> {
  const res = await f.t.app.inject({
    method: 'GET',
    url: statusUrl,
    headers: { authorization: `Bearer ${bearer}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers.expires).toBeDefined();
  return res.json<Manifest>();
}

async function linesOf(bearer: string, fileUrl: string): Promise<Resource[]> {
  const res = await f.t.app.inject({
    method: 'GET',
    url: fileUrl.slice('http://localhost:3000'.length),
    headers: { authorization: `Bearer ${bearer}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/fhir+ndjson');
  expect(res.body.endsWith('\n')).toBe(true);
  return res.body
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Resource);
}

/** Every resource of a manifest by type (each file read back; its count checked against the manifest). */
async function exported(bearer: string, m: Manifest) {
  const byType = new Map<string, Resource[]>();
  for (const out of m.output) {
    const lines = await linesOf(bearer, out.url);
    expect(lines).toHaveLength(out.count);
    for (const r of lines) expect(r.resourceType).toBe(out.type);
    byType.set(out.type, [...(byType.get(out.type) ?? []), ...lines]);
  }
  return byType;
}

/** The patients' access-report events an export at `transactionTime` holds (its own fhir.export entries not). */
async function accessEventIds(transactionTime: string, jobId: string, patients: readonly string[]) {
  // The access reports' entries: events naming the patient and, one per patient shown, list reads (migration 052).
  const rows = await f.t.deps.database.db
    .selectFrom('audit_patient_events')
    .select(['id', 'action', 'resource_id'])
    .where('clinic_id', '=', f.therapist.clinicId)
    .where('patient_id', 'in', [...patients])
    .where('actor_id', 'is not', null)
    .where('at', '<=', Date.parse(transactionTime))
    .execute();
  return rows
    .filter((r) => !(r.action === 'fhir.export' && r.resource_id === jobId))
    .map((r) => r.id)
    .sort();
}

async function answer(
  session: 'patient' | 'otherPatient',
  patientId: string,
  instrument: 'phq9' | 'gad7',
  item9 = 0,
) {
  f.t.clock.set(f.t.clock.now() + DAY);
  await f.setClock(f.t.clock.now());
  const items = instrument === 'phq9' ? [1, 1, 1, 1, 1, 1, 1, 1, item9] : [1, 1, 1, 1, 1, 1, 1];
  const res = await call(f.t.app, f.as[session], 'POST', `/api/patients/${patientId}/measures`, {
    id: uuid(),
    instrument,
    answers: { items },
  });
  expect(res.statusCode).toBe(201);
}

/** Sertraline 25 mg, then 50 mg a week later (two dose periods), through the prescriber's own route. */
async function prescribeSertraline() {
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
    res = await call(f.t.app, f.as.prescriber, 'POST', `/api/patients/${own}/medications`, {
      ...body,
      safetyAnswers: warnings.map((w) => ({ warningId: w.id, decision: 'proceed', reason: 'Reviewed.' })),
    });
  }
  expect(res.statusCode).toBe(201);
}

beforeAll(async () => {
  f = await messagingFixture();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'duet-export-'));
  f.t.deps.config.dataDir = dataDir;
  own = f.patient.overview.id;
  other = f.otherPatient.overview.id;
  await answer('patient', own, 'phq9', 1);
  await answer('patient', own, 'phq9');
  secondAnswerAt = f.t.clock.now();
  await answer('patient', own, 'gad7');
  await answer('otherPatient', other, 'phq9');
  const note = await call(f.t.app, f.as.therapist, 'POST', `/api/patients/${own}/psychotherapy-notes`, {
    id: uuid(),
    sessionDate: '2026-11-03',
    text: NOTE,
  });
  expect(note.statusCode).toBe(201);
  await bookAppointments(f.t.deps, f.therapist.actor, own, {
    id: uuid(),
    day: '2026-12-03',
    time: '10:00',
    mode: 'video',
    recurrence: { frequency: 'weekly', count: 3 },
  });
  await prescribeSertraline();
  const [medication] = await f.t.deps.database.db
    .selectFrom('medications')
    .select('id')
    .where('patient_id', '=', own)
    .execute();
  records = await seedCareRecords(f, own, medication?.id ?? '');
  admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin');
  client = await buildApiClient(f.t.deps, admin);
  token = await tokenFor(f.t.app, client);
});
afterAll(async () => {
  await f.t.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('FHIR bulk export ($export)', () => {
  it('the CapabilityStatement declares the three export operations (valid R4)', async () => {
    const res = await f.t.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    const body = res.json<CapabilityStatement>();
    validateR4(body);
    expect(body.rest?.[0]?.operation?.map((o) => [o.name, o.definition])).toEqual([
      ['export', 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export'],
      ['patient-export', 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export'],
      ['group-export', 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export'],
    ]);
  });

  it('exports the clinic: kick-off 202, manifest, NDJSON counted against the clinic, every line valid R4', async () => {
    const { jobId, url } = await statusOf(await kickOff(token, '/fhir/R4/$export'));
    const m = await manifestOf(token, url);
    expect(m.requiresAccessToken).toBe(true);
    expect(m.request).toBe('http://localhost:3000/fhir/R4/$export');
    expect(Date.parse(m.transactionTime)).toBe(f.t.clock.now());
    expect(m.error).toEqual([]);
    const byType = await exported(token, m);
    const count = (type: string) => byType.get(type)?.length ?? 0;
    expect(count('Patient')).toBe(2);
    expect(count('CareTeam')).toBe(2);
    expect(count('Organization')).toBe(1);
    expect(count('Practitioner')).toBe(4);
    expect(count('Questionnaire')).toBe(2);
    expect(count('Appointment')).toBe(4);
    // The care records (issue 16): each agreed plan version with its goal and problem, never the draft; the
    // clinicians' roles; the attended session; the dose log; the allergy; the conversation with the patient.
    const roles = await f.t.deps.database.db
      .selectFrom('users')
      .select('id')
      .where('clinic_id', '=', f.therapist.clinicId)
      .where('role', 'in', ['therapist', 'prescriber', 'care_manager'])
      .execute();
    expect(count('PractitionerRole')).toBe(roles.length);
    expect(count('PractitionerRole')).toBe(4);
    expect(
      byType
        .get('CarePlan')
        ?.map((p) => p.id)
        .sort(),
    ).toEqual([records.versions.superseded, records.versions.agreed].sort());
    expect(count('Goal')).toBe(2);
    expect(count('Condition')).toBe(2);
    expect(byType.get('Encounter')?.map((e) => e.id)).toEqual([records.attended]);
    expect(
      byType
        .get('MedicationStatement')
        ?.map((s) => s.id)
        .sort(),
    ).toEqual([...records.doses].sort());
    expect(byType.get('AllergyIntolerance')?.map((a) => a.id)).toEqual([records.allergy]);
    expect(
      byType
        .get('Communication')
        ?.map((c) => c.id)
        .sort(),
    ).toEqual([...records.patientMessages].sort());
    expect(
      byType
        .get('AuditEvent')
        ?.map((a) => a.id)
        .sort(),
    ).toEqual(await accessEventIds(m.transactionTime, jobId, [own, other]));
    expect(count('AuditEvent')).toBeGreaterThan(0);
    const [med] = (byType.get('MedicationRequest') ?? []) as MedicationRequest[];
    expect(count('MedicationRequest')).toBe(1);
    expect(med?.dosageInstruction?.map((d) => d.doseAndRate?.[0]?.doseQuantity?.value)).toEqual([25, 50]);
    // Four answers: three PHQ-9 (a total and item 9 each) and one GAD-7 (a total).
    const answers = await f.t.deps.database.db
      .selectFrom('questionnaire_responses')
      .select(['id', 'total', 'item9'])
      .where('clinic_id', '=', f.therapist.clinicId)
      .execute();
    expect(count('QuestionnaireResponse')).toBe(answers.length);
    expect(answers).toHaveLength(4);
    expect(count('Observation')).toBe(
      answers.filter((a) => a.total !== null).length + answers.filter((a) => a.item9 !== null).length,
    );
    expect(count('Observation')).toBe(7);
    for (const list of byType.values()) for (const r of list) validateR4(r);
    // Psychotherapy notes, the care team's own thread and a draft plan are never exported, in any file.
    for (const out of m.output) {
      const res = await f.t.app.inject({
        method: 'GET',
        url: out.url.slice(21),
        headers: { authorization: `Bearer ${token}` },
      });
      for (const secret of ['exported-never-7f3a', TEAM_ONLY, DRAFT_GOAL])
        expect(res.body).not.toContain(secret);
    }
    expect(JSON.stringify(byType.get('Communication'))).toContain('I feel dizzy in the mornings.');
    // An exported line is what a read of the same resource answers (the same mapping).
    for (const type of [
      'PractitionerRole',
      'CarePlan',
      'Goal',
      'Condition',
      'Encounter',
      'MedicationStatement',
      'AllergyIntolerance',
      'Communication',
      'AuditEvent',
    ])
      for (const r of byType.get(type) ?? []) {
        const read = await fhirGet(f.t.app, token, `${type}/${r.id ?? ''}`);
        expect([type, read.status, read.body]).toEqual([type, 200, r]);
      }
    // One fhir.export event per patient for this job, with the client as actor; the kick-off audited too.
    const events = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id', 'actor_role', 'resource_id'])
      .where('resource_id', '=', jobId)
      .execute();
    expect(
      events
        .filter((e) => e.action === 'fhir.export')
        .map((e) => e.patient_id)
        .sort(),
    ).toEqual([own, other].sort());
    expect(events.filter((e) => e.action === 'fhir.export.start')).toHaveLength(1);
    expect(events.every((e) => e.actor_role === 'api_client')).toBe(true);
    const report = await call(f.t.app, f.as.patient, 'GET', `/api/patients/${own}/access-report`);
    expect(report.body).toContain('exported your record');
  });

  it('_type and _since narrow the export; _outputFormat takes the NDJSON names', async () => {
    const since = new Date(secondAnswerAt - 1).toISOString();
    const res = await kickOff(
      token,
      `/fhir/R4/$export?_type=Observation,QuestionnaireResponse&_since=${since}&_outputFormat=application%2Ffhir%2Bndjson`,
    );
    const m = await manifestOf(token, (await statusOf(res)).url);
    expect(m.output.map((o) => o.type).sort()).toEqual(['Observation', 'QuestionnaireResponse']);
    const byType = await exported(token, m);
    // Answers created after _since: own PHQ-9 #2 and GAD-7, the other patient's PHQ-9.
    expect(byType.get('QuestionnaireResponse')).toHaveLength(3);
    for (const r of byType.get('QuestionnaireResponse') ?? [])
      expect(Date.parse(r.meta?.lastUpdated ?? '')).toBeGreaterThan(Date.parse(since));
    expect(byType.get('Observation')).toHaveLength(5);
    const plain = await kickOff(token, '/fhir/R4/$export?_type=Patient&_outputFormat=ndjson');
    const p = await manifestOf(token, (await statusOf(plain)).url);
    expect(p.output).toEqual([expect.objectContaining({ type: 'Patient', count: 2 })]);
  });

  it('_type=Communication,AuditEvent: the conversation with the patient and the access reports, never the team thread', async () => {
    // A caseload read is one list event (issue 19): exported as one AuditEvent per patient it showed.
    expect((await call(f.t.app, f.as.therapist, 'GET', '/api/patients')).statusCode).toBe(200);
    const { jobId, url } = await statusOf(
      await kickOff(token, '/fhir/R4/$export?_type=Communication,AuditEvent'),
    );
    const m = await manifestOf(token, url);
    expect(m.output.map((o) => o.type)).toEqual(['Communication', 'AuditEvent']);
    expect(m.error).toEqual([]);
    const byType = await exported(token, m);
    for (const list of byType.values()) for (const r of list) validateR4(r);
    const messages = byType.get('Communication') ?? [];
    expect(messages.map((c) => c.id).sort()).toEqual([...records.patientMessages].sort());
    expect(messages.map((c) => c.id)).not.toContain(records.teamMessage);
    expect(JSON.stringify(messages)).not.toContain(TEAM_ONLY);
    const events = byType.get('AuditEvent') ?? [];
    expect(events.map((a) => a.id).sort()).toEqual(
      await accessEventIds(m.transactionTime, jobId, [own, other]),
    );
    // The earlier full export's entries are in this one's access reports (this job's own are not).
    expect(JSON.stringify(events)).toContain('"code":"fhir.export"');
    const listed = (events as AuditEvent[]).filter((a) => a.subtype?.[0]?.code === 'caseload.read');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((a) => /^L\d+-/.test(a.id ?? ''))).toBe(true);
  });

  it('a plan version whose content cannot be read is named in the error file, the others exported', async () => {
    const db = f.t.deps.database.db;
    const bad = uuid();
    const [agreed] = await db
      .selectFrom('treatment_plan_versions')
      .selectAll()
      .where('id', '=', records.versions.agreed)
      .execute();
    if (!agreed) throw new Error('seeded plan version missing');
    await db
      .insertInto('treatment_plan_versions')
      .values({ ...agreed, id: bad, number: 9, status: 'superseded', content: '{"goals":' })
      .execute();
    try {
      const m = await manifestOf(
        token,
        (await statusOf(await kickOff(token, '/fhir/R4/$export?_type=CarePlan,Goal'))).url,
      );
      const byType = await exported(token, m);
      expect(
        byType
          .get('CarePlan')
          ?.map((p) => p.id)
          .sort(),
      ).toEqual([records.versions.superseded, records.versions.agreed].sort());
      expect(byType.get('Goal')).toHaveLength(2);
      expect(m.error.map((e) => [e.type, e.count])).toEqual([['OperationOutcome', 1]]);
      const [outcome] = await linesOf(token, m.error[0]?.url ?? '');
      expect(JSON.stringify(outcome)).toContain(`CarePlan ${bad} could not be read`);
    } finally {
      await db.deleteFrom('treatment_plan_versions').where('id', '=', bad).execute();
    }
  });

  it('keyset pages of one row export the same resources as pages of 2,000 (every source pages to its end)', async () => {
    const idsByType = async () => {
      const { jobId, url } = await statusOf(await kickOff(token, '/fhir/R4/$export'));
      const m = await manifestOf(token, url);
      const byType = await exported(token, m);
      const ids = Object.fromEntries([...byType].map(([type, list]) => [type, list.map((r) => r.id).sort()]));
      return { ids, m, jobId };
    };
    const whole = await idsByType();
    const before = exportLimits.batch;
    exportLimits.batch = 1;
    try {
      const paged = await idsByType();
      // The access reports grew by the first export's entries; each export holds those of its own time.
      expect(paged.ids.AuditEvent).toEqual(
        await accessEventIds(paged.m.transactionTime, paged.jobId, [own, other]),
      );
      expect({ ...paged.ids, AuditEvent: [] }).toEqual({ ...whole.ids, AuditEvent: [] });
      expect(Object.keys(paged.ids)).toHaveLength(18);
    } finally {
      exportLimits.batch = before;
    }
  });

  it('refuses what it cannot do: no Prefer, a bad format, an unknown type or parameter, a type out of scope', async () => {
    const bad = async (url: string, status: number, expression: string, headers = asyncHeaders) => {
      const res = await kickOff(token, url, headers);
      expect(res.statusCode, url).toBe(status);
      expect(res.json()).toMatchObject({
        resourceType: 'OperationOutcome',
        issue: [{ expression: [expression] }],
      });
    };
    await bad('/fhir/R4/$export', 400, 'Prefer', { prefer: '', accept: 'application/fhir+json' });
    await bad('/fhir/R4/$export', 400, 'Accept', { prefer: 'respond-async', accept: 'text/csv' });
    await bad('/fhir/R4/$export?_outputFormat=text/csv', 400, '_outputFormat');
    await bad('/fhir/R4/$export?_type=DocumentReference', 400, '_type');
    await bad('/fhir/R4/$export?_since=yesterday', 400, '_since');
    await bad('/fhir/R4/$export?_typeFilter=Observation%3Fcode%3D1', 400, '_typeFilter');
    // Prefer: handling=lenient has an unsupported parameter ignored.
    const lenient = await kickOff(token, '/fhir/R4/$export?_type=Patient&_elements=id', {
      prefer: 'respond-async, handling=lenient',
    });
    await statusOf(lenient);
    const patientsOnly = await tokenFor(f.t.app, await buildApiClient(f.t.deps, admin, 'system/Patient.rs'));
    const res = await kickOff(patientsOnly, '/fhir/R4/$export?_type=Patient,Observation');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ issue: [{ expression: ['_type'] }] });
    // Without _type: only the types the token may read.
    const m = await manifestOf(
      patientsOnly,
      (await statusOf(await kickOff(patientsOnly, '/fhir/R4/$export'))).url,
    );
    expect(m.output.map((o) => o.type)).toEqual(['Patient']);
  });

  it('another client gets 404 for the status, the files and the cancel; a running job answers 202 with progress', async () => {
    const { jobId, url } = await statusOf(await kickOff(token, '/fhir/R4/$export?_type=Patient'));
    const m = await manifestOf(token, url);
    const stranger = await tokenFor(f.t.app, await buildApiClient(f.t.deps, admin));
    const as = (method: 'GET' | 'DELETE', u: string) =>
      f.t.app.inject({ method, url: u, headers: { authorization: `Bearer ${stranger}` } });
    expect((await as('GET', url)).statusCode).toBe(404);
    expect((await as('GET', (m.output[0]?.url ?? '').slice(21))).statusCode).toBe(404);
    expect((await as('DELETE', url)).statusCode).toBe(404);
    // Only the files the manifest names are served (no path outside the job's folder).
    const traversal = await f.t.app.inject({
      method: 'GET',
      url: `/fhir/R4/$export-file/${jobId}/..%2F..%2Fduet.sqlite`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(traversal.statusCode).toBe(404);
    // A file gone from disk (removed by hand, another instance's DATA_DIR) is a 404, not a broken stream.
    const firstFile = (m.output[0]?.url ?? '').slice(21);
    await rm(path.join(dataDir, 'exports', jobId), { recursive: true, force: true });
    const missing = await f.t.app.inject({
      method: 'GET',
      url: firstFile,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ resourceType: 'OperationOutcome' });
    // The same job seen while it runs: 202, X-Progress, Retry-After; a second kick-off meanwhile is 429.
    const db = f.t.deps.database.db;
    await db.updateTable('fhir_export_jobs').set({ status: 'running' }).where('id', '=', jobId).execute();
    const polled = await f.t.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(polled.statusCode).toBe(202);
    expect(polled.headers['x-progress']).toMatch(/resources written/);
    expect(polled.headers['retry-after']).toBe('2');
    const again = await kickOff(token, '/fhir/R4/$export');
    expect(again.statusCode).toBe(429);
    await db.updateTable('fhir_export_jobs').set({ status: 'completed' }).where('id', '=', jobId).execute();
  });

  it('a client limited to one care team exports only its patients; Group is the clinic, Patient/$export the compartment', async () => {
    const limited = await tokenFor(
      f.t.app,
      await buildApiClient(f.t.deps, admin, 'system/*.rs', [f.outsider.id]),
    );
    const m = await manifestOf(
      limited,
      (await statusOf(await kickOff(limited, `/fhir/R4/Group/${f.therapist.clinicId}/$export`))).url,
    );
    expect(m.output.map((o) => o.type)).not.toContain('Practitioner');
    const byType = await exported(limited, m);
    expect(byType.get('Patient')?.map((p) => p.id)).toEqual([other]);
    for (const type of ['QuestionnaireResponse', 'Observation', 'CareTeam', 'AuditEvent'])
      for (const r of byType.get(type) ?? []) expect(JSON.stringify(r), type).toContain(`Patient/${other}`);
    expect(byType.get('QuestionnaireResponse')).toHaveLength(1);
    expect(byType.has('Appointment')).toBe(false);
    // The first patient's care records are out of this client's reach.
    for (const type of ['CarePlan', 'Goal', 'Condition', 'Encounter', 'MedicationStatement', 'Communication'])
      expect(byType.has(type), type).toBe(false);
    expect(m.output.map((o) => o.type)).not.toContain('PractitionerRole');
    expect((await kickOff(limited, `/fhir/R4/Group/${uuid()}/$export`)).statusCode).toBe(404);
    const pm = await manifestOf(
      limited,
      (await statusOf(await kickOff(limited, '/fhir/R4/Patient/$export'))).url,
    );
    expect(pm.output.map((o) => o.type)).toEqual([
      'Patient',
      'CareTeam',
      'QuestionnaireResponse',
      'Observation',
      // The other patient's access-report events.
      'AuditEvent',
    ]);
  });

  it('splits a large type into files; DELETE removes the files; finished exports are purged after 24 hours', async () => {
    const before = exportLimits.perFile;
    exportLimits.perFile = 2;
    try {
      const { jobId, url } = await statusOf(await kickOff(token, '/fhir/R4/$export?_type=Observation'));
      const m = await manifestOf(token, url);
      expect(m.output.map((o) => o.count)).toEqual([2, 2, 2, 1]);
      expect(new Set(m.output.map((o) => o.url)).size).toBe(4);
      expect((await exported(token, m)).get('Observation')).toHaveLength(7);
      const dir = path.join(dataDir, 'exports', jobId);
      expect(existsSync(dir)).toBe(true);
      const del = await f.t.app.inject({
        method: 'DELETE',
        url,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(del.statusCode).toBe(202);
      expect(existsSync(dir)).toBe(false);
      expect(
        (await f.t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }))
          .statusCode,
      ).toBe(404);
    } finally {
      exportLimits.perFile = before;
    }
    // Cancelling right after the kick-off stops the job and leaves nothing behind.
    const started = await kickOff(token, '/fhir/R4/$export');
    expect(started.statusCode).toBe(202);
    const cancelUrl = String(started.headers['content-location']).slice(21);
    const cancelled = await f.t.app.inject({
      method: 'DELETE',
      url: cancelUrl,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(cancelled.statusCode).toBe(202);
    expect(existsSync(path.join(dataDir, 'exports', cancelUrl.split('/').at(-1) ?? ''))).toBe(false);
    // Retention: 24 hours after it finished, the job and its files are gone.
    const { jobId, url } = await statusOf(await kickOff(token, '/fhir/R4/$export?_type=Patient'));
    await purgeExpiredExports(f.t.deps);
    expect(
      (await f.t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(200);
    f.t.clock.advance(EXPORT_RETENTION_MS);
    await purgeExpiredExports(f.t.deps);
    // The same client, with a new token (the first one has long expired), finds nothing.
    const later = await tokenFor(f.t.app, client);
    const gone = await f.t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${later}` } });
    expect(gone.statusCode).toBe(404);
    expect(existsSync(path.join(dataDir, 'exports', jobId))).toBe(false);
  });
});
