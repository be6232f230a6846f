import type { Resource } from '@medplum/fhirtypes';
import type { FhirResourceType } from '../../../shared/fhir/scopes.js';
import type { Cursor } from '../../../shared/fhir/search.js';
import type { FhirContext } from './access.js';

/**
 * A resource the handler wrote as JSON text itself, byte-equal to `JSON.stringify` of its mapping (the hot
 * Observation search: 50 per request, no objects built; issue 16), with what its Bundle entry names.
 */
export class WrittenResource {
  /**
   * Its `match` entry as UTF-8 bytes, kept for the base URL it was written for (bundle.ts): a resource kept
   * between searches (observation-texts.ts) is then neither spliced into a string nor encoded again.
   */
  matchEntry: { base: string; bytes: Buffer } | null = null;

  constructor(
    readonly resourceType: string,
    readonly id: string,
    readonly json: string,
  ) {}
}

export interface SearchPage {
  total: number;
  /** The matches, in order: built resources, or their JSON text already written. */
  resources: readonly (Resource | WrittenResource)[];
  /** Where the next page starts, or null on the last page. */
  next: Cursor | null;
  /** What `_include` asked for (search mode `include`), beside the matches and not counted in `total`. */
  included?: Resource[];
  /**
   * What the answer leaves out and why (e.g. a stored record that could not be read): one OperationOutcome entry
   * with search mode `outcome` and severity warning (hl7.org/fhir/R4/bundle.html, Bundle.entry.search.mode).
   */
  warnings?: readonly string[];
}

/** What `/fhir/R4` does for one resource type: read by id and search (the parameters it supports). */
export interface ResourceHandler {
  type: FhirResourceType;
  /** Search parameters besides `_count` and `_cursor`. */
  params: readonly string[];
  /** The `_include` values it answers (CapabilityStatement `searchInclude`), when `_include` is a parameter. */
  includes?: readonly string[];
  read(ctx: FhirContext, id: string): Promise<Resource>;
  search(
    ctx: FhirContext,
    params: ReadonlyMap<string, readonly string[]>,
    count: number,
    cursor: Cursor | null,
  ): Promise<SearchPage>;
}
