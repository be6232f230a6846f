import type {
  AllergySeverity,
  PatientCondition,
  SafetyEntry,
  SafetyProfile,
} from '../../../shared/medication-safety/safety-profile.js';
import { otherMedicineMatch } from '../../../shared/medication-safety/other-medicines.js';
import type { SafetyEntryRow, SafetyProfileRow } from './safety-profile.repository.js';

type Names = Map<string, string>;
const person = (names: Names, id: string) => ({ id, name: names.get(id) ?? 'Former user' });

/** The people a list of rows names, for one name lookup. */
export function peopleOf(rows: SafetyEntryRow[], profile?: SafetyProfileRow | null): string[] {
  const ids = rows.flatMap((r) => [r.entered_by, ...(r.reviewed_by ? [r.reviewed_by] : [])]);
  if (profile?.weight_recorded_by) ids.push(profile.weight_recorded_by);
  return ids;
}

export function toEntry(row: SafetyEntryRow, names: Names): SafetyEntry {
  const base = {
    id: row.id,
    status: row.status as SafetyEntry['status'],
    version: row.version,
    enteredBy: { ...person(names, row.entered_by), role: row.entered_by_role },
    enteredAt: row.entered_at,
    reviewedBy: row.reviewed_by ? person(names, row.reviewed_by) : null,
    reviewedAt: row.reviewed_at,
    rejectionReason: row.rejection_reason,
    updatedAt: row.updated_at,
    notes: row.notes,
  };
  if (row.kind === 'allergy')
    return {
      ...base,
      kind: 'allergy',
      substance: row.name,
      reaction: row.reaction ?? '',
      severity: (row.severity ?? 'mild') as AllergySeverity,
    };
  if (row.kind === 'other_medicine')
    return {
      ...base,
      kind: 'other_medicine',
      name: row.name,
      doseText: row.dose_text,
      match: otherMedicineMatch(row.name),
    };
  return { ...base, kind: 'condition', condition: row.name as PatientCondition };
}

export function toProfile(
  patientId: string,
  rows: SafetyEntryRow[],
  profile: SafetyProfileRow | undefined,
  names: Names,
): SafetyProfile {
  const weight =
    profile?.weight_kg != null && profile.weight_recorded_at != null && profile.weight_recorded_by
      ? {
          kg: profile.weight_kg,
          recordedAt: profile.weight_recorded_at,
          recordedBy: person(names, profile.weight_recorded_by),
        }
      : null;
  return {
    patientId,
    entries: rows.map((r) => toEntry(r, names)),
    weight,
    version: profile?.version ?? 0,
  };
}
