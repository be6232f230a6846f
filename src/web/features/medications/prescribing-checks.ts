import { useMemo } from 'react';
import { isApiError } from '../../app/api-client';
import type { DrugFacts } from '../../../shared/medication-safety/drug-classes';
import type { SafetyWarning } from '../../../shared/medication-safety/interactions';
import { curatedListNotice } from '../../../shared/medication-safety/interactions';
import { resolveMedicationName, type ClinicOtherName } from '../../../shared/medication-safety/names';
import {
  checkPrescription,
  type PrescribedDose,
  type PrescribingCheckResult,
} from '../../../shared/medication-safety/prescribing-check';
import type { CatalogueEntry, PrescribingContext } from './api';

// The same pure checks the server runs (issue 11), run in the browser as the prescriber types, so errors
// and warnings show at once; the server's answer stays authoritative (its warnings are merged in).

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function factsOfEntry(entry: CatalogueEntry | undefined, label: string): DrugFacts {
  return {
    label: entry ? cap(entry.genericName) : label,
    genericName: entry?.genericName ?? null,
    drugClass: entry?.drugClass ?? null,
    classes: entry?.safety?.interactionClasses ?? [],
    origin: 'prescription',
  };
}

/** The catalogue entry a free-text name means (brand, salt, a name the clinic added), or undefined. */
export function resolveEntry(
  catalogue: CatalogueEntry[],
  text: string,
  clinicNames: readonly ClinicOtherName[] = [],
): CatalogueEntry | undefined {
  if (text.trim() === '') return undefined;
  const resolved = resolveMedicationName(
    text,
    catalogue.map((e) => e.genericName),
    clinicNames,
  );
  return resolved ? catalogue.find((e) => e.genericName === resolved.genericName) : undefined;
}

export type PrescribingCheckArgs = {
  catalogue: CatalogueEntry[];
  entry: CatalogueEntry | undefined;
  name: string;
  form: string;
  doses: PrescribedDose[];
  steps: { from: string }[];
  stepsAfter: string | null;
  context: PrescribingContext | undefined;
};

export function usePrescribingChecks(args: PrescribingCheckArgs): PrescribingCheckResult | null {
  const { catalogue, entry, name, form, doses, steps, stepsAfter, context } = args;
  const key = JSON.stringify({ e: entry?.id, name, form, doses, steps, stepsAfter });
  // The key stands for the arguments that change as the prescriber types.
  return useMemo(() => prescribingChecks(args), [key, context, catalogue]);
}

/** The prescribing checks of one set of arguments (null until the patient's context is loaded). */
export function prescribingChecks(args: PrescribingCheckArgs): PrescribingCheckResult | null {
  const { catalogue, entry, name, form, doses, steps, stepsAfter, context } = args;
  if (!context) return null;
  return checkPrescription({
    medicine: {
      ...factsOfEntry(entry, name),
      limits: entry?.safety?.doseLimits ?? null,
      formText: `${form} ${name}`,
    },
    doses,
    steps,
    stepsAfter,
    prescriptions: context.prescriptions,
    context: context.context,
    resolve: (substance) => {
      const found = resolveEntry(catalogue, substance);
      return found ? factsOfEntry(found, substance) : null;
    },
  });
}

/** The warnings of a 409 safety answer from the server, or []. */
export function serverWarnings(error: unknown): SafetyWarning[] {
  if (!isApiError(error, 'conflict')) return [];
  const details = error.details as { reason?: string; warnings?: SafetyWarning[] } | undefined;
  return details?.reason === 'safety_warnings' ? (details.warnings ?? []) : [];
}

/** Local warnings and the server's, one per id. */
export function mergeWarnings(local: SafetyWarning[], server: SafetyWarning[]): SafetyWarning[] {
  const seen = new Set<string>();
  return [...local, ...server].filter((w) => (seen.has(w.id) ? false : (seen.add(w.id), true)));
}

export { curatedListNotice };
