import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type {
  AllergySeverity,
  MedicationSafetyContext,
  PrescribingCondition,
  SafetyAllergy,
  SafetyOtherMedicine,
} from '../../../shared/medication-safety/context.js';
import { prescribingConditions } from '../../../shared/medication-safety/context.js';
import { otherMedicineMatch } from '../../../shared/medication-safety/other-medicines.js';
import { ageOnDay } from '../../../shared/medication-safety/age.js';
import * as repo from './safety-profile.repository.js';
import { clinicOtherNames } from '../clinic-safety-data/index.js';
import type { ClinicOtherName } from '../../../shared/medication-safety/names.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

const allergyOf = (r: repo.SafetyEntryRow): SafetyAllergy => ({
  substance: r.name,
  reaction: r.reaction ?? '',
  severity: (r.severity ?? 'mild') as AllergySeverity,
});

function otherMedicineOf(r: repo.SafetyEntryRow, clinicNames: ClinicOtherName[]): SafetyOtherMedicine {
  const match = otherMedicineMatch(r.name, clinicNames);
  return {
    name: r.name,
    matchedId: match?.id ?? null,
    matchedName: match?.name ?? null,
    classes: match?.classes ?? [],
  };
}

const isCondition = (code: string): code is PrescribingCondition =>
  (prescribingConditions as readonly string[]).includes(code);

/**
 * What the prescribing checks know about the patient beyond their Duet prescriptions (issue 11). Counts
 * only entries a clinician confirmed; the patient's unconfirmed allergies and other medicines come back
 * separately (`pending…`) for the prescriber to see. Age is whole years on the patient's local day at
 * `now` (their time zone), from the birth date on the patient record. Call it inside the caller's
 * `withPatientRecord` transaction: it reads, never audits.
 */
export async function medicationContextFor(
  db: Db,
  clinicId: string,
  patientId: string,
  now: number,
): Promise<MedicationSafetyContext> {
  const [patient, rows, profile, smokingRemovals, clinicNames] = await Promise.all([
    patientBasics(db, clinicId, patientId),
    repo.entriesOfPatient(db, clinicId, patientId),
    repo.findProfile(db, clinicId, patientId),
    repo.smokingRemovals(db, clinicId, patientId),
    clinicOtherNames(db, clinicId),
  ]);
  const otherMedicineOfRow = (r: repo.SafetyEntryRow) => otherMedicineOf(r, clinicNames);
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const pending = rows.filter((r) => r.status === 'pending');
  const conditions = [...new Set(confirmed.filter((r) => r.kind === 'condition').map((r) => r.name))].filter(
    isCondition,
  );
  return {
    ageYears: patient ? ageOnDay(patient.birthDate, localDate(now, patient.timeZone)) : null,
    weightKg: profile?.weight_kg ?? null,
    conditions,
    allergies: confirmed.filter((r) => r.kind === 'allergy').map(allergyOf),
    otherMedicines: confirmed.filter((r) => r.kind === 'other_medicine').map(otherMedicineOfRow),
    pendingAllergies: pending.filter((r) => r.kind === 'allergy').map(allergyOf),
    pendingOtherMedicines: pending.filter((r) => r.kind === 'other_medicine').map(otherMedicineOfRow),
    stoppedSmokingAt: conditions.includes('smoker') ? null : (smokingRemovals[0] ?? null),
  };
}
