import type { AllergyIntolerance } from '@medplum/fhirtypes';
import { instant, ref } from './common.js';

/** US Core 6.1 AllergyIntolerance (StructureDefinition-us-core-allergyintolerance). */
export const US_CORE_ALLERGY = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-allergyintolerance';
export const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
export const ALLERGY_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';

/** An allergy on the patient's medication-safety profile. */
export interface AllergyInput {
  id: string;
  patientId: string;
  substance: string;
  reaction: string | null;
  /** 'mild' | 'moderate' | 'severe' | null */
  severity: string | null;
  /** 'pending' (the patient's, not yet confirmed) | 'confirmed' | 'rejected' | 'removed' */
  status: string;
  enteredBy: string;
  enteredByRole: string;
  enteredAt: number;
  version: number;
  updatedAt: number;
}

const verification: Record<string, string> = {
  pending: 'unconfirmed',
  confirmed: 'confirmed',
  rejected: 'refuted',
  removed: 'confirmed',
};

/**
 * An allergy as AllergyIntolerance: the patient's own entry is `unconfirmed` until a clinician confirms it
 * (`confirmed`) or does not (`refuted`); a removed allergy is `inactive`. The substance and reaction as text.
 */
export function toAllergyIntolerance(a: AllergyInput): AllergyIntolerance {
  const severity =
    a.severity === 'mild' || a.severity === 'moderate' || a.severity === 'severe' ? a.severity : null;
  return {
    resourceType: 'AllergyIntolerance',
    id: a.id,
    meta: { versionId: String(a.version), lastUpdated: instant(a.updatedAt), profile: [US_CORE_ALLERGY] },
    clinicalStatus: {
      coding: [{ system: ALLERGY_CLINICAL, code: a.status === 'removed' ? 'inactive' : 'active' }],
    },
    verificationStatus: {
      coding: [{ system: ALLERGY_VERIFICATION, code: verification[a.status] ?? 'unconfirmed' }],
    },
    type: 'allergy',
    code: { text: a.substance },
    patient: ref('Patient', a.patientId),
    recordedDate: instant(a.enteredAt),
    recorder: a.enteredByRole === 'patient' ? ref('Patient', a.patientId) : ref('Practitioner', a.enteredBy),
    ...(a.reaction === null && severity === null
      ? {}
      : {
          reaction: [
            {
              manifestation: [{ text: a.reaction ?? 'Not described' }],
              ...(severity === null ? {} : { severity }),
            },
          ],
        }),
  };
}
