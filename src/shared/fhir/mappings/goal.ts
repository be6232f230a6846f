import type { Goal } from '@medplum/fhirtypes';
import type { PlanContent } from '../../treatment-plans/schemas.js';
import { instant, ref } from './common.js';
import { planItemId } from './plan-items.js';

/** US Core 6.1 Goal (StructureDefinition-us-core-goal): lifecycleStatus, description, subject. */
export const US_CORE_GOAL = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-goal';

export interface PlanGoalInput {
  versionId: string;
  patientId: string;
  goal: PlanContent['goals'][number];
  /** The plan version's agreement. */
  agreedAt: number;
  version: number;
  updatedAt: number;
}

const lifecycle: Record<string, Goal['lifecycleStatus']> = {
  active: 'active',
  met: 'completed',
  dropped: 'cancelled',
};

/** A goal of an agreed plan: in the patient's words, with how we will know and by when. */
export function toGoal(g: PlanGoalInput): Goal | null {
  const id = planItemId(g.versionId, g.goal.id);
  if (id === null) return null;
  const target = g.goal.measurableTarget;
  const due = g.goal.targetDate;
  return {
    resourceType: 'Goal',
    id,
    meta: { versionId: String(g.version), lastUpdated: instant(g.updatedAt), profile: [US_CORE_GOAL] },
    lifecycleStatus: lifecycle[g.goal.status] ?? 'active',
    ...(g.goal.status === 'met' ? { achievementStatus: { coding: [achieved] } } : {}),
    description: { text: g.goal.inPatientsWords },
    subject: ref('Patient', g.patientId),
    startDate: instant(g.agreedAt).slice(0, 10),
    ...(target !== '' || due !== null
      ? {
          target: [
            { ...(target !== '' ? { measure: { text: target } } : {}), ...(due ? { dueDate: due } : {}) },
          ],
        }
      : {}),
  };
}

const achieved = {
  system: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  code: 'achieved',
  display: 'Achieved',
};
