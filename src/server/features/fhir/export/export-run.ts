import type { Resource } from '@medplum/fhirtypes';
import type { Db } from '../../../db/database.js';
import type { FhirResourceType } from '../../../../shared/fhir/scopes.js';

/**
 * Where the export's rows come from: Duet's own tables read in keyset pages (id order, `batch` rows a page) and
 * turned into resources by the same pure mappings the read and search API uses. A page's resources are handed
 * to `emit` one by one (serialised once, written to the type's file); `afterPage` audits, notes progress and
 * gives the event loop a turn, and says whether to go on (false once the job is cancelled).
 */
export interface ExportRun {
  db: Db;
  clinicId: string;
  /** The job (its own `fhir.export` access entries are not exported). */
  jobId: string;
  base: string;
  /** The patients the client reaches (its care-team limit), or null for every patient of the clinic. */
  reachable: ReadonlySet<string> | null;
  /** `_since` (exclusive) and the transaction time (inclusive), as FHIR instants, compared with meta.lastUpdated. */
  sinceIso: string | null;
  untilIso: string;
  since: number | null;
  until: number;
  batch: number;
  wants(type: FhirResourceType): boolean;
  /**
   * Writes the resource (as `json` when the caller serialised it already). A promise only when the write had
   * to wait for the disk (most resources only fill a buffer).
   */
  emit(resource: Resource, patientId: string | null, json?: string): Promise<void> | undefined;
  /** Writes a resource of this type the caller serialised without building it (export-json.ts). */
  emitJson(type: FhirResourceType, json: string, patientId: string | null): Promise<void> | undefined;
  /** A row that could not be turned into a resource: named in the manifest's error file, never dropped silently. */
  unreadable(type: FhirResourceType, id: string): Promise<void>;
  afterPage(type: FhirResourceType): Promise<boolean>;
}

/** Changed after `_since` and not after the transaction time (Bulk Data IG: meta.lastUpdated). */
export function inWindow(run: ExportRun, r: Resource): boolean {
  const at = r.meta?.lastUpdated;
  if (at === undefined) return run.sinceIso === null;
  return (run.sinceIso === null || at > run.sinceIso) && at <= run.untilIso;
}

/** A page's rows by key, each list in the query's order (no reliance on the engine's text collation). */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

export const reaches = (run: ExportRun, patientId: string) =>
  run.reachable === null || run.reachable.has(patientId);

export async function emitIf(run: ExportRun, r: Resource, patientId: string | null) {
  if (inWindow(run, r)) await run.emit(r, patientId);
}
