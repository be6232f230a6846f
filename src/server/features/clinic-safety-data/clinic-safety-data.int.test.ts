import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, type Session } from '../../testing/test-app.js';
import { buildUser, PASSWORD } from '../../testing/factories.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import type {
  CatalogueEntry,
  MedicationDetail,
  MonitoringResult,
  MonitoringView,
} from '../../../shared/medications/schemas.js';
import type {
  CatalogueOtherName,
  LabRangeSetting,
  LabRangeSettings,
} from '../../../shared/medication-safety/clinic-safety-schemas.js';

// The clinic's own laboratory thresholds and other medicine names (issue 11), through the real routes.
let f: MessagingFixture;
let admin: Session;
let patientId: string;
const rangesUrl = '/api/admin/lab-ranges';

async function catalogueId(q: string): Promise<string> {
  const res = await call(f.t.app, f.as.prescriber, 'GET', `/api/medication-catalogue?q=${q}`);
  return res.json<{ entries: CatalogueEntry[] }>().entries[0]?.id ?? '';
}

const start = (over: Record<string, unknown>) => ({
  id: uuid(),
  form: 'tablet',
  route: 'oral',
  instructions: '',
  startDate: '2026-09-01',
  endDate: null,
  doseAmount: 300,
  doseUnit: 'mg',
  schedule: { kind: 'times', times: ['08:00', '20:00'], weekdays: null },
  reason: 'Agreed in the plan.',
  steps: [],
  ...over,
});

/** Prescribes; answers the prescribing warnings with "proceed" when asked. */
async function prescribe(body: Record<string, unknown>) {
  const url = `/api/patients/${patientId}/medications`;
  const res = await call(f.t.app, f.as.prescriber, 'POST', url, body);
  if (res.statusCode !== 409) return res;
  const warnings = res.json<{ error: { details?: { warnings?: { id: string }[] } } }>().error.details
    ?.warnings;
  if (!warnings) return res;
  const safetyAnswers = warnings.map((w) => ({ warningId: w.id, decision: 'proceed', reason: 'Reviewed.' }));
  return call(f.t.app, f.as.prescriber, 'POST', url, { ...body, safetyAnswers });
}

const recordLithium = (value: string, medicationId: string) =>
  call(f.t.app, f.as.prescriber, 'POST', `/api/patients/${patientId}/medication-monitoring/results`, {
    id: uuid(),
    test: 'lithium_level',
    value,
    unit: 'mmol/L',
    takenOn: '2026-11-02',
    medicationId,
  });

const lithiumRange = async () =>
  (await call(f.t.app, admin, 'GET', rangesUrl))
    .json<LabRangeSettings>()
    .ranges.find((r) => r.id === 'lithium_level');

let lithiumId: string;
const noMonitoring = { needsMonitoring: false, note: '' };

beforeAll(async () => {
  f = await messagingFixture();
  patientId = f.patient.overview.id;
  const user = await buildUser(f.t.deps, f.therapist.clinicId, 'admin');
  admin = await signIn(f.t.app, user.email, PASSWORD);
  const res = await prescribe(start({ catalogueId: await catalogueId('lithium') }));
  expect(res.statusCode).toBe(201);
  lithiumId = res.json<MedicationDetail>().medication.id;
});
afterAll(() => f.t.close());

