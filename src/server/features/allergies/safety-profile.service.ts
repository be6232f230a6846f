import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { resolveAlertsForSubject } from '../alerts/index.js';
import { conditionLabels } from '../../../shared/medication-safety/safety-profile.js';
import { otherMedicineMatch } from '../../../shared/medication-safety/other-medicines.js';
import { resolveMedicationName } from '../../../shared/medication-safety/names.js';
import { isClinician } from '../../../shared/access/roles.js';
import type {
  NewSafetyEntry,
  SafetyEntry,
  SafetyEntryDetails,
  SafetyProfile,
} from '../../../shared/medication-safety/safety-profile.js';
import * as repo from './safety-profile.repository.js';
import { peopleOf, toEntry, toProfile } from './safety-profile.mapper.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

// The patient's allergies, other medicines, conditions and weight (issue 11). A clinician on the care
// team enters confirmed facts; the patient's own entries are pending until a clinician confirms or
// rejects them (product policy, docs/clinical-rules.md). Every use case runs in withPatientRecord (the read in readPatientRecord, issue 19).

const entryAction = (action: string, entryId?: string) => ({
  action: `medication_safety.${action}`,
  resourceType: 'medication_safety_entry',
  ...(entryId ? { resourceId: entryId } : {}),
});

async function entryView(trx: Db, clinicId: string, row: repo.SafetyEntryRow): Promise<SafetyEntry> {
  return toEntry(row, await repo.namesOf(trx, clinicId, peopleOf([row])));
}

async function loadProfile(trx: Db, clinicId: string, patientId: string): Promise<SafetyProfile> {
  const [rows, profile] = await Promise.all([
    repo.entriesOfPatient(trx, clinicId, patientId),
    repo.findProfile(trx, clinicId, patientId),
  ]);
  const names = await repo.namesOf(trx, clinicId, peopleOf(rows, profile));
  return toProfile(patientId, rows, profile, names);
}

/** The entry of this patient, or 404 (another patient's id answers like an unknown one). */
async function entryOf(trx: Db, actor: Actor, patientId: string, entryId: string) {
  const row = await repo.findEntryById(trx, entryId);
  if (row?.clinic_id !== actor.clinicId || row.patient_id !== patientId || row.status === 'removed')
    throw notFound('Entry');
  return row;
}

async function staleEntry(trx: Db, clinicId: string, row: repo.SafetyEntryRow): Promise<AppError> {
  const current = await repo.findEntryById(trx, row.id);
  return new AppError(
    'precondition_failed',
    'Someone changed this entry after you opened it. Review their change and try again.',
    { current: current ? await entryView(trx, clinicId, current) : null },
  );
}

/** Names of the patient's current medications that are clozapine (catalogue entry, brand or free text). */
async function clozapineTaken(trx: Db, clinicId: string, patientId: string, now: number): Promise<string[]> {
  const patient = await patientBasics(trx, clinicId, patientId);
  if (!patient) return [];
  const today = localDate(now, patient.timeZone);
  const meds = await repo.unstoppedMedications(trx, clinicId, patientId);
  return meds
    .filter((m) => m.start_date <= today && (m.end_date === null || m.end_date >= today))
    .filter(
      (m) =>
        m.generic_name?.toLowerCase() === 'clozapine' ||
        resolveMedicationName(m.name, ['clozapine'])?.genericName === 'clozapine',
    )
    .map((m) => m.name);
}

/** The "confirm or not" alert is done once someone confirmed, rejected or removed the entry. */
async function closeAlerts(trx: Db, deps: AppDeps, actor: Actor, entryId: string, note: string) {
  await resolveAlertsForSubject(trx, deps, {
    clinicId: actor.clinicId,
    subjectId: entryId,
    note,
    byUserId: actor.userId,
  });
}

/** Columns for one entry's details (the kind decides which are used). */
function detailColumns(d: SafetyEntryDetails) {
  if (d.kind === 'allergy')
    return { name: d.substance, reaction: d.reaction, severity: d.severity, dose_text: null, notes: d.notes };
  if (d.kind === 'other_medicine')
    return { name: d.name, reaction: null, severity: null, dose_text: d.doseText, notes: d.notes };
  return { name: d.condition, reaction: null, severity: null, dose_text: null, notes: d.notes };
}

