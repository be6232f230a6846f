import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, createTestContext, type TestContext } from '../../testing/test-app.js';
import {
  agreeFirstVersion,
  body,
  buildPlanWorld,
  ifMatch,
  sign,
  startFromTemplate,
  type PlanWorld,
  type VersionBody,
} from './plan.test-kit.js';
import { PLAN_ATTESTATION } from '../../../shared/treatment-plans/api-schemas.js';
import type { MedicationDetail } from '../../../shared/medications/schemas.js';

// Issue 15: the plan links the patient's medication records and says when they no longer agree; signing asks
// for the attestation. TEST_NOW is 2 Nov 2026 (the patient's zone is America/Chicago).

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

interface Differences {
  agreedMedicationDifferences: { kind: string; name: string; words: string }[];
  draftMedicationDifferences: { kind: string; name: string; words: string }[];
}
const overview = async (w: PlanWorld) =>
  (await call(t.app, w.ps, 'GET', w.planUrl)).json<{ plan: Differences }>().plan;

async function prescribe(w: PlanWorld, name: string, doseAmount: number): Promise<MedicationDetail> {
  const res = await call(t.app, w.ps, 'POST', `/api/patients/${w.patient.overview.id}/medications`, {
    id: randomUUID(),
    catalogueId: null,
    name,
    form: 'tablet',
    route: 'oral',
    instructions: '',
    startDate: '2026-11-02',
    endDate: null,
    doseAmount,
    doseUnit: 'mg',
    schedule: { kind: 'times', times: ['08:00'], weekdays: null },
    reason: 'Depression',
    steps: [],
  });
  if (res.statusCode !== 201) throw new Error(`prescribe failed: ${res.body}`);
  return res.json<MedicationDetail>();
}

const medicationPart = (links: { medicationId: string; intent?: string; note?: string }[]) => ({
  strategy: 'Keep the current medicines; review the dose at week 4.',
  medicationIds: [],
  linked: links,
  toStart: [],
});

async function agreeWithBoth(w: PlanWorld, v: VersionBody): Promise<VersionBody> {
  expect((await sign(t, w, w.ts, v)).statusCode).toBe(200);
  const res = await sign(t, w, w.ps, v);
  expect(res.statusCode).toBe(200);
  return body(res);
}

describe('the plan and the prescriptions agree', () => {
  it('links records with a server snapshot, reports a later change until the plan is updated', async () => {
    const w = await buildPlanWorld(t);
    const sertraline = await prescribe(w, 'Sertraline', 50);
    const v1 = await startFromTemplate(t, w);

    // Only this patient's records can be linked; the error names the field.
    const foreign = await call(
      t.app,
      w.ps,
      'PATCH',
      `${w.planUrl}/draft`,
      { medication: medicationPart([{ medicationId: 'not-a-record' }]) },
      ifMatch(v1),
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.medication.linked[0].medicationId',
    );

    // A snapshot sent by the client is replaced by the record as it is.
    const forged = { name: 'Forged', takenOn: '2026-01-01', dose: '1 mg', schedule: '', steps: '' };
    const linked = await call(
      t.app,
      w.ps,
      'PATCH',
      `${w.planUrl}/draft`,
      {
        medication: medicationPart([
          {
            medicationId: sertraline.medication.id,
            intent: 'change_dose',
            note: 'Aim for 100 mg at week 4',
            ...{
              snapshot: { ...forged, endDate: null, status: 'active', recordVersion: 9, recordUpdatedAt: 1 },
            },
          },
        ]),
      },
      ifMatch(v1),
    );
    expect(linked.statusCode).toBe(200);
    const draft = body(linked);
    expect(draft.content.medication.medicationIds).toEqual([sertraline.medication.id]);
    expect(draft.content.medication.linked[0]).toMatchObject({
      intent: 'change_dose',
      note: 'Aim for 100 mg at week 4',
      snapshot: {
        name: 'Sertraline',
        takenOn: '2026-11-02',
        dose: '50 mg',
        schedule: '08:00 every day',
        recordVersion: sertraline.medication.version,
      },
    });
    await agreeWithBoth(w, draft);
    expect((await overview(w)).agreedMedicationDifferences).toEqual([]);

    // The prescriber changes the dose and starts a second medicine: the agreed plan now differs.
    const changed = await call(
      t.app,
      w.ps,
      'POST',
      `/api/patients/${w.patient.overview.id}/medications/${sertraline.medication.id}/changes`,
      {
        action: 'change_dose',
        effectiveOn: '2026-11-02',
        doseAmount: 100,
        doseUnit: 'mg',
        schedule: { kind: 'times', times: ['08:00'], weekdays: null },
        reason: 'Partial response',
      },
      ifMatch(sertraline.medication),
    );
    expect(changed.statusCode).toBe(200);
    const hydroxyzine = await prescribe(w, 'Hydroxyzine', 25);
    const differs = (await overview(w)).agreedMedicationDifferences;
    expect(differs.map((d) => [d.kind, d.name])).toEqual([
      ['dose_changed', 'Sertraline'],
      ['not_in_plan', 'Hydroxyzine'],
    ]);
    expect(differs[0]?.words).toBe('Sertraline: the plan has 50 mg; now 100 mg (as the plan intended).');

    // The patient is told in plain words too.
    const view = await call(t.app, w.pt, 'GET', `${w.planUrl}/patient-view`);
    expect(view.json<{ view: { medicationNotice: string | null } }>().view.medicationNotice).toMatch(
      /Your medicines have changed since this plan was agreed/,
    );

    // A new version copies the old links, so it differs too until the prescriber updates the medication part.
    const v2 = body(
      await call(t.app, w.ts, 'POST', `${w.planUrl}/draft`, { reason: 'Dose raised; hydroxyzine added' }),
    );
    expect((await overview(w)).draftMedicationDifferences).toHaveLength(2);
    // "Take the records as they are now": the same medication part saved again takes the changed record anew.
    const retaken = await call(
      t.app,
      w.ps,
      'PATCH',
      `${w.planUrl}/draft`,
      { medication: v2.content.medication },
      ifMatch(v2),
    );
    expect(retaken.statusCode).toBe(200);
    expect(body(retaken).content.medication.linked[0]?.snapshot).toMatchObject({ dose: '100 mg' });
    expect((await overview(w)).draftMedicationDifferences.map((d) => d.kind)).toEqual(['not_in_plan']);
    const updated = await call(
      t.app,
      w.ps,
      'PATCH',
      `${w.planUrl}/draft`,
      {
        medication: medicationPart([
          { medicationId: sertraline.medication.id, intent: 'continue' },
          { medicationId: hydroxyzine.medication.id, note: 'As needed for anxiety' },
        ]),
      },
      ifMatch(body(retaken)),
    );
    expect(updated.statusCode).toBe(200);
    expect(body(updated).content.medication.linked[0]?.snapshot).toMatchObject({ dose: '100 mg' });
    expect((await overview(w)).draftMedicationDifferences).toEqual([]);
    await agreeWithBoth(w, body(updated));
    expect((await overview(w)).agreedMedicationDifferences).toEqual([]);
    const after = await call(t.app, w.pt, 'GET', `${w.planUrl}/patient-view`);
    expect(after.json<{ view: { medicationNotice: string | null } }>().view.medicationNotice).toBeNull();
  });

  it('saving the medication part again with nothing changed is no edit', async () => {
    const w = await buildPlanWorld(t);
    const med = await prescribe(w, 'Bupropion', 150);
    const v1 = await startFromTemplate(t, w);
    const part = medicationPart([{ medicationId: med.medication.id }]);
    const first = body(
      await call(t.app, w.ps, 'PATCH', `${w.planUrl}/draft`, { medication: part }, ifMatch(v1)),
    );
    const again = body(
      await call(t.app, w.ps, 'PATCH', `${w.planUrl}/draft`, { medication: part }, ifMatch(first)),
    );
    expect(again.version).toBe(first.version);
  });
});