describe('laboratory thresholds of the clinic', () => {
  it('lists every range with the reference values, their source and no clinic mark', async () => {
    const range = await lithiumRange();
    expect(range).toMatchObject({ version: 0, changedBy: null, unit: 'mmol/L' });
    expect(range?.source).toContain('Lithium label');
    expect(range?.thresholds.map((t) => [t.reference, t.value, t.changed])).toEqual([
      [2, 2, false],
      [1.5, 1.5, false],
      [1.2, 1.2, false],
      [0.6, 0.6, false],
    ]);
  });

  it('before any edit, lithium 1.45 mmol/L is high (reference: urgent from 1.5)', async () => {
    const res = await recordLithium('1.45', lithiumId);
    expect(res.statusCode).toBe(201);
    expect(res.json<{ result: MonitoringResult }>().result.interpretation?.tier).toBe('high');
  });

  it('refuses thresholds out of order at the field, and changes nothing', async () => {
    const res = await call(
      f.t.app,
      admin,
      'PUT',
      `${rangesUrl}/lithium_level`,
      { thresholds: [2.0, 1.1, 1.2, 0.6] },
      { 'if-match': '0' },
    );
    expect(res.statusCode).toBe(400);
    const details = res.json<{ error: { details: { path: string; message: string }[] } }>().error.details;
    expect(details.map((d) => d.path)).toEqual(['body.thresholds.2']);
    expect(details[0]?.message).toMatch(/Must be below 1.1 mmol\/L/);
    expect((await lithiumRange())?.version).toBe(0);
  });

  it('a clinician cannot change thresholds; If-Match is required', async () => {
    const body = { thresholds: [2.0, 1.4, 1.2, 0.6] };
    const url = `${rangesUrl}/lithium_level`;
    expect((await call(f.t.app, f.as.prescriber, 'PUT', url, body, { 'if-match': '0' })).statusCode).toBe(
      403,
    );
    expect((await call(f.t.app, f.as.prescriber, 'GET', rangesUrl)).statusCode).toBe(403);
    expect((await call(f.t.app, admin, 'PUT', url, body)).statusCode).toBe(428);
    expect(
      (await call(f.t.app, admin, 'PUT', `${rangesUrl}/nope`, body, { 'if-match': '0' })).statusCode,
    ).toBe(404);
  });

  it('the admin lowers the urgent lithium level to 1.4: marked, audited, and a new result is read with it', async () => {
    const res = await call(
      f.t.app,
      admin,
      'PUT',
      `${rangesUrl}/lithium_level`,
      { thresholds: [2.0, 1.4, 1.2, 0.6] },
      { 'if-match': '0' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const setting = res.json<LabRangeSetting>();
    expect(setting.thresholds[1]).toMatchObject({ reference: 1.5, value: 1.4, changed: true });
    expect(setting.thresholds[0]?.changed).toBe(false);
    expect(setting.changedBy?.id).toBeTruthy();
    expect(setting.changedAt).toBe(f.t.clock.now());

    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'resource_id'])
      .where('action', '=', 'lab_ranges.edit')
      .execute();
    expect(audit).toEqual([{ action: 'lab_ranges.edit', resource_id: 'lithium_level' }]);

    const recorded = await recordLithium('1.45', lithiumId);
    const interpretation = recorded.json<{ result: MonitoringResult }>().result.interpretation;
    expect(interpretation?.tier).toBe('critical');
    expect(interpretation?.label).toContain(
      'the clinic’s threshold is at or above 1.4 mmol/L (reference 1.5)',
    );
    // … and it raises the urgent alert of a critical result.
    await deliverPendingEvents(f.t.deps);
    const alerts = await f.t.deps.database.db
      .selectFrom('alerts')
      .select('severity')
      .where('type', '=', 'lab_result_flagged')
      .where('subject_id', '=', recorded.json<{ result: MonitoringResult }>().result.id)
      .execute();
    expect(alerts.map((a) => a.severity)).toEqual(['urgent']);

    // The monitoring view carries the clinic's values for the form's immediate check.
    const view = await call(
      f.t.app,
      f.as.prescriber,
      'GET',
      `/api/patients/${patientId}/medication-monitoring`,
    );
    expect(view.json<MonitoringView>().clinicLabThresholds).toEqual({ lithium_level: [2.0, 1.4, 1.2, 0.6] });
  });

  it('a stale version is refused; reset to reference brings the reference back (audited)', async () => {
    const url = `${rangesUrl}/lithium_level`;
    expect(
      (await call(f.t.app, admin, 'PUT', url, { thresholds: [2, 1.5, 1.2, 0.6] }, { 'if-match': '0' }))
        .statusCode,
    ).toBe(412);
    const reset = await call(f.t.app, admin, 'DELETE', url, undefined, { 'if-match': '1' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json<LabRangeSetting>()).toMatchObject({ version: 0, changedBy: null });
    const again = await recordLithium('1.45', lithiumId);
    expect(again.json<{ result: MonitoringResult }>().result.interpretation?.tier).toBe('high');
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'lab_ranges.reset')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('other names of catalogue entries', () => {
  it('a clinic-added brand resolves in prescribing: the record is linked to the catalogue entry', async () => {
    const clozapine = await catalogueId('clozapine');
    // Unknown to Duet: the prescriber is asked whether it needs monitoring, and the record stays free text.
    const unknownFirst = await prescribe(start({ catalogueId: null, name: 'Leponexa', doseAmount: 12.5 }));
    expect(unknownFirst.statusCode).toBe(400);
    const unknown = await prescribe(
      start({ catalogueId: null, name: 'Leponexa', doseAmount: 12.5, monitoringAnswer: noMonitoring }),
    );
    expect(unknown.statusCode).toBe(201);
    expect(unknown.json<MedicationDetail>().medication.catalogueId).toBeNull();

    const url = `/api/admin/medication-catalogue/${clozapine}/other-names`;
    expect((await call(f.t.app, f.as.prescriber, 'POST', url, { name: 'Leponexa' })).statusCode).toBe(403);
    const added = await call(f.t.app, admin, 'POST', url, { name: ' Leponexa ' });
    expect(added.statusCode).toBe(201);
    expect(added.json<CatalogueOtherName>()).toMatchObject({
      name: 'Leponexa',
      genericName: 'clozapine',
      linkedRecords: 1,
    });
    // The record typed by that name before is now linked to clozapine (new version; audited on the patient).
    const earlierId = unknown.json<MedicationDetail>().medication.id;
    const earlier = await call(
      f.t.app,
      f.as.prescriber,
      'GET',
      `/api/patients/${patientId}/medications/${earlierId}`,
    );
    expect(earlier.json<MedicationDetail>().medication).toMatchObject({ catalogueId: clozapine, version: 2 });
    const linkAudit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['patient_id', 'resource_id'])
      .where('action', '=', 'medication.link_by_name')
      .execute();
    expect(linkAudit).toEqual([{ patient_id: patientId, resource_id: earlierId }]);

    const res = await prescribe(start({ catalogueId: null, name: 'Leponexa 25 mg', doseAmount: 12.5 }));
    expect(res.statusCode).toBe(201);
    const med = res.json<MedicationDetail>().medication;
    expect(med.catalogueId).toBe(clozapine);
    expect(med.freeText).toBe(false);

    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'medication_catalogue.name_add')
      .execute();
    expect(audit).toHaveLength(1);
    const list = await call(f.t.app, f.as.prescriber, 'GET', '/api/medication-catalogue/other-names');
    expect(list.json<{ names: CatalogueOtherName[] }>().names.map((n) => n.name)).toEqual(['Leponexa']);
  });

  it('refuses a name already used or one Duet reads as another medicine, at the field', async () => {
    const lithium = await catalogueId('lithium');
    const url = `/api/admin/medication-catalogue/${lithium}/other-names`;
    const dup = await call(f.t.app, admin, 'POST', url, { name: 'leponexa' });
    expect(dup.statusCode).toBe(409);
    const clozaril = await call(f.t.app, admin, 'POST', url, { name: 'Clozaril' });
    expect(clozaril.statusCode).toBe(409);
    expect(
      clozaril.json<{ error: { details: { path: string; message: string }[] } }>().error.details[0],
    ).toEqual({ path: 'body.name', message: 'Duet reads this name as clozapine, not lithium' });
    expect((await call(f.t.app, admin, 'POST', url, { name: '1' })).statusCode).toBe(400);
  });

  it('the admin removes a name (audited); it no longer resolves', async () => {
    const list = await call(f.t.app, admin, 'GET', '/api/medication-catalogue/other-names');
    const name = list.json<{ names: CatalogueOtherName[] }>().names[0];
    const url = `/api/admin/medication-catalogue/${name?.catalogueId ?? ''}/other-names/${name?.id ?? ''}`;
    expect((await call(f.t.app, admin, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(f.t.app, admin, 'DELETE', url)).statusCode).toBe(404);
    const res = await prescribe(
      start({ catalogueId: null, name: 'Leponexa', doseAmount: 12.5, monitoringAnswer: noMonitoring }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json<MedicationDetail>().medication.catalogueId).toBeNull();
  });
});
