import type { Db } from '../../db/database.js';
import { crisisResourcesFrom } from '../../../shared/measures/crisis.js';
import type { Crisis } from '../../../shared/measures/schemas.js';
import { planContentSchema, type PlanContent } from '../../../shared/treatment-plans/schemas.js';
import * as repo from './measures.repository.js';

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
 * What the patient sees at once after a self-harm answer: the clinic's crisis resources (default 988 / 911,
 * care-rules.md "Safety") and their agreed safety plan. Reading is defensive: bad settings or plan content
 * fall back rather than fail the submit.
 */
export async function crisisFor(trx: Db, clinicId: string, patientId: string): Promise<Crisis> {
  const [settings, plans] = await Promise.all([
    repo.clinicSettingsJson(trx, clinicId),
    repo.agreedPlanContents(trx, clinicId, [patientId]),
  ]);
  return { resources: crisisResourcesFrom(settings), safetyPlan: safetyPlanFrom(plans[0]?.content) };
}