describe('signing asks for the attestation', () => {
  it('refuses a signature without it (400 at body.attested), stores and shows it with one', async () => {
    const w = await buildPlanWorld(t);
    const v1 = await startFromTemplate(t, w);
    for (const payload of [undefined, {}, { attested: false }]) {
      const refused = await call(t.app, w.ts, 'POST', `${w.planUrl}/draft/sign`, payload, ifMatch(v1));
      expect(refused.statusCode).toBe(400);
      const { error } = refused.json<{
        error: { code: string; details: { path: string; message: string }[] };
      }>();
      expect(error.code).toBe('validation_failed');
      expect(error.details).toEqual([
        {
          path: 'body.attested',
          message: 'Tick the statement to confirm it: a plan is signed only with it.',
        },
      ]);
    }
    expect(body(await call(t.app, w.ts, 'GET', `${w.planUrl}/versions/1`)).signatures).toEqual([]);

    const signed = body(await sign(t, w, w.ts, v1));
    expect(signed.signatures).toEqual([
      expect.objectContaining({ userId: w.therapist.id, valid: true, attestation: PLAN_ATTESTATION }),
    ]);
    const row = await t.deps.database.db
      .selectFrom('treatment_plan_signatures')
      .select(['attestation', 'attested_at', 'signed_at'])
      .where('version_id', '=', v1.id)
      .executeTakeFirstOrThrow();
    expect(row.attestation).toBe(PLAN_ATTESTATION);
    expect(row.attested_at).toEqual(row.signed_at);

    const history = (await call(t.app, w.ps, 'GET', `${w.planUrl}/history`)).json<{
      entries: { action: string; reason: string | null; by: { userId: string } }[];
    }>().entries;
    expect(history.find((e) => e.action === 'signed')).toMatchObject({
      reason: PLAN_ATTESTATION,
      by: { userId: w.therapist.id },
    });
    const audited = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'outcome'])
      .where('patient_id', '=', w.patient.overview.id)
      .where('action', '=', 'plan.sign')
      .execute();
    expect(audited).toEqual([{ action: 'plan.sign', actor_id: w.therapist.id, outcome: 'allowed' }]);
  });

  it('an agreed plan carries both attestations', async () => {
    const w = await buildPlanWorld(t);
    const agreed = await agreeFirstVersion(t, w);
    expect(agreed.status).toBe('agreed');
    expect(agreed.signatures.map((s) => s.attestation)).toEqual([PLAN_ATTESTATION, PLAN_ATTESTATION]);
  });
});
