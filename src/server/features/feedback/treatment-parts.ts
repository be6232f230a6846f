import type { Db } from '../../db/database.js';
import type { TreatmentPart } from '../../../shared/feedback/schemas.js';
import { practiceLibrary } from '../../../shared/practice/library.js';
import { practiceTypesForPatient } from '../practice/index.js';
import * as sources from './sources.js';

/** The patient's name for a kind of practice (the library's wording). */
export function practiceLabel(type: string): string {
  return practiceLibrary.find((k) => k.type === type)?.patientName ?? type;
}

/**
 * What the patient rates every four weeks: each current medication, each kind of practice assigned to
 * them, and the therapy sessions themselves (issue 6).
 */
export async function treatmentParts(db: Db, clinicId: string, patientId: string): Promise<TreatmentPart[]> {
  const medications = await sources.currentMedications(db, clinicId, patientId);
  const practice = await practiceTypesForPatient(db, clinicId, patientId);
  return [
    ...medications.map((m) => ({ kind: 'medication' as const, key: m.id, label: m.name })),
    ...practice.map((type) => ({ kind: 'practice' as const, key: type, label: practiceLabel(type) })),
    { kind: 'sessions', key: 'sessions', label: 'Therapy sessions' },
  ];
}
