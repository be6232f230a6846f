/** Table types of the patient's dose side (migration 011). Instants are epoch ms; days are YYYY-MM-DD text. */
export interface DoseLogTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  medication_id: string;
  /** `${medicationId}:${localDate}:${localTime}`; null for as-needed doses. */
  dose_key: string | null;
  status: string;
  skip_reason: string | null;
  note: string | null;
  taken_at: number | null;
  scheduled_for: number | null;
  local_date: string;
  dose_amount: number;
  dose_unit: string;
  as_needed: number;
  late_entry: number;
  logged_by: string;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface MedicationSupplyTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  medication_id: string;
  quantity: number;
  unit_strength: number | null;
  counted_on: string;
  recorded_by: string;
  created_at: number;
  reminded_at: number | null;
}

export interface DoseReminderSettingsTable {
  patient_id: string;
  clinic_id: string;
  in_app: number;
  email: number;
  calendar_show_names: number;
  version: number;
  updated_at: number;
}

export interface DoseReminderSentTable {
  clinic_id: string;
  patient_id: string;
  dose_key: string;
  sent_at: number;
}

export interface CalendarFeedTable {
  patient_id: string;
  id: string;
  clinic_id: string;
  token_hash: string;
  created_at: number;
}

/** Raised with every write that can change a patient's adherence (migration 025). */
export interface DoseRecordVersionTable {
  patient_id: string;
  clinic_id: string;
  version: number;
}

export interface DoseTables {
  dose_logs: DoseLogTable;
  dose_record_versions: DoseRecordVersionTable;
  medication_supplies: MedicationSupplyTable;
  dose_reminder_settings: DoseReminderSettingsTable;
  dose_reminders_sent: DoseReminderSentTable;
  calendar_feeds: CalendarFeedTable;
}
