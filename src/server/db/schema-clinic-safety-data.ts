// Table types of the clinic-editable safety data (migration 034, issue 11). Instants are epoch ms.

/** Numbers of a laboratory range the clinic changed; no row = the reference (lab-ranges.ts). */
export interface ClinicLabThresholdTable {
  clinic_id: string;
  /** LabRangeId, e.g. 'lithium_level'. */
  range_id: string;
  /** JSON number[]: one per threshold of the range, in its order. */
  thresholds: string;
  changed_by: string;
  changed_at: number;
  version: number;
}

/** A name the clinic added to a catalogue entry (a national brand, a local name). */
export interface MedicationCatalogueNameTable {
  id: string;
  clinic_id: string;
  catalogue_id: string;
  name: string;
  name_key: string;
  added_by: string;
  added_at: number;
}

export interface ClinicSafetyDataTables {
  clinic_lab_thresholds: ClinicLabThresholdTable;
  medication_catalogue_names: MedicationCatalogueNameTable;
}