/** The patient's entry in clinicians' words, for the alert. */
function summaryOf(d: SafetyEntryDetails): string {
  if (d.kind === 'allergy') return `${d.substance}: ${d.reaction} (${d.severity})`;
  if (d.kind === 'condition') return conditionLabels[d.condition].clinician;
  const match = otherMedicineMatch(d.name);
  const dose = d.doseText ? `, ${d.doseText}` : '';
  return `${d.name}${dose} (${match ? `checked as ${match.name}` : "not in Duet's checked list"})`;
}

export function getProfile(deps: AppDeps, actor: Actor, patientId: string): Promise<SafetyProfile> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'medication_safety.read', resourceType: 'medication_safety_profile' },
    (trx) => loadProfile(trx, actor.clinicId, patientId),
  );
}

/**
 * Adds an allergy, other medicine or condition. A clinician's entry is confirmed at once (by them); the
 * patient's is pending. Idempotent on the client's id: a retry returns the first entry.
 */
export function addEntry(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewSafetyEntry,
): Promise<{ entry: SafetyEntry; created: boolean }> {
  return withPatientRecord(deps, actor, patientId, entryAction('add', input.id), async (trx) => {
    const retry = async () => {
      const existing = await repo.findEntryById(trx, input.id);
      if (existing?.clinic_id !== actor.clinicId || existing.patient_id !== patientId)
        throw new AppError('conflict', 'This entry id is already used. Send a new id.', [
          { path: 'body.id', message: 'Already used' },
        ]);
      return { entry: await entryView(trx, actor.clinicId, existing), created: false };
    };
    if (await repo.findEntryById(trx, input.id)) return retry();
    const now = deps.clock.now();
    const byClinician = isClinician(actor.role);
    const row: repo.SafetyEntryRow = {
      id: input.id,
      clinic_id: actor.clinicId,
      patient_id: patientId,
      kind: input.kind,
      ...detailColumns(input),
      status: byClinician ? 'confirmed' : 'pending',
      entered_by: actor.userId,
      entered_by_role: actor.role,
      entered_at: now,
      reviewed_by: byClinician ? actor.userId : null,
      reviewed_at: byClinician ? now : null,
      rejection_reason: null,
      removed_by: null,
      removed_at: null,
      version: 1,
      updated_at: now,
    };
    if (!(await repo.insertEntry(trx, row))) return retry(); // a concurrent retry won the race
    if (!byClinician)
      await emitEvent(trx, deps.clock, {
        type: 'medication_safety.patient_entry_added',
        clinicId: actor.clinicId,
        patientId,
        payload: {
          entryId: input.id,
          kind: input.kind,
          summary: summaryOf(input),
          severe: input.kind === 'allergy' && input.severity === 'severe',
        },
      });
    return { entry: await entryView(trx, actor.clinicId, row), created: true };
  });
}

/** The patient may change or remove only their own entry while it waits for the team. */
function assertPatientMayChange(actor: Actor, row: repo.SafetyEntryRow, verb: string): void {
  if (actor.role !== 'patient') return;
  if (row.entered_by !== actor.userId || row.status !== 'pending')
    throw new AppError(
      'forbidden',
      `Your care team has already looked at this entry. Tell them if it should ${verb}.`,
    );
}

export function editEntry(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  entryId: string,
  expectedVersion: number,
  details: SafetyEntryDetails,
): Promise<SafetyEntry> {
  return withPatientRecord(deps, actor, patientId, entryAction('edit', entryId), async (trx) => {
    const row = await entryOf(trx, actor, patientId, entryId);
    const stale = () => staleEntry(trx, actor.clinicId, row);
    if (row.version !== expectedVersion) throw await stale();
    assertPatientMayChange(actor, row, 'change');
    if (details.kind !== row.kind)
      throw new AppError('validation_failed', 'An entry keeps its kind; remove it and add a new one.', [
        {
          path: 'body.kind',
          message: `This entry is a${row.kind === 'allergy' ? 'n' : ''} ${row.kind.replace('_', ' ')}`,
        },
      ]);
    if (row.status === 'rejected')
      throw new AppError('conflict', 'A rejected entry is closed. Add a new entry instead.');
    const now = deps.clock.now();
    if (
      !(await repo.updateEntry(trx, actor.clinicId, entryId, expectedVersion, {
        ...detailColumns(details),
        updated_at: now,
      }))
    )
      throw await stale();
    const updated = await entryOf(trx, actor, patientId, entryId);
    return entryView(trx, actor.clinicId, updated);
  });
}

