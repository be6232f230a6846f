// Table types of the medications feature (migration 010, issue 4). Instants are epoch ms; days 'YYYY-MM-DD'.

/** The clinic's medication catalogue, seeded from shared/clinical/medications.csv; the admin edits it. */
export interface MedicationCatalogueTable {
  id: string;
  clinic_id: string;
  generic_name: string;
  drug_class: string;
  drug_group: string;
  rxnorm_code: string | null;
  /** Where the code came from, e.g. 'CPIC drug table' or 'unverified'. */
  rxnorm_source: string;
  /** 1 only when the source is trusted; clinicians see "unverified" otherwise. */
  rxnorm_verified: number;
  monitoring: string;
  notes: string;
  /** JSON array of side-effect symptom codes urgent for this medication, e.g. lamotrigine '["rash"]'. */
  urgent_symptoms: string;
  /** Key of the plain-language medication guide, e.g. 'antidepressant'. */
  guide_class: string;
  /** JSON array of monitoring programs (shared/medications/monitoring.ts), e.g. '["sga_metabolic"]'. */
  monitoring_programs: string;
  /** JSON CatalogueSafety (dose limits, interaction classes; migration 026), null = none. */
  safety?: string | null;
  /** JSON SafetyChangeMark[]: values the clinic changed from Duet's starting data, with who and when. */
  safety_changes?: string | null;
  active: number;
  created_at: number;
  updated_at: number;
  version: number;
}

/** A patient's medication record. The dose and schedule live in its periods. */
export interface MedicationTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  catalogue_id: string | null;
  /** Display name, e.g. 'Sertraline' (free text when not in the catalogue). */
  name: string;
  drug_class: string | null;
  form: string;
  route: string;
  instructions: string;
  start_date: string;
  /** Last day inclusive (stopped or planned end); null = ongoing. */
  end_date: string | null;
  /** 'active' | 'paused' | 'stopped' */
  status: string;
  prescribed_by: string;
  /** JSON MonitoringAnswer for a medicine Duet does not know (migration 026), else null. */
  monitoring_answer?: string | null;
  created_at: number;
  updated_at: number;
  /** Optimistic concurrency (ETag/If-Match). */
  version: number;
}

/** One step of the regimen: start, dose/schedule change, titration/taper step, pause or resume. */
export interface MedicationPeriodTable {
  id: string;
  clinic_id: string;
  medication_id: string;
  starts_on: string;
  dose_amount: number;
  dose_unit: string;
  /** JSON DoseSchedule (shared/medications/schedule.ts). */
  schedule: string;
  paused: number;
  created_at: number;
  change_id: string;
  /** The prescriber's reason for a dose above the maximum (migration 026), else null. */
  over_maximum_reason?: string | null;
}

/** The full history of a medication record: every change with its reason. */
export interface MedicationChangeTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  medication_id: string;
  /** 'started'|'dose_changed'|'schedule_changed'|'titration_planned'|'paused'|'resumed'|'stopped'|'details_changed' */
  kind: string;
  summary: string;
  reason: string;
  effective_on: string;
  changed_by: string;
  changed_at: number;
  /** Set when the change answers a side-effect report. */
  side_effect_report_id: string | null;
  /** JSON OverMaximumRecord (migration 026), else null. */
  over_maximum?: string | null;
  /** JSON AnsweredWarning[]: the prescriber's answer to each safety warning (migration 026), else null. */
  safety_answers?: string | null;
}

/** A monitoring result (lab value or physical check) recorded by the prescriber. */
export interface MonitoringResultTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  medication_id: string | null;
  /** shared/medications/monitoring.ts test code, e.g. 'anc'. */
  test: string;
  value: string;
  unit: string;
  taken_on: string;
  note: string | null;
  recorded_by: string;
  recorded_at: number;
}

export interface MedicationTables {
  medication_catalogue: MedicationCatalogueTable;
  medications: MedicationTable;
  medication_periods: MedicationPeriodTable;
  medication_changes: MedicationChangeTable;
  monitoring_results: MonitoringResultTable;
}
