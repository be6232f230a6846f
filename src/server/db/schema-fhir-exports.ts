/** Issue 16 (migration 045): FHIR Bulk Data `$export` jobs of API clients. */
export interface FhirExportJobTable {
  id: string;
  clinic_id: string;
  client_id: string;
  /** 'system' | 'group' | 'patient' */
  level: string;
  request: string;
  /** JSON array of resource types. */
  types: string;
  since: number | null;
  /** 'running' | 'completed' | 'failed' | 'cancelled' */
  status: string;
  progress: string;
  resources: number;
  /** JSON array of { type, file, count } once complete. */
  output: string | null;
  error: string | null;
  transaction_time: number;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
  expires_at: number | null;
  version: number;
}

export interface FhirExportTables {
  fhir_export_jobs: FhirExportJobTable;
}
