import type { MedicationStatement } from '@medplum/fhirtypes';
import { RXNORM, instant, ref } from './common.js';

/** One logged dose: what the patient (or a clinician for them) reports as taken or skipped. */
export interface DoseLogInput {
  id: string;
  patientId: string;
  medicationId: string;
  medicationName: string;
  rxnormCode: string | null;
  /** 'taken' | 'skipped' */
  status: string;
  skipReason: string | null;
  takenAt: number | null;
  scheduledFor: number | null;
  /** The day it belongs to, in the patient's time zone (YYYY-MM-DD): an as-needed skip has no instant. */
  localDate: string;
  doseAmount: number;
  doseUnit: string;
  asNeeded: boolean;
  loggedBy: string;
  /** 'patient' or the clinician's role. */
  loggedByRole: string | null;
  createdAt: number;
  updatedAt: number;
  version: number;
}

/**
 * A logged dose as a MedicationStatement: taken → `completed`, skipped → `not-taken` with the reason. Each dose
 * is its own statement, so the statements are the adherence record itself (docs/fhir.md).
 */
export function toMedicationStatement(d: DoseLogInput): MedicationStatement {
  const when = d.takenAt ?? d.scheduledFor;
  const source =
    d.loggedByRole === 'patient' || d.loggedBy === d.patientId
      ? ref('Patient', d.patientId)
      : ref('Practitioner', d.loggedBy);
  return {
    resourceType: 'MedicationStatement',
    id: d.id,
    meta: { versionId: String(d.version), lastUpdated: instant(d.updatedAt) },
    status: d.status === 'taken' ? 'completed' : 'not-taken',
    ...(d.status === 'skipped' && d.skipReason ? { statusReason: [{ text: d.skipReason }] } : {}),
    basedOn: [ref('MedicationRequest', d.medicationId)],
    medicationCodeableConcept: {
      ...(d.rxnormCode ? { coding: [{ system: RXNORM, code: d.rxnormCode }] } : {}),
      text: d.medicationName,
    },
    subject: ref('Patient', d.patientId),
    ...(when === null ? { effectiveDateTime: d.localDate } : { effectiveDateTime: instant(when) }),
    dateAsserted: instant(d.createdAt),
    informationSource: source,
    dosage: [
      {
        asNeededBoolean: d.asNeeded,
        doseAndRate: [{ doseQuantity: { value: d.doseAmount, unit: d.doseUnit } }],
      },
    ],
  };
}