/** Removes an entry from the record (kept, marked removed, for the history). */
export function removeEntry(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  entryId: string,
  expectedVersion: number,
): Promise<void> {
  return withPatientRecord(deps, actor, patientId, entryAction('remove', entryId), async (trx) => {
    const row = await entryOf(trx, actor, patientId, entryId);
    const stale = () => staleEntry(trx, actor.clinicId, row);
    if (row.version !== expectedVersion) throw await stale();
    assertPatientMayChange(actor, row, 'be removed');
    const now = deps.clock.now();
    const fields = { status: 'removed', removed_by: actor.userId, removed_at: now, updated_at: now };
    if (!(await repo.updateEntry(trx, actor.clinicId, entryId, expectedVersion, fields))) throw await stale();
    await closeAlerts(trx, deps, actor, entryId, 'The entry was removed.');
    if (row.kind === 'condition' && row.name === 'smoker' && row.status === 'confirmed')
      await emitEvent(trx, deps.clock, {
        type: 'medication_safety.smoking_stopped',
        clinicId: actor.clinicId,
        patientId,
        payload: { entryId, clozapineNames: await clozapineTaken(trx, actor.clinicId, patientId, now) },
      });
  });
}

/** A clinician on the team confirms or rejects the patient's pending entry. */
export function reviewEntry(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  entryId: string,
  expectedVersion: number,
  decision: { confirm: true } | { confirm: false; reason: string },
): Promise<SafetyEntry> {
  const action = decision.confirm ? 'confirm' : 'reject';
  return withPatientRecord(deps, actor, patientId, entryAction(action, entryId), async (trx) => {
    const row = await entryOf(trx, actor, patientId, entryId);
    const stale = () => staleEntry(trx, actor.clinicId, row);
    if (row.version !== expectedVersion) throw await stale();
    if (row.status !== 'pending')
      throw new AppError(
        'conflict',
        `This entry is already ${row.status}; only pending entries are reviewed.`,
        {
          current: await entryView(trx, actor.clinicId, row),
        },
      );
    const now = deps.clock.now();
    const fields = {
      status: decision.confirm ? 'confirmed' : 'rejected',
      reviewed_by: actor.userId,
      reviewed_at: now,
      rejection_reason: decision.confirm ? null : decision.reason,
      updated_at: now,
    };
    if (!(await repo.updateEntry(trx, actor.clinicId, entryId, expectedVersion, fields))) throw await stale();
    await closeAlerts(trx, deps, actor, entryId, decision.confirm ? 'Confirmed.' : 'Not confirmed.');
    return entryView(trx, actor.clinicId, await entryOf(trx, actor, patientId, entryId));
  });
}

/** Records the body weight (valproate is dosed per kg). Clinicians only. */
export function setWeight(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  expectedVersion: number,
  weightKg: number,
): Promise<SafetyProfile> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'medication_safety.weight', resourceType: 'medication_safety_profile' },
    async (trx) => {
      const stale = async () =>
        new AppError(
          'precondition_failed',
          'Someone changed the weight after you opened it. Review their change and try again.',
          { current: await loadProfile(trx, actor.clinicId, patientId) },
        );
      const now = deps.clock.now();
      const fields = {
        weight_kg: weightKg,
        weight_recorded_by: actor.userId,
        weight_recorded_at: now,
        updated_at: now,
      };
      const current = await repo.findProfile(trx, actor.clinicId, patientId);
      const done =
        (current?.version ?? 0) !== expectedVersion
          ? false
          : current
            ? await repo.updateProfile(trx, actor.clinicId, patientId, expectedVersion, fields)
            : await repo.insertProfile(trx, {
                patient_id: patientId,
                clinic_id: actor.clinicId,
                ...fields,
                version: 1,
              });
      if (!done) throw await stale();
      return loadProfile(trx, actor.clinicId, patientId);
    },
  );
}
