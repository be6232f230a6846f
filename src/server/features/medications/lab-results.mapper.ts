import type { MedicationLabProfileTable } from '../../db/schema-lab-results.js';
import {
  labInterpretationSchema,
  type LabInterpretationDto,
  type LabProfile,
} from '../../../shared/medication-safety/lab-schemas.js';
import type { MonitoringResult } from '../../../shared/medications/schemas.js';
import type { LabResultRow } from './lab-results.repository.js';

/** The stored interpretation (JSON text) → its DTO; null when none or unreadable. */
export function storedInterpretation(json: string | null): LabInterpretationDto | null {
  if (json === null) return null;
  try {
    const parsed = labInterpretationSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function toMonitoringResult(row: LabResultRow, names: Map<string, string>): MonitoringResult {
  return {
    id: row.id,
    test: row.test,
    value: row.value,
    unit: row.unit,
    takenOn: row.taken_on,
    medicationId: row.medication_id,
    note: row.note,
    recordedBy: { id: row.recorded_by, name: names.get(row.recorded_by) ?? 'Former staff member' },
    recordedAt: row.recorded_at,
    interpretation: storedInterpretation(row.interpretation),
  };
}

export function toLabProfile(medicationId: string, row: MedicationLabProfileTable | undefined): LabProfile {
  return {
    medicationId,
    benignEthnicNeutropenia: row?.benign_ethnic_neutropenia === 1,
    version: row?.version ?? 0,
  };
}
