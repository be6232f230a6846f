import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { defaultTemplates } from '../../../shared/treatment-plans/defaults.js';
import type { PlanContent } from '../../../shared/treatment-plans/schemas.js';
import type { PlanTemplate } from '../../../shared/treatment-plans/api-schemas.js';
import * as records from './plan-records.repository.js';
import { toTemplate } from './plans.mapper.js';

/**
 * The clinic's plan templates. A clinic that has none gets the two defaults the first time anyone
 * lists them (inserted with ON CONFLICT DO NOTHING on the name, so two instances cannot seed twice).
 */
export function listTemplates(deps: AppDeps, actor: Actor): Promise<PlanTemplate[]> {
  return deps.database.transaction(async (trx) => {
    let rows = await records.templatesOf(trx, actor.clinicId);
    if (rows.length === 0) {
      await seedDefaultTemplates(trx, actor.clinicId, deps.clock.now());
      rows = await records.templatesOf(trx, actor.clinicId);
    }
    return rows.map(toTemplate);
  });
}

export async function seedDefaultTemplates(
  trx: Parameters<typeof records.templatesOf>[0],
  clinicId: string,
  now: number,
): Promise<void> {
  for (const t of defaultTemplates()) {
    await records.insertTemplate(trx, {
      id: newId(),
      clinic_id: clinicId,
      name: t.name,
      description: t.description,
      content: JSON.stringify(t.content),
      created_by: null,
      created_at: now,
    });
  }
}

/** Any clinician may add a template for the clinic (templates hold no patient data). */
export function addTemplate(
  deps: AppDeps,
  actor: Actor,
  input: { name: string; description: string; content: PlanContent },
): Promise<PlanTemplate> {
  return deps.database.transaction(async (trx) => {
    const id = newId();
    const row = {
      id,
      clinic_id: actor.clinicId,
      name: input.name,
      description: input.description,
      content: JSON.stringify(input.content),
      created_by: actor.userId,
      created_at: deps.clock.now(),
    };
    if (!(await records.insertTemplate(trx, row)))
      throw new AppError('conflict', 'The clinic already has a template with this name.', [
        { path: 'body.name', message: 'Already in use' },
      ]);
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'plan_template.create',
      resourceType: 'plan_template',
      resourceId: id,
      patientId: null,
      outcome: 'allowed',
    });
    return toTemplate(row);
  });
}
