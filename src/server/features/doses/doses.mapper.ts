import { correctableUntil } from '../../../shared/doses/rules.js';
import { doseLogSchema, type DoseLog } from '../../../shared/doses/schemas.js';
import type { DoseLogRow } from './doses.repository.js';

/** A stored log as the API shows it (0/1 → booleans, the correction deadline worked out). */
export function toDoseLog(row: DoseLogRow): DoseLog {
  return doseLogSchema.parse({
    id: row.id,
    patientId: row.patient_id,
    medicationId: row.medication_id,
    doseKey: row.dose_key,
    status: row.status,
    skipReason: row.skip_reason,
    note: row.note,
    takenAt: row.taken_at === null ? null : row.taken_at,
    scheduledFor: row.scheduled_for === null ? null : row.scheduled_for,
    localDate: row.local_date,
    doseAmount: row.dose_amount,
    doseUnit: row.dose_unit,
    asNeeded: row.as_needed === 1,
    lateEntry: row.late_entry === 1,
    loggedBy: row.logged_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    correctableUntil: correctableUntil(row.created_at),
    version: row.version,
  });
}
