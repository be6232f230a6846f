import type { Condition } from '@medplum/fhirtypes';
import type { PlanContent } from '../../treatment-plans/schemas.js';
import { instant, ref } from './common.js';
import { planItemId } from './plan-items.js';

/** US Core 6.1 Condition Problems and Health Concerns (StructureDefinition-us-core-condition-problems-health-concerns). */
export const US_CORE_CONDITION_PROBLEM =
  'http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-problems-health-concerns';
export const ICD10_CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

export interface PlanProblemInput {
  versionId: string;
  patientId: string;
  problem: PlanContent['problems'][number];
  /** 'agreed' | 'superseded': a problem of a replaced version is no longer the one being treated. */
  planStatus: string;
  agreedAt: number;
  version: number;
  updatedAt: number;
}

/** A problem the plan addresses: its ICD-10-CM code when the plan gives one, its description as text always. */
export function toCondition(c: PlanProblemInput): Condition | null {
  const id = planItemId(c.versionId, c.problem.id);
  if (id === null) return null;
  const icd10 = c.problem.icd10;
  const clinical = c.planStatus === 'agreed' ? 'active' : 'inactive';
  return {
    resourceType: 'Condition',
    id,
    meta: {
      versionId: String(c.version),
      lastUpdated: instant(c.updatedAt),
      profile: [US_CORE_CONDITION_PROBLEM],
    },
    clinicalStatus: { coding: [{ system: CLINICAL, code: clinical }] },
    verificationStatus: { coding: [{ system: VERIFICATION, code: 'confirmed' }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item' }] }],
    code: {
      ...(icd10 === null ? {} : { coding: [{ system: ICD10_CM, code: icd10 }] }),
      text: c.problem.description,
    },
    subject: ref('Patient', c.patientId),
    recordedDate: instant(c.agreedAt),
  };
}
