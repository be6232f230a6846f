import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { CatalogueEntry, CatalogueInput } from '../../../shared/medications/schemas.js';
import * as repo from './medications.repository.js';
import { toCatalogueEntry } from './medications.mapper.js';
import { catalogueSafetyDefaults, markChanges, parseSafety, parseSafetyMarks } from './catalogue-safety.js';

/**
 * The clinic's medication catalogue: every clinic starts with shared/clinical/medications.csv; the clinic
 * admin adds and edits entries (an entry in use is deactivated, never deleted); prescribers search it.
 */
export async function listCatalogue(
  deps: AppDeps,
  actor: Actor,
  q: string | undefined,
  includeInactive: boolean,
): Promise<CatalogueEntry[]> {
  const rows = await repo.listCatalogue(deps.database.db, actor.clinicId, {
    q,
    includeInactive: includeInactive && actor.role === 'admin',
  });
  return rows.map(toCatalogueEntry);
}

function rowValues(input: CatalogueInput, now: number) {
  return {
    generic_name: input.genericName.toLowerCase(),
    drug_class: input.drugClass,
    drug_group: input.drugGroup,
    rxnorm_code: input.rxnormCode,
    // A code without a named source is unverified, whatever the checkbox says.
    rxnorm_source: input.rxnormSource.length > 0 ? input.rxnormSource : 'unverified',
    rxnorm_verified:
      input.rxnormVerified && input.rxnormCode !== null && input.rxnormSource.length > 0 ? 1 : 0,
    monitoring: input.monitoring,
    notes: input.notes,
    urgent_symptoms: JSON.stringify(input.urgentSymptoms),
    guide_class: input.guideClass,
    monitoring_programs: JSON.stringify(input.monitoringPrograms),
    active: input.active ? 1 : 0,
    updated_at: now,
  };
}

export function addCatalogueEntry(
  deps: AppDeps,
  actor: Actor,
  input: CatalogueInput,
): Promise<CatalogueEntry> {
  return deps.database.transaction(async (trx) => {
    if (await repo.catalogueNameTaken(trx, actor.clinicId, input.genericName, null))
      throw new AppError('conflict', 'The catalogue already has a medication with this name.', [
        { path: 'body.genericName', message: 'Already in the catalogue' },
      ]);
    const now = deps.clock.now();
    const id = newId();
    // A new entry starts with Duet's safety data for that name when there is some (issue 11).
    const safety = input.safety === undefined ? catalogueSafetyDefaults(input.genericName) : input.safety;
    await repo.insertCatalogueEntry(trx, {
      id,
      clinic_id: actor.clinicId,
      ...rowValues(input, now),
      safety: safety === null ? null : JSON.stringify(safety),
      safety_changes: null,
      created_at: now,
      version: 1,
    });
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'medication_catalogue.add',
      resourceType: 'medication_catalogue',
      resourceId: id,
      patientId: null,
      outcome: 'allowed',
    });
    const row = await repo.findCatalogueEntry(trx, actor.clinicId, id);
    if (!row) throw new Error('catalogue entry vanished inside its transaction');
    return toCatalogueEntry(row);
  });
}

export function editCatalogueEntry(
  deps: AppDeps,
  actor: Actor,
  entryId: string,
  expectedVersion: number,
  input: CatalogueInput,
): Promise<CatalogueEntry> {
  return deps.database.transaction(async (trx) => {
    const existing = await repo.findCatalogueEntry(trx, actor.clinicId, entryId);
    if (!existing) throw notFound('Catalogue entry');
    if (existing.version !== expectedVersion)
      throw new AppError(
        'precondition_failed',
        'Someone changed this entry since you opened it. Reload and try again.',
      );
    if (await repo.catalogueNameTaken(trx, actor.clinicId, input.genericName, entryId))
      throw new AppError('conflict', 'The catalogue already has a medication with this name.', [
        { path: 'body.genericName', message: 'Already in the catalogue' },
      ]);
    const now = deps.clock.now();
    // Safety data (issue 11): left out = unchanged; each changed part is marked with who and when.
    let safetyValues = {};
    let safetyChanged: string[] = [];
    if (input.safety !== undefined) {
      const names = await repo.userNames(trx, actor.clinicId, [actor.userId]);
      const marked = markChanges(
        parseSafety(existing.safety),
        input.safety,
        parseSafetyMarks(existing.safety_changes),
        { id: actor.userId, name: names.get(actor.userId) ?? 'Clinic admin' },
        now,
      );
      safetyChanged = marked.changed;
      safetyValues = {
        safety: input.safety === null ? null : JSON.stringify(input.safety),
        safety_changes: JSON.stringify(marked.marks),
      };
    }
    const ok = await repo.updateCatalogueEntry(trx, actor.clinicId, entryId, expectedVersion, {
      ...rowValues(input, now),
      ...safetyValues,
    });
    if (!ok)
      throw new AppError(
        'precondition_failed',
        'Someone changed this entry at the same time. Reload and try again.',
      );
    if (safetyChanged.length > 0)
      await deps.audit.record(trx, actor.clinicId, actor, {
        action: 'medication_catalogue.safety_edit',
        resourceType: 'medication_catalogue',
        resourceId: entryId,
        patientId: null,
        outcome: 'allowed',
      });
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'medication_catalogue.edit',
      resourceType: 'medication_catalogue',
      resourceId: entryId,
      patientId: null,
      outcome: 'allowed',
    });
    const row = await repo.findCatalogueEntry(trx, actor.clinicId, entryId);
    if (!row) throw new Error('catalogue entry vanished inside its transaction');
    return toCatalogueEntry(row);
  });
}
