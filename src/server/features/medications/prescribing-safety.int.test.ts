import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../../testing/test-app.js';
import { buildUser, PASSWORD } from '../../testing/factories.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import type { CatalogueEntry, MedicationDetail } from '../../../shared/medications/schemas.js';
import type { SafetyWarning } from '../../../shared/medication-safety/interactions.js';
import type { PrescribingContext } from '../../../shared/medication-safety/prescribing-schemas.js';
import { linkFreeTextMedications } from '../../db/migrations/026-link-free-text.js';

// Issue 11 through the real routes: dose limits, units, step order, brand names, combinations, allergies,
// and the catalogue's safety data edited by the clinic admin.
let f: MessagingFixture;
let base: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/medications`;
  const res = await call(f.t.app, f.as.prescriber, 'GET', '/api/medication-catalogue');
  for (const e of res.json<{ entries: CatalogueEntry[] }>().entries) ids[e.genericName] = e.id;
});
afterAll(() => f.t.close());

const start = (over: Record<string, unknown> = {}) => ({
  id: uuid(),
  catalogueId: ids.sertraline,
  form: 'tablet',
  route: 'oral',
  instructions: '',
  startDate: '2026-11-02',
  endDate: null,
  doseAmount: 50,
  doseUnit: 'mg',
  schedule: { kind: 'times', times: ['08:00'], weekdays: null },
  reason: 'Depression',
  steps: [],
  ...over,
});
const details = (res: { json: () => unknown }) =>
  (res.json() as { error: { details?: { path: string }[] } }).error.details?.map((d) => d.path) ?? [];
const count = async () =>
  (
    await f.t.deps.database.db
      .selectFrom('medications')
      .select('id')
      .where('patient_id', '=', f.patient.overview.id)
      .execute()
  ).length;

describe('dose limits, units and steps', () => {
  it('the catalogue carries the label limits with their source', async () => {
    const res = await call(f.t.app, f.as.prescriber, 'GET', '/api/medication-catalogue?q=citalopram');
    const citalopram = res
      .json<{ entries: CatalogueEntry[] }>()
      .entries.find((e) => e.genericName === 'citalopram');
    expect(citalopram?.safety?.doseLimits?.maxima[0]?.maxMgPerDay).toBe(40);
    expect(citalopram?.safety?.doseLimits?.source).toMatch(/label/);
    expect(citalopram?.safety?.interactionClasses).toContain('qt_prolonging');
  });

  it('above the maximum is refused at the field and saves nothing; with a reason it is kept and shown', async () => {
    const before = await count();
    const over = await call(f.t.app, f.as.prescriber, 'POST', base, start({ doseAmount: 300 }));
    expect(over.statusCode).toBe(400);
    expect(details(over)).toEqual(['body.doseAmount', 'body.overMaximumReason']);
    expect(await count()).toBe(before);
    const withReason = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      base,
      start({ doseAmount: 300, overMaximumReason: 'Specialist advice: rapid metaboliser' }),
    );
    expect(withReason.statusCode).toBe(201);
    const detail = withReason.json<MedicationDetail>();
    expect(detail.medication.current?.overMaximumReason).toBe('Specialist advice: rapid metaboliser');
    expect(detail.changes[0]?.overMaximum?.reason).toBe('Specialist advice: rapid metaboliser');
    // the team reads it in the history too
    const read = await call(f.t.app, f.as.therapist, 'GET', `${base}/${detail.medication.id}`);
    expect(read.json<MedicationDetail>().changes[0]?.overMaximum?.doses[0]).toMatch(/300 mg a day/);
  });

  it('a dose in g is checked as the same quantity; mL is refused at the unit field', async () => {
    const grams = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      base,
      start({ catalogueId: ids.quetiapine, doseAmount: 0.9, doseUnit: 'g' }),
    );
    expect(grams.statusCode).toBe(400);
    expect(details(grams)).toContain('body.doseAmount');
    const ml = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      base,
      start({ catalogueId: ids.quetiapine, doseAmount: 5, doseUnit: 'mL' }),
    );
    expect(ml.statusCode).toBe(400);
    expect(details(ml)).toEqual(['body.doseUnit']);
  });

  it('steps out of order are refused naming the step, never sorted', async () => {
    const res = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      base,
      start({
        catalogueId: ids.mirtazapine,
        doseAmount: 15,
        steps: [
          { from: '2026-11-05', doseAmount: 45, doseUnit: 'mg' },
          { from: '2026-11-04', doseAmount: 30, doseUnit: 'mg' },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual(['body.steps.1.from']);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/^Step 2/);
  });
});

describe('planning steps on an existing medication', () => {
  it('out of order is refused naming the step; in order is kept as given', async () => {
    const started = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      base,
      start({
        catalogueId: ids.prazosin,
        doseAmount: 1,
        schedule: { kind: 'times', times: ['08:00', '20:00'], weekdays: null },
      }),
    );
    expect(started.statusCode).toBe(201);
    const med = started.json<MedicationDetail>().medication;
    const url = `${base}/${med.id}/changes`;
    const plan = (steps: { from: string; doseAmount: number }[]) => ({
      action: 'plan_steps',
      steps: steps.map((x) => ({ ...x, doseUnit: 'mg' })),
      reason: 'Titration',
    });
    const wrong = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      url,
      plan([
        { from: '2026-11-20', doseAmount: 5 },
        { from: '2026-11-10', doseAmount: 2 },
      ]),
      { 'if-match': '"1"' },
    );
    expect(wrong.statusCode).toBe(400);
    expect(details(wrong)).toEqual(['body.steps.1.from']);
    const over = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      url,
      plan([
        { from: '2026-11-10', doseAmount: 2 },
        { from: '2026-11-20', doseAmount: 15 },
      ]),
      { 'if-match': '"1"' },
    );
    expect(over.statusCode).toBe(400);
    expect(details(over)).toEqual(['body.steps.1.doseAmount', 'body.overMaximumReason']);
    const ok = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      url,
      plan([
        { from: '2026-11-10', doseAmount: 2 },
        { from: '2026-11-20', doseAmount: 5 },
      ]),
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json<MedicationDetail>().medication.upcoming.map((p) => [p.from, p.doseAmount])).toEqual([
      ['2026-11-10', 2],
      ['2026-11-20', 5],
    ]);
  });
});

describe('brand names, combinations and allergies', () => {
  let divalproexId: string;

  it('"Depakote" resolves to divalproex; without a weight the mg/kg limit is not guessed', async () => {
    const body = start({ catalogueId: null, name: 'Depakote ER', doseAmount: 500 });
    const first = await call(f.t.app, f.as.prescriber, 'POST', base, body);
    expect(first.statusCode).toBe(409);
    const warnings = first.json<{ error: { details: { warnings: SafetyWarning[]; notice: string } } }>().error
      .details;
    expect(warnings.warnings.map((w) => w.id)).toContain('missing_weight');
    expect(warnings.notice).toMatch(/not a full interaction database/);
    const second = await call(f.t.app, f.as.prescriber, 'POST', base, {
      ...body,
      safetyAnswers: [
        { warningId: 'missing_weight', decision: 'proceed', reason: 'Weight 70 kg at clinic, to be entered' },
      ],
    });
    expect(second.statusCode).toBe(201);
    const med = second.json<MedicationDetail>().medication;
    expect(med.catalogueId).toBe(ids['divalproex sodium']);
    expect(med.freeText).toBe(false);
    divalproexId = med.id;
  });

  it('lamotrigine while on valproate warns with the label action; the answer is kept and visible to the team', async () => {
    expect(divalproexId).toBeDefined();
    const body = start({ catalogueId: ids.lamotrigine, doseAmount: 25 });
    const first = await call(f.t.app, f.as.prescriber, 'POST', base, body);
    expect(first.statusCode).toBe(409);
    const warning = first
      .json<{ error: { details: { warnings: SafetyWarning[] } } }>()
      .error.details.warnings.find((w) => w.ruleId === 'lamotrigine_valproate');
    expect(warning?.labelAction).toMatch(/Halve the lamotrigine/);
    const noReason = await call(f.t.app, f.as.prescriber, 'POST', base, {
      ...body,
      safetyAnswers: [{ warningId: warning?.id, decision: 'proceed', reason: '' }],
    });
    expect(noReason.statusCode).toBe(400);
    const all = first.json<{ error: { details: { warnings: SafetyWarning[] } } }>().error.details.warnings;
    const ok = await call(f.t.app, f.as.prescriber, 'POST', base, {
      ...body,
      safetyAnswers: [
        { warningId: warning?.id, decision: 'changed', reason: 'Halved: 25 mg every other day schedule' },
        ...all
          .filter((w) => w.id !== warning?.id)
          .map((w) => ({ warningId: w.id, decision: 'proceed', reason: 'Intended' })),
      ],
    });
    expect(ok.statusCode).toBe(201);
    const read = await call(
      f.t.app,
      f.as.careManager,
      'GET',
      `${base}/${ok.json<MedicationDetail>().medication.id}`,
    );
    expect(
      read.json<MedicationDetail>().changes[0]?.safetyAnswers?.find((x) => x.warningId === warning?.id),
    ).toMatchObject({
      kind: 'interaction',
      decision: 'changed',
      reason: 'Halved: 25 mg every other day schedule',
    });
  });

  it('with valproate the lamotrigine maximum is 100 mg a day (dose change above it needs a reason)', async () => {
    const list = await call(f.t.app, f.as.prescriber, 'GET', base);
    const lamotrigine = list
      .json<{ medications: MedicationDetail['medication'][] }>()
      .medications.find((m) => m.catalogueId === ids.lamotrigine);
    const res = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      `${base}/${lamotrigine?.id ?? ''}/changes`,
      {
        action: 'change_dose',
        effectiveOn: '2026-11-20',
        doseAmount: 200,
        doseUnit: 'mg',
        schedule: { kind: 'times', times: ['08:00'], weekdays: null },
        reason: 'Titration',
      },
      { 'if-match': `"${String(lamotrigine?.version)}"` },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(
      /100 mg a day for this patient \(taking valproate\)/,
    );
  });

  it('an allergy to the same class warns (lorazepam allergy, prescribing alprazolam)', async () => {
    const entry = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      `/api/patients/${f.patient.overview.id}/medication-safety/entries`,
      {
        id: uuid(),
        kind: 'allergy',
        substance: 'Ativan',
        reaction: 'hives',
        severity: 'moderate',
        notes: null,
      },
    );
    expect(entry.statusCode).toBeLessThan(300);
    const res = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      base,
      start({ catalogueId: ids.alprazolam, doseAmount: 0.5 }),
    );
    expect(res.statusCode).toBe(409);
    const warnings = res.json<{ error: { details: { warnings: SafetyWarning[] } } }>().error.details.warnings;
    expect(warnings.map((w) => w.ruleId)).toContain('allergy_same_class');
  });
});

describe('free-text records made before issue 11', () => {
  it('a brand or salt name is linked to its catalogue entry; an unknown name stays free text', async () => {
    const db = f.t.deps.database.db;
    const row = (id: string, name: string) => ({
      id,
      clinic_id: f.therapist.clinicId,
      patient_id: f.patient.overview.id,
      catalogue_id: null,
      name,
      drug_class: null,
      form: 'tablet',
      route: 'oral',
      instructions: '',
      start_date: '2026-10-01',
      end_date: '2026-10-02',
      status: 'stopped',
      prescribed_by: f.prescriber.id,
      created_at: 0,
      updated_at: 0,
      version: 1,
    });
    const clozaril = uuid();
    const lithium = uuid();
    const unknown = uuid();
    await db
      .insertInto('medications')
      .values([
        row(clozaril, 'Clozaril'),
        row(lithium, 'Lithium carbonate ER 300 mg'),
        row(unknown, 'Agomelatine'),
      ])
      .execute();
    expect(await linkFreeTextMedications(db as never)).toBe(2);
    const linked = await db
      .selectFrom('medications')
      .select(['id', 'catalogue_id', 'drug_class'])
      .where('id', 'in', [clozaril, lithium, unknown])
      .execute();
    const byId = new Map(linked.map((m) => [m.id, m]));
    expect(byId.get(clozaril)?.catalogue_id).toBe(ids.clozapine);
    expect(byId.get(lithium)?.catalogue_id).toBe(ids.lithium);
    expect(byId.get(unknown)?.catalogue_id).toBeNull();
  });
});

describe('the prescribing form context', () => {
  it('gives the team the facts the checks use; the patient cannot read it', async () => {
    const url = `/api/patients/${f.patient.overview.id}/prescribing-context`;
    const res = await call(f.t.app, f.as.prescriber, 'GET', url);
    expect(res.statusCode).toBe(200);
    const body = res.json<PrescribingContext>();
    expect(body.context.allergies.map((a) => a.substance)).toContain('Ativan');
    expect(body.prescriptions.map((p) => p.genericName)).toContain('divalproex sodium');
    expect(body.notice).toMatch(/not a full interaction database/);
    expect((await call(f.t.app, f.as.patient, 'GET', url)).statusCode).toBe(404);
  });
});

describe('the clinic admin edits the safety data', () => {
  it('a changed maximum is marked with who and when, audited, and used by the check', async () => {
    const admin = await buildUser(f.t.deps, f.therapist.clinicId, 'admin', 'Ada Admin');
    const as = await signIn(f.t.app, admin.email, PASSWORD);
    const list = await call(f.t.app, as, 'GET', '/api/medication-catalogue?q=buspirone');
    const entry = list.json<{ entries: CatalogueEntry[] }>().entries[0];
    if (!entry?.safety?.doseLimits) throw new Error('no buspirone limits');
    const { id, version, safetyChanges: _marks, ...rest } = entry;
    const safety = {
      ...entry.safety,
      doseLimits: {
        ...entry.safety.doseLimits,
        maxima: [{ ...entry.safety.doseLimits.maxima[0], maxMgPerDay: 45 }],
      },
    };
    const res = await call(
      f.t.app,
      as,
      'PUT',
      `/api/admin/medication-catalogue/${id}`,
      { ...rest, safety },
      {
        'if-match': `"${String(version)}"`,
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json<CatalogueEntry>().safetyChanges).toEqual([
      {
        field: 'maxima',
        changedBy: { id: admin.id, name: 'Ada Admin' },
        changedAt: expect.any(Number) as number,
      },
    ]);
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'medication_catalogue.safety_edit')
      .execute();
    expect(audit).toHaveLength(1);
    const over = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      base,
      start({ catalogueId: id, doseAmount: 50 }),
    );
    expect(over.statusCode).toBe(400);
    expect(details(over)).toContain('body.doseAmount');
  });
});
