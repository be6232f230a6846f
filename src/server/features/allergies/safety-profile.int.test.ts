import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import type { SafetyEntry, SafetyProfile } from '../../../shared/medication-safety/safety-profile.js';
import { messagingFixture, uuid, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { deliverPendingEvents } from '../../platform/outbox/worker.js';
import { medicationContextFor } from './medication-context.js';

// The patient's allergies, other medicines, conditions and weight through the real routes (issue 11).
let f: MessagingFixture;
let base: string;
const ifMatch = (v: number) => ({ 'if-match': `"${String(v)}"` });

async function auditActions(action: string) {
  return f.t.deps.database.db
    .selectFrom('audit_events')
    .select(['action', 'outcome', 'actor_id', 'patient_id'])
    .where('action', '=', action)
    .execute();
}

async function entryAlerts(entryId: string) {
  const alerts = await f.t.deps.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('subject_id', '=', entryId)
    .where('type', '=', 'medication_safety_entry')
    .execute();
  const recipients = await f.t.deps.database.db
    .selectFrom('alert_recipients')
    .select('user_id')
    .where('alert_id', 'in', alerts.map((a) => a.id).concat(['none']))
    .execute();
  return { alerts, recipients: recipients.map((r) => r.user_id) };
}

beforeAll(async () => {
  f = await messagingFixture();
  base = `/api/patients/${f.patient.overview.id}/medication-safety`;
});
afterAll(() => f.t.close());

describe('medication safety profile', () => {
  it('a clinician adds an allergy: confirmed at once, by them, and audited', async () => {
    const id = uuid();
    const res = await call(f.t.app, f.as.therapist, 'POST', `${base}/entries`, {
      id,
      kind: 'allergy',
      substance: 'Penicillin',
      reaction: 'Hives',
      severity: 'moderate',
    });
    expect(res.statusCode).toBe(201);
    const entry = res.json<SafetyEntry>();
    expect(entry).toMatchObject({
      id,
      kind: 'allergy',
      substance: 'Penicillin',
      status: 'confirmed',
      notes: null,
      enteredBy: { id: f.therapist.id, name: 'Tess Therapist', role: 'therapist' },
      reviewedBy: { id: f.therapist.id },
    });
    // A retry with the same id returns the first entry, never a second one.
    const again = await call(f.t.app, f.as.therapist, 'POST', `${base}/entries`, {
      id,
      kind: 'allergy',
      substance: 'Penicillin',
      reaction: 'Hives',
      severity: 'moderate',
    });
    expect(again.statusCode).toBe(200);
    const profile = (await call(f.t.app, f.as.prescriber, 'GET', base)).json<SafetyProfile>();
    expect(profile.entries.filter((e) => e.id === id)).toHaveLength(1);
    const audited = await auditActions('medication_safety.add');
    expect(audited).toContainEqual({
      action: 'medication_safety.add',
      outcome: 'allowed',
      actor_id: f.therapist.id,
      patient_id: f.patient.overview.id,
    });
  });

  it('the patient adds an other medicine: pending, matched to the dictionary, then confirmed by a clinician', async () => {
    const id = uuid();
    const res = await call(f.t.app, f.as.patient, 'POST', `${base}/entries`, {
      id,
      kind: 'other_medicine',
      name: 'Advil 200mg',
      doseText: 'two tablets when my back hurts',
    });
    expect(res.statusCode).toBe(201);
    const entry = res.json<SafetyEntry>();
    expect(entry).toMatchObject({ status: 'pending', reviewedBy: null, enteredBy: { role: 'patient' } });
    expect(entry.kind === 'other_medicine' && entry.match).toMatchObject({
      id: 'ibuprofen',
      classes: ['nsaid'],
    });

    const pendingContext = await medicationContextFor(
      f.t.deps.database.db,
      f.patient.user.clinicId,
      f.patient.overview.id,
      f.t.clock.now(),
    );
    expect(pendingContext.otherMedicines).toEqual([]);
    expect(pendingContext.pendingOtherMedicines).toEqual([
      { name: 'Advil 200mg', matchedId: 'ibuprofen', matchedName: 'ibuprofen', classes: ['nsaid'] },
    ]);

    // The prescriber is asked to confirm it (routine: not a severe allergy).
    await deliverPendingEvents(f.t.deps);
    const asked = await entryAlerts(id);
    expect(asked.alerts).toMatchObject([{ severity: 'routine', state: 'open' }]);
    expect(asked.alerts[0]?.details).toContain(
      'Advil 200mg, two tablets when my back hurts (checked as ibuprofen)',
    );
    expect(asked.recipients).toEqual([f.prescriber.id]);

    // The patient cannot confirm their own entry (a care-team route: 404 like a stranger's).
    expect(
      (await call(f.t.app, f.as.patient, 'POST', `${base}/entries/${id}/confirm`, undefined, ifMatch(1)))
        .statusCode,
    ).toBe(404);
    const confirm = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      `${base}/entries/${id}/confirm`,
      undefined,
      ifMatch(1),
    );
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json<SafetyEntry>()).toMatchObject({
      status: 'confirmed',
      version: 2,
      reviewedBy: { id: f.prescriber.id, name: 'Pete Prescriber' },
      reviewedAt: f.t.clock.now(),
    });
    // Confirming closes the alert.
    expect((await entryAlerts(id)).alerts).toMatchObject([{ state: 'resolved' }]);
    const context = await medicationContextFor(
      f.t.deps.database.db,
      f.patient.user.clinicId,
      f.patient.overview.id,
      f.t.clock.now(),
    );
    expect(context.otherMedicines.map((m) => m.matchedId)).toEqual(['ibuprofen']);
    expect(context.pendingOtherMedicines).toEqual([]);
    // Confirmed now: the patient may no longer change it.
    const edit = await call(
      f.t.app,
      f.as.patient,
      'PUT',
      `${base}/entries/${id}`,
      { kind: 'other_medicine', name: 'Aleve' },
      ifMatch(2),
    );
    expect(edit.statusCode).toBe(403);
  });

  it('a clinician rejects a pending entry with a reason the patient sees; a second review is refused', async () => {
    const id = uuid();
    await call(f.t.app, f.as.patient, 'POST', `${base}/entries`, {
      id,
      kind: 'allergy',
      substance: 'Sertraline',
      reaction: 'Felt sick',
      severity: 'mild',
    });
    const noReason = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      `${base}/entries/${id}/reject`,
      { reason: ' ' },
      ifMatch(1),
    );
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json())).toContain('body.reason');
    const reject = await call(
      f.t.app,
      f.as.prescriber,
      'POST',
      `${base}/entries/${id}/reject`,
      { reason: 'Nausea is a side effect, not an allergy; recorded under side effects.' },
      ifMatch(1),
    );
    expect(reject.statusCode).toBe(200);
    const mine = (await call(f.t.app, f.as.patient, 'GET', base)).json<SafetyProfile>();
    expect(mine.entries.find((e) => e.id === id)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Nausea is a side effect, not an allergy; recorded under side effects.',
    });
    const twice = await call(
      f.t.app,
      f.as.therapist,
      'POST',
      `${base}/entries/${id}/confirm`,
      undefined,
      ifMatch(2),
    );
    expect(twice.statusCode).toBe(409);
    const context = await medicationContextFor(
      f.t.deps.database.db,
      f.patient.user.clinicId,
      f.patient.overview.id,
      f.t.clock.now(),
    );
    expect(context.allergies.map((a) => a.substance)).not.toContain('Sertraline');
    expect(context.pendingAllergies.map((a) => a.substance)).not.toContain('Sertraline');
  });

  it('refuses bad input at its field and changes nothing', async () => {
    const before = (await call(f.t.app, f.as.therapist, 'GET', base)).json<SafetyProfile>().entries.length;
    const cases: [unknown, string][] = [
      [{ id: uuid(), kind: 'allergy', substance: '', reaction: 'Rash', severity: 'mild' }, 'body.substance'],
      [
        { id: uuid(), kind: 'allergy', substance: 'Latex', reaction: 'Rash', severity: 'deadly' },
        'body.severity',
      ],
      [{ id: uuid(), kind: 'condition', condition: 'gout' }, 'body.condition'],
      [{ id: 'not-a-uuid', kind: 'other_medicine', name: 'Zofran' }, 'body.id'],
      [{ id: uuid(), kind: 'other_medicine', name: 'x'.repeat(201) }, 'body.name'],
    ];
    for (const [body, path] of cases) {
      const res = await call(f.t.app, f.as.therapist, 'POST', `${base}/entries`, body);
      expect(res.statusCode, path).toBe(400);
      const details = res.json<{ error: { details: { path: string }[] } }>().error.details;
      expect(details.map((d) => d.path)).toContain(path);
    }
    for (const weightKg of [0, 1.5, 700, 70.25]) {
      const res = await call(f.t.app, f.as.prescriber, 'PUT', `${base}/weight`, { weightKg }, ifMatch(0));
      expect(res.statusCode, String(weightKg)).toBe(400);
      expect(res.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
        'body.weightKg',
      );
    }
    const after = (await call(f.t.app, f.as.therapist, 'GET', base)).json<SafetyProfile>();
    expect(after.entries.length).toBe(before);
    expect(after.weight).toBeNull();
  });

  it('weight and conditions reach the prescribing context; If-Match guards the weight', async () => {
    const first = await call(
      f.t.app,
      f.as.prescriber,
      'PUT',
      `${base}/weight`,
      { weightKg: 72.5 },
      ifMatch(0),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json<SafetyProfile>()).toMatchObject({
      version: 1,
      weight: { kg: 72.5, recordedBy: { id: f.prescriber.id } },
    });
    expect((await call(f.t.app, f.as.prescriber, 'PUT', `${base}/weight`, { weightKg: 73 })).statusCode).toBe(
      428,
    );
    const stale = await call(f.t.app, f.as.therapist, 'PUT', `${base}/weight`, { weightKg: 80 }, ifMatch(0));
    expect(stale.statusCode).toBe(412);
    // The patient may not record a weight (care-team route).
    expect(
      (await call(f.t.app, f.as.patient, 'PUT', `${base}/weight`, { weightKg: 60 }, ifMatch(1))).statusCode,
    ).toBe(404);

    await call(f.t.app, f.as.prescriber, 'POST', `${base}/entries`, {
      id: uuid(),
      kind: 'condition',
      condition: 'seizure_disorder',
    });
    await call(f.t.app, f.as.patient, 'POST', `${base}/entries`, {
      id: uuid(),
      kind: 'condition',
      condition: 'smoker',
    });
    const context = await medicationContextFor(
      f.t.deps.database.db,
      f.patient.user.clinicId,
      f.patient.overview.id,
      f.t.clock.now(),
    );
    expect(context.weightKg).toBe(72.5);
    expect(context.conditions).toEqual(['seizure_disorder']); // the patient's "smoker" is still pending
    expect(context.allergies.map((a) => a.substance)).toEqual(['Penicillin']);
    // Born 1990-05-17; the fixture's day is 2026-11-02 in Chicago.
    expect(context.ageYears).toBe(36);
  });

  it('the patient edits and removes their own pending entry; clinicians edit with If-Match', async () => {
    const id = uuid();
    await call(f.t.app, f.as.patient, 'POST', `${base}/entries`, {
      id,
      kind: 'other_medicine',
      name: 'Imitrex',
    });
    const edited = await call(
      f.t.app,
      f.as.patient,
      'PUT',
      `${base}/entries/${id}`,
      { kind: 'other_medicine', name: 'Imitrex', doseText: '50 mg when a migraine starts' },
      ifMatch(1),
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json<SafetyEntry>()).toMatchObject({
      version: 2,
      status: 'pending',
      doseText: '50 mg when a migraine starts',
    });
    const wrongKind = await call(
      f.t.app,
      f.as.patient,
      'PUT',
      `${base}/entries/${id}`,
      { kind: 'condition', condition: 'smoker' },
      ifMatch(2),
    );
    expect(wrongKind.statusCode).toBe(400);
    expect(JSON.stringify(wrongKind.json())).toContain('body.kind');
    const stale = await call(f.t.app, f.as.patient, 'DELETE', `${base}/entries/${id}`, undefined, ifMatch(1));
    expect(stale.statusCode).toBe(412);
    expect(
      (await call(f.t.app, f.as.patient, 'DELETE', `${base}/entries/${id}`, undefined, ifMatch(2)))
        .statusCode,
    ).toBe(204);
    const after = (await call(f.t.app, f.as.prescriber, 'GET', base)).json<SafetyProfile>();
    expect(after.entries.map((e) => e.id)).not.toContain(id);
    // The row is kept, marked removed, for the history.
    const row = await f.t.deps.database.db
      .selectFrom('medication_safety_entries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toMatchObject({ status: 'removed', removed_by: f.patient.user.id });

    // A clinician's own entry cannot be removed by the patient.
    const penicillin = after.entries.find((e) => e.kind === 'allergy' && e.substance === 'Penicillin');
    expect(
      (
        await call(
          f.t.app,
          f.as.patient,
          'DELETE',
          `${base}/entries/${penicillin?.id ?? ''}`,
          undefined,
          ifMatch(1),
        )
      ).statusCode,
    ).toBe(403);
    const careManagerEdit = await call(
      f.t.app,
      f.as.careManager,
      'PUT',
      `${base}/entries/${penicillin?.id ?? ''}`,
      {
        kind: 'allergy',
        substance: 'Penicillin',
        reaction: 'Hives and swollen lips',
        severity: 'severe',
        notes: 'Amoxicillin too',
      },
      ifMatch(1),
    );
    expect(careManagerEdit.statusCode).toBe(200);
    expect(careManagerEdit.json<SafetyEntry>()).toMatchObject({
      status: 'confirmed',
      severity: 'severe',
      version: 2,
    });
  });

  it('taking "current smoker" off the record of a patient on clozapine alerts the prescriber', async () => {
    // Clozapine typed as a brand with its dose, outside the catalogue: still recognised.
    const now = f.t.clock.now();
    await f.t.deps.database.db
      .insertInto('medications')
      .values({
        id: uuid(),
        clinic_id: f.patient.user.clinicId,
        patient_id: f.patient.overview.id,
        catalogue_id: null,
        name: 'Clozaril 100 mg',
        drug_class: null,
        form: 'tablet',
        route: 'oral',
        instructions: '',
        start_date: '2026-09-01',
        end_date: null,
        status: 'active',
        prescribed_by: f.prescriber.id,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    const id = uuid();
    await call(f.t.app, f.as.prescriber, 'POST', `${base}/entries`, {
      id,
      kind: 'condition',
      condition: 'smoker',
    });
    const ctx = () =>
      medicationContextFor(
        f.t.deps.database.db,
        f.patient.user.clinicId,
        f.patient.overview.id,
        f.t.clock.now(),
      );
    expect((await ctx()).conditions).toContain('smoker');
    expect((await ctx()).stoppedSmokingAt).toBeNull();
    f.t.clock.set(now + 60_000);
    const removed = await call(
      f.t.app,
      f.as.prescriber,
      'DELETE',
      `${base}/entries/${id}`,
      undefined,
      ifMatch(1),
    );
    expect(removed.statusCode).toBe(204);
    await deliverPendingEvents(f.t.deps);
    const alerts = await f.t.deps.database.db
      .selectFrom('alerts')
      .select(['severity', 'details'])
      .where('type', '=', 'smoking_stopped_on_clozapine')
      .execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'high' });
    expect(alerts[0]?.details).toContain('Clozaril 100 mg');
    const after = await ctx();
    expect(after.conditions).not.toContain('smoker');
    expect(after.stoppedSmokingAt).toBe(now + 60_000);
    f.t.clock.set(now);
  });

  it("answers 404 for another team's patient and for another patient's entry, and audits the refusal", async () => {
    const otherBase = `/api/patients/${f.otherPatient.overview.id}/medication-safety`;
    expect((await call(f.t.app, f.as.prescriber, 'GET', otherBase)).statusCode).toBe(404);
    expect(
      (
        await call(f.t.app, f.as.prescriber, 'POST', `${otherBase}/entries`, {
          id: uuid(),
          kind: 'other_medicine',
          name: 'Zofran',
        })
      ).statusCode,
    ).toBe(404);
    expect((await call(f.t.app, f.as.patient, 'GET', otherBase)).statusCode).toBe(404);
    // The gate refuses before the use case, as for every patient route: audited as a denied access.
    const denied = (await auditActions('patient.access')).filter((a) => a.outcome === 'denied');
    expect(denied).toContainEqual({
      action: 'patient.access',
      outcome: 'denied',
      actor_id: f.prescriber.id,
      patient_id: f.otherPatient.overview.id,
    });

    // The other patient's own entry is not reachable through my patient's record.
    const theirs = uuid();
    const added = await call(f.t.app, f.as.otherPatient, 'POST', `${otherBase}/entries`, {
      id: theirs,
      kind: 'other_medicine',
      name: 'Cipro',
    });
    expect(added.statusCode).toBe(201);
    expect(
      (
        await call(
          f.t.app,
          f.as.prescriber,
          'POST',
          `${base}/entries/${theirs}/confirm`,
          undefined,
          ifMatch(1),
        )
      ).statusCode,
    ).toBe(404);
    // Reusing their id on my record is a conflict, not a leak of their entry.
    const clash = await call(f.t.app, f.as.patient, 'POST', `${base}/entries`, {
      id: theirs,
      kind: 'other_medicine',
      name: 'Cipro',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).not.toContain(f.otherPatient.overview.id);
  });
});
