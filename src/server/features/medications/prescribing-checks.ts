import type { Db } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { medicationContextFor } from '../allergies/index.js';
import type { DrugFacts } from '../../../shared/medication-safety/drug-classes.js';
import { curatedListNotice } from '../../../shared/medication-safety/interactions.js';
import { resolveMedicationName, type ClinicOtherName } from '../../../shared/medication-safety/names.js';
import { clinicOtherNames } from '../clinic-safety-data/index.js';
import {
  checkPrescription,
  type CheckedMedicine,
  type PrescribedDose,
} from '../../../shared/medication-safety/prescribing-check.js';
import {
  answeredWarnings,
  unansweredWarnings,
  type AnsweredWarning,
  type OverMaximumRecord,
  type SafetyAnswer,
} from '../../../shared/medication-safety/prescribing-schemas.js';
import type { MedicationSafetyContext } from '../../../shared/medication-safety/context.js';
import { parseSafety } from './catalogue-safety.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { readPatientRecord } from '../../platform/access/patient-access.js';
import type { PrescribingContext } from '../../../shared/medication-safety/prescribing-schemas.js';
import { todayOf } from './patient-today.js';
import * as repo from './prescribing-checks.repository.js';

/**
 * The authoritative prescribing checks (issue 11) around the shared pure checks: loads the clinic catalogue's
 * safety data, the patient's other current prescriptions and their safety context (allergies, other
 * medicines, conditions, age, weight), then refuses what must be refused:
 * - a wrong unit or steps out of order: 400 at the field, whatever the prescriber answers;
 * - a dose above this patient's maximum without `overMaximumReason`: 400 at the dose field;
 * - a warning (combination, condition, allergy, missing weight) without an answer: 409 with the warnings.
 */
export interface CatalogueFacts {
  byId: Map<string, repo.CatalogueFactsRow>;
  byName: Map<string, repo.CatalogueFactsRow>;
  names: string[];
  /** Other names the clinic added to its entries (a national brand, a local name). */
  otherNames: ClinicOtherName[];
}

export async function loadCatalogueFacts(db: Db, clinicId: string): Promise<CatalogueFacts> {
  const [rows, otherNames] = await Promise.all([
    repo.catalogueFacts(db, clinicId),
    clinicOtherNames(db, clinicId),
  ]);
  const active = rows.filter((r) => r.active === 1);
  return {
    byId: new Map(rows.map((r) => [r.id, r])),
    byName: new Map(active.map((r) => [r.generic_name, r])),
    names: active.map((r) => r.generic_name),
    otherNames,
  };
}

