// Table types of laboratory results (migration 028, issue 11). Instants are epoch ms.

/** Per clozapine (or other ANC-monitored) record: which ANC table applies. */
export interface MedicationLabProfileTable {
  medication_id: string;
  clinic_id: string;
  patient_id: string;
  /** 1 = the benign-ethnic-neutropenia ANC table (clozapine label). */
  benign_ethnic_neutropenia: number;
  updated_by: string;
  updated_at: number;
  version: number;
}

/** Columns migration 028 adds to `monitoring_results` (joined with MonitoringResultTable in the DB type). */
export interface MonitoringResultLabColumns {
  /** JSON LabInterpretation (shared/medication-safety/labs.ts) made when recorded; null when not a lab test. */
  interpretation: string | null;
  /** 'normal' | 'abnormal' | 'high' | 'critical'; null when not interpreted. */
  tier: string | null;
  /** ALT/AST: the laboratory's upper limit of normal as entered (U/L). */
  upper_limit_of_normal: number | null;
}

export interface LabResultTables {
  medication_lab_profiles: MedicationLabProfileTable;
  monitoring_results: MonitoringResultLabColumns;
}
