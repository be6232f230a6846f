import type { Encounter } from '@medplum/fhirtypes';
import { instant, ref } from './common.js';

/** US Core 6.1 Encounter (StructureDefinition-us-core-encounter): status, class, type, subject. */
export const US_CORE_ENCOUNTER = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** An attended appointment (a session or a medication review that took place). */
export interface AttendedInput {
  id: string;
  patientId: string;
  clinicianId: string;
  /** 'therapy_session' | 'medication_review' */
  type: string;
  /** 'in_person' | 'video' | 'phone' */
  mode: string;
  startsAt: number;
  endsAt: number;
  clinicId: string;
  updatedAt: number;
  version: number;
}

const typeWords: Record<string, string> = {
  therapy_session: 'Therapy session',
  medication_review: 'Medication review',
};

/** An attended appointment as a finished Encounter: in person is ambulatory (AMB), video and phone virtual (VR). */
export function toEncounter(a: AttendedInput): Encounter {
  const virtual = a.mode === 'video' || a.mode === 'phone';
  return {
    resourceType: 'Encounter',
    id: a.id,
    meta: { versionId: String(a.version), lastUpdated: instant(a.updatedAt), profile: [US_CORE_ENCOUNTER] },
    status: 'finished',
    class: virtual
      ? { system: ACT_CODE, code: 'VR', display: 'virtual' }
      : { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
    type: [{ text: typeWords[a.type] ?? a.type }],
    subject: ref('Patient', a.patientId),
    participant: [{ individual: ref('Practitioner', a.clinicianId) }],
    appointment: [ref('Appointment', a.id)],
    period: { start: instant(a.startsAt), end: instant(a.endsAt) },
    serviceProvider: ref('Organization', a.clinicId),
  };
}
