import type { Db } from '../../db/database.js';
import type { Crisis } from '../../../shared/measures/schemas.js';
import { planContentSchema, type PlanContent } from '../../../shared/treatment-plans/schemas.js';
import * as repo from './measures.repository.js';
import { crisisResourcesIn } from '../crisis/index.js';

function safetyPlanFrom(content: string | undefined): PlanContent['safetyPlan'] | null {
  if (!content) return null;
  try {
    const parsed = planContentSchema.safeParse(JSON.parse(content));
    if (!parsed.success) return null;
    const plan = parsed.data.safetyPlan;
    // An agreed plan always has the section; a section with nothing written is no safety plan.
    return Object.values(plan).some((list) => list.length > 0) ? plan : null;
  } catch {
    return null;
  }
}

/**
 * What the patient sees at once after a self-harm answer: their own country's crisis resources, crisis line
 * first (shared/crisis; care-rules.md "Safety", crisis-lines.md), and their agreed safety plan. Reading is
 * defensive: bad settings (per key) or plan content fall back rather than fail the submit.
 */
export async function crisisFor(trx: Db, clinicId: string, patientId: string): Promise<Crisis> {
  const [resources, plans] = await Promise.all([
    crisisResourcesIn(trx, clinicId, patientId, 'self_harm'),
    repo.agreedPlanContents(trx, clinicId, [patientId]),
  ]);
  return { ...resources, safetyPlan: safetyPlanFrom(plans[0]?.content) };
}
