// What the start form and the change form share about the prescribing checks (issue 11): their words at each
// field as the prescriber types, the same problems in the form's own check, and one reading per set of values.
import { useRef } from 'react';
import type { PrescribingCheckResult } from '../../../shared/medication-safety/prescribing-check';
import type { FieldErrors, InputProps } from '../../lib/schema-form';

/** Asked at the reason field while a dose above the maximum has no reason. */
export const OVER_MAXIMUM_REASON_WORDS = 'Give a reason, or lower the dose.';

type Checks = PrescribingCheckResult | null | undefined;

const underBody = (path: string) => path.replace(/^body\./, '');

/** True when a dose is above the maximum and the prescriber has not given a reason yet. */
export const reasonMissing = (checks: Checks, overMaximumReason: string): boolean =>
  (checks?.overMaximum.length ?? 0) > 0 && overMaximumReason.trim() === '';

/**
 * For the form's own check (`moreErrors`): each refusal of the checks at its field's full path
 * (`steps.0.doseAmount`), the first per field, and the missing reason above the maximum.
 */
export function checkErrors(checks: Checks, overMaximumReason: string): FieldErrors {
  const found: FieldErrors = {};
  for (const problem of checks?.fieldErrors ?? []) found[underBody(problem.path)] ??= problem.message;
  if (reasonMissing(checks, overMaximumReason)) found.overMaximumReason = OVER_MAXIMUM_REASON_WORDS;
  return found;
}

/**
 * Shown as the prescriber types: the words of each refusal and of each dose above the maximum at its field
 * as the form lays it out (`steps` for any step), the first per field, and the missing reason.
 */
export function checkWords(checks: Checks, overMaximumReason: string): Record<string, string> {
  const words: Record<string, string> = {};
  for (const problem of [...(checks?.fieldErrors ?? []), ...(checks?.overMaximum ?? [])]) {
    const field = underBody(problem.path).split('.')[0] ?? '';
    words[field] ??= problem.message;
  }
  if (reasonMissing(checks, overMaximumReason)) words.overMaximumReason = OVER_MAXIMUM_REASON_WORDS;
  return words;
}

/** A field's input props with the checks' words under the form's own message (that one shows first). */
export function withCheckWords<T>(props: InputProps<T>, words: Record<string, string>, path: string) {
  return { ...props, error: props.error ?? words[path] };
}

/**
 * `read(values)` worked out once per set of values and inputs (the catalogue, the patient's context …):
 * the schema check, the payload and the page all ask for it on each render.
 */
export function useReadOnce<V, R>(read: (values: V) => R, inputs: readonly unknown[]): (values: V) => R {
  const last = useRef<{ of: unknown[]; is: R } | null>(null);
  return (values: V) => {
    const of = [values, ...inputs];
    if (!last.current?.of.every((x, i) => x === of[i])) last.current = { of, is: read(values) };
    return last.current.is;
  };
}
