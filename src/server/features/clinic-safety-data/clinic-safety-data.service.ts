import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { LAB_RANGES_VERSION, labRange, labRanges } from '../../../shared/medication-safety/lab-ranges.js';
import {
  checkThresholds,
  isLabRangeId,
  thresholdUnit,
  thresholdsOf,
  type ClinicLabThresholds,
} from '../../../shared/medication-safety/lab-thresholds.js';
import { resolveMedicationName, type ClinicOtherName } from '../../../shared/medication-safety/names.js';
import type {
  CatalogueOtherName,
  CatalogueOtherNameInput,
  LabRangeSetting,
  LabRangeSettings,
  LabThresholdsInput,
} from '../../../shared/medication-safety/clinic-safety-schemas.js';
import type { ClinicLabThresholdTable } from '../../db/schema-clinic-safety-data.js';
import { userNames } from '../../platform/users/user-names.repository.js';
import * as repo from './clinic-safety-data.repository.js';

/**
 * The clinic's own safety data (issue 11): the numbers of each laboratory range (lab-ranges.ts is the
 * reference; a clinic admin may change the numbers, each change marked with who and when, audited, and
 * undone with "reset to reference") and other names of its catalogue entries (a national brand, a local name).
 */

const storedNumbers = z.array(z.number());

function parseThresholds(json: string): number[] | undefined {
  try {
    const parsed = storedNumbers.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The clinic's edited thresholds, for the interpretation of new results (server and web form). */
export async function clinicLabThresholds(db: Db, clinicId: string): Promise<ClinicLabThresholds> {
  const out: ClinicLabThresholds = {};
  for (const row of await repo.labThresholdRows(db, clinicId)) {
    const values = parseThresholds(row.thresholds);
    if (values && isLabRangeId(row.range_id)) out[row.range_id] = values;
  }
  return out;
}

/** The other names the clinic added to its active catalogue entries, for resolveMedicationName. */
export async function clinicOtherNames(db: Db, clinicId: string): Promise<ClinicOtherName[]> {
  return (await repo.otherNameRows(db, clinicId))
    .filter((r) => r.active === 1)
    .map((r) => ({ name: r.name, genericName: r.generic_name }));
}

function settingOf(
  rangeId: string,
  row: ClinicLabThresholdTable | undefined,
  names: Map<string, string>,
): LabRangeSetting {
  if (!isLabRangeId(rangeId)) throw notFound('Laboratory range');
  const range = labRange(rangeId);
  const values = row ? parseThresholds(row.thresholds) : undefined;
  return {
    id: range.id,
    label: range.label,
    target: range.target,
    unit: thresholdUnit(range),
    source: range.source,
    version: row?.version ?? 0,
    thresholds: thresholdsOf(range).map((t, i) => {
      const value = values?.[i] ?? t.reference;
      return { ...t, index: i, value, changed: value !== t.reference };
    }),
    changedBy: row ? { id: row.changed_by, name: names.get(row.changed_by) ?? 'Clinic admin' } : null,
    changedAt: row?.changed_at ?? null,
  };
}

export async function listLabRangeSettings(deps: AppDeps, actor: Actor): Promise<LabRangeSettings> {
  const db = deps.database.db;
  const rows = new Map((await repo.labThresholdRows(db, actor.clinicId)).map((r) => [r.range_id, r]));
  const names = await userNames(
    db,
    actor.clinicId,
    [...rows.values()].map((r) => r.changed_by),
  );
  return {
    rangesVersion: LAB_RANGES_VERSION,
    ranges: labRanges.map((r) => settingOf(r.id, rows.get(r.id), names)),
  };
}

const stale = () =>
  new AppError(
    'precondition_failed',
    'Someone changed this range since you opened it. Reload and try again.',
  );

export function setLabThresholds(
  deps: AppDeps,
  actor: Actor,
  rangeId: string,
  expectedVersion: number,
  input: LabThresholdsInput,
): Promise<LabRangeSetting> {
  if (!isLabRangeId(rangeId)) return Promise.reject(notFound('Laboratory range'));
  const range = labRange(rangeId);
  const errors = checkThresholds(range, input.thresholds);
  if (errors.length > 0)
    return Promise.reject(
      new AppError(
        'validation_failed',
        errors[0]?.message ?? 'These thresholds cannot be used.',
        errors.map((e) => ({ path: `body.thresholds.${String(e.index)}`, message: e.message })),
      ),
    );
  return deps.database.transaction(async (trx) => {
    const existing = await repo.findLabThresholds(trx, actor.clinicId, rangeId);
    if ((existing?.version ?? 0) !== expectedVersion) throw stale();
    const now = deps.clock.now();
    const values = {
      thresholds: JSON.stringify(input.thresholds),
      changed_by: actor.userId,
      changed_at: now,
    };
    if (existing) {
      if (!(await repo.updateLabThresholds(trx, actor.clinicId, rangeId, expectedVersion, values)))
        throw stale();
    } else {
      await repo.insertLabThresholds(trx, {
        clinic_id: actor.clinicId,
        range_id: rangeId,
        ...values,
        version: 1,
      });
    }
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'lab_ranges.edit',
      resourceType: 'lab_range',
      resourceId: rangeId,
      patientId: null,
      outcome: 'allowed',
    });
    const row = await repo.findLabThresholds(trx, actor.clinicId, rangeId);
    return settingOf(rangeId, row, await userNames(trx, actor.clinicId, [actor.userId]));
  });
}

