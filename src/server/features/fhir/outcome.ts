import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

/** A FHIR failure: answered as an OperationOutcome with this status (hl7.org/fhir/R4/http.html). */
export class FhirError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 412 | 415 | 422 | 429,
    readonly code: OperationOutcomeIssue['code'],
    readonly diagnostics: string,
    /** FHIRPath of the element at fault (e.g. Observation.valueQuantity.value), or the search parameter. */
    readonly expression?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(diagnostics);
    this.name = 'FhirError';
  }
}

export const notFoundFhir = (type: string, id: string) =>
  new FhirError(404, 'not-found', `${type}/${id} is not known.`);

export function operationOutcome(
  code: OperationOutcomeIssue['code'],
  diagnostics: string,
  expression?: string,
  severity: OperationOutcomeIssue['severity'] = 'error',
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity, code, diagnostics, ...(expression ? { expression: [expression] } : {}) }],
  };
}