/** The catalogue entry a free-text name means (brand, salt, release form), or undefined. */
export function resolveToCatalogue(facts: CatalogueFacts, name: string): repo.CatalogueFactsRow | undefined {
  const resolved = resolveMedicationName(name, facts.names, facts.otherNames);
  return resolved ? facts.byName.get(resolved.genericName) : undefined;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function factsOf(entry: repo.CatalogueFactsRow | undefined, label: string): DrugFacts {
  const safety = parseSafety(entry?.safety);
  return {
    label: entry ? cap(entry.generic_name) : label,
    genericName: entry?.generic_name ?? null,
    drugClass: entry?.drug_class ?? null,
    classes: safety?.interactionClasses ?? [],
    origin: 'prescription',
  };
}

export interface PrescribingFacts {
  catalogue: CatalogueFacts;
  context: MedicationSafetyContext;
  prescriptions: (DrugFacts & { medicationId: string })[];
}

export async function loadPrescribingFacts(
  db: Db,
  clinicId: string,
  patientId: string,
  today: string,
  now: number,
  excludeMedicationId: string | null,
): Promise<PrescribingFacts> {
  const [catalogue, context, current] = await Promise.all([
    loadCatalogueFacts(db, clinicId),
    medicationContextFor(db, clinicId, patientId, now),
    repo.currentPrescriptions(db, clinicId, patientId, today),
  ]);
  const prescriptions = current
    .filter((m) => m.id !== excludeMedicationId)
    .map((m) => {
      const entry = m.catalogue_id
        ? catalogue.byId.get(m.catalogue_id)
        : resolveToCatalogue(catalogue, m.name);
      return { ...factsOf(entry, m.name), medicationId: m.id };
    });
  return { catalogue, context, prescriptions };
}

export interface CheckRequest {
  entry: repo.CatalogueFactsRow | undefined;
  name: string;
  form: string;
  doses: PrescribedDose[];
  steps: { from: string }[];
  stepsAfter: string | null;
  overMaximumReason?: string | null | undefined;
  safetyAnswers?: SafetyAnswer[] | undefined;
}

export interface CheckOutcome {
  overMaximum: OverMaximumRecord | null;
  /** Dose fields above the maximum (their periods keep the reason). */
  overPaths: Set<string>;
  answers: AnsweredWarning[];
}

export function enforcePrescribingChecks(facts: PrescribingFacts, req: CheckRequest): CheckOutcome {
  const safety = parseSafety(req.entry?.safety);
  const medicine: CheckedMedicine = {
    ...factsOf(req.entry, req.name),
    limits: safety?.doseLimits ?? null,
    formText: `${req.form} ${req.name}`,
  };
  const result = checkPrescription({
    medicine,
    doses: req.doses,
    steps: req.steps,
    stepsAfter: req.stepsAfter,
    prescriptions: facts.prescriptions,
    context: facts.context,
    resolve: (substance) => {
      const entry = resolveToCatalogue(facts.catalogue, substance);
      return entry ? factsOf(entry, substance) : null;
    },
  });
  if (result.fieldErrors.length > 0)
    throw new AppError(
      'validation_failed',
      result.fieldErrors[0]?.message ?? 'Check the prescription.',
      result.fieldErrors,
    );
  const reason = req.overMaximumReason?.trim() ?? '';
  if (result.overMaximum.length > 0 && reason.length === 0)
    throw new AppError('validation_failed', result.overMaximum[0]?.message ?? 'Above the maximum.', [
      ...result.overMaximum.map((o) => ({ path: o.path, message: o.message })),
      {
        path: 'body.overMaximumReason',
        message: 'Going above the maximum needs a reason, which the whole team sees.',
      },
    ]);
  const missing = unansweredWarnings(result.warnings, req.safetyAnswers);
  if (missing.length > 0)
    throw new AppError(
      'conflict',
      'Check each safety warning and answer it (proceed with a reason, or say what you changed).',
      { reason: 'safety_warnings', notice: curatedListNotice, warnings: result.warnings },
    );
  return {
    overMaximum:
      result.overMaximum.length > 0 ? { reason, doses: result.overMaximum.map((o) => o.message) } : null,
    overPaths: new Set(result.overMaximum.map((o) => o.path)),
    answers: answeredWarnings(result.warnings, req.safetyAnswers),
  };
}

/** What the prescribing form needs to run the same checks in the browser (issue 11). */
export function prescribingContext(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  excludeMedicationId: string | null,
): Promise<PrescribingContext> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'medication.prescribing_context', resourceType: 'medication' },
    async (trx) => {
      const { today } = await todayOf(trx, deps, actor.clinicId, patientId);
      const facts = await loadPrescribingFacts(
        trx,
        actor.clinicId,
        patientId,
        today,
        deps.clock.now(),
        excludeMedicationId,
      );
      return {
        context: facts.context,
        prescriptions: facts.prescriptions.map((p) => ({
          medicationId: p.medicationId,
          label: p.label,
          genericName: p.genericName,
          drugClass: p.drugClass,
          classes: [...p.classes],
          origin: 'prescription' as const,
        })),
        notice: curatedListNotice,
      };
    },
  );
}