/** Back to Duet's reference values: the clinic's row is removed (audited). */
export function resetLabThresholds(
  deps: AppDeps,
  actor: Actor,
  rangeId: string,
  expectedVersion: number,
): Promise<LabRangeSetting> {
  if (!isLabRangeId(rangeId)) return Promise.reject(notFound('Laboratory range'));
  return deps.database.transaction(async (trx) => {
    const existing = await repo.findLabThresholds(trx, actor.clinicId, rangeId);
    if (!existing) return settingOf(rangeId, undefined, new Map());
    if (existing.version !== expectedVersion) throw stale();
    if (!(await repo.deleteLabThresholds(trx, actor.clinicId, rangeId, expectedVersion))) throw stale();
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'lab_ranges.reset',
      resourceType: 'lab_range',
      resourceId: rangeId,
      patientId: null,
      outcome: 'allowed',
    });
    return settingOf(rangeId, undefined, new Map());
  });
}

const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

export async function listOtherNames(deps: AppDeps, actor: Actor): Promise<CatalogueOtherName[]> {
  const db = deps.database.db;
  const rows = await repo.otherNameRows(db, actor.clinicId);
  const names = await userNames(
    db,
    actor.clinicId,
    rows.map((r) => r.added_by),
  );
  return rows.map((r) => ({
    id: r.id,
    catalogueId: r.catalogue_id,
    genericName: r.generic_name,
    name: r.name,
    addedBy: { id: r.added_by, name: names.get(r.added_by) ?? 'Clinic admin' },
    addedAt: r.added_at,
  }));
}

export function addOtherName(
  deps: AppDeps,
  actor: Actor,
  entryId: string,
  input: CatalogueOtherNameInput,
): Promise<CatalogueOtherName> {
  return deps.database.transaction(async (trx) => {
    const entries = await repo.catalogueGenericNames(trx, actor.clinicId);
    const entry = entries.find((e) => e.id === entryId);
    if (!entry) throw notFound('Catalogue entry');
    const name = input.name.trim().replace(/\s+/g, ' ');
    const taken = await repo.findOtherNameByKey(trx, actor.clinicId, nameKey(name));
    const takenBy = taken && entries.find((e) => e.id === taken.catalogue_id);
    if (taken)
      throw new AppError('conflict', 'The clinic already uses this name.', [
        { path: 'body.name', message: `Already a name of ${takenBy?.generic_name ?? 'another entry'}` },
      ]);
    // A name Duet already reads as a catalogue medicine (a generic, brand or salt) cannot be given another.
    const known = resolveMedicationName(
      name,
      entries.map((e) => e.generic_name),
    );
    if (known)
      throw new AppError('conflict', `Duet already reads “${name}” as ${known.genericName}.`, [
        {
          path: 'body.name',
          message:
            known.genericName === entry.generic_name
              ? `Duet already knows this name for ${known.genericName}`
              : `Duet reads this name as ${known.genericName}, not ${entry.generic_name}`,
        },
      ]);
    const id = newId();
    const now = deps.clock.now();
    await repo.insertOtherName(trx, {
      id,
      clinic_id: actor.clinicId,
      catalogue_id: entryId,
      name,
      name_key: nameKey(name),
      added_by: actor.userId,
      added_at: now,
    });
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'medication_catalogue.name_add',
      resourceType: 'medication_catalogue',
      resourceId: entryId,
      patientId: null,
      outcome: 'allowed',
    });
    const linkedRecords =
      entry.active === 1
        ? await linkFreeTextRecords(deps, trx, actor, entries, { name, genericName: entry.generic_name }, now)
        : 0;
    const names = await userNames(trx, actor.clinicId, [actor.userId]);
    return {
      id,
      catalogueId: entryId,
      genericName: entry.generic_name,
      name,
      addedBy: { id: actor.userId, name: names.get(actor.userId) ?? 'Clinic admin' },
      addedAt: now,
      linkedRecords,
    };
  });
}

/**
 * Records already typed by the new name (free text, no catalogue entry) are linked to the entry by the
 * medications feature, which owns them (deps.linkMedicationsByName; issue 18): each link a new version of the
 * record, audited on the patient.
 */
function linkFreeTextRecords(
  deps: AppDeps,
  trx: Db,
  actor: Actor,
  entries: { id: string; generic_name: string; drug_class: string; active: number }[],
  added: ClinicOtherName,
  now: number,
): Promise<number> {
  const entry = entries.find((e) => e.generic_name === added.genericName);
  if (!entry) return Promise.resolve(0);
  return deps.linkMedicationsByName(trx, deps, actor, {
    entry: { id: entry.id, genericName: entry.generic_name, drugClass: entry.drug_class },
    activeGenericNames: entries.filter((e) => e.active === 1).map((e) => e.generic_name),
    added,
    now,
  });
}

export function removeOtherName(deps: AppDeps, actor: Actor, entryId: string, nameId: string): Promise<void> {
  return deps.database.transaction(async (trx) => {
    if (!(await repo.deleteOtherName(trx, actor.clinicId, entryId, nameId))) throw notFound('Name');
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'medication_catalogue.name_remove',
      resourceType: 'medication_catalogue',
      resourceId: entryId,
      patientId: null,
      outcome: 'allowed',
    });
  });
}
