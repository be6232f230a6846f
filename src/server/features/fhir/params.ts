import { dateBounds, referenceId, type Bounds, type Parsed } from '../../../shared/fhir/search.js';
import { FhirError } from './outcome.js';

/** The value of a pure parse, or a 400 OperationOutcome naming the search parameter. */
export function orThrow<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value;
  throw new FhirError(400, 'invalid', parsed.error.message, parsed.error.param);
}

/** The one patient a patient-compartment search is about (`patient` or `subject`). */
export function patientOf(params: ReadonlyMap<string, readonly string[]>, type: string): string | null {
  const values = [...(params.get('patient') ?? []), ...(params.get('subject') ?? [])];
  if (values.length === 0) return null;
  const ids = new Set(values.map((v) => referenceId(v, 'Patient')));
  const [id] = ids;
  if (ids.size !== 1 || id === null || id === undefined)
    throw new FhirError(400, 'invalid', `Search ${type} for one patient (patient=<id>).`, 'patient');
  return id;
}

export function requirePatient(params: ReadonlyMap<string, readonly string[]>, type: string): string {
  const id = patientOf(params, type);
  if (id === null)
    throw new FhirError(400, 'required', `Search ${type} by patient (patient=<id>) or by _id.`, 'patient');
  return id;
}

export function boundsOf(params: ReadonlyMap<string, readonly string[]>, name: string): Bounds {
  const values = params.get(name);
  return values ? orThrow(dateBounds(name, values)) : { from: null, before: null };
}

/** The ids of `_id` (comma-separated OR), or null when not searched. */
export function idsOf(params: ReadonlyMap<string, readonly string[]>): string[] | null {
  const values = params.get('_id');
  if (!values) return null;
  const lists = values.map((v) => v.split(','));
  // Repeated _id parameters AND: only ids in every list.
  const [first = [], ...rest] = lists;
  return first.filter((id) => rest.every((l) => l.includes(id)));
}

export function sortOf<T extends string>(
  params: ReadonlyMap<string, readonly string[]>,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = params.get('_sort')?.at(-1);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new FhirError(400, 'invalid', `_sort must be one of ${allowed.join(', ')}.`, '_sort');
  return value as T;
}
