// Table types of the appointments feature (migration 020).

/** A recurring booking: the rule it was made from (each occurrence is its own appointment row). */
export interface AppointmentSeriesTable {
  /** Made by the client (the booking request's id), so a retried booking finds the first one. */
  id: string;
  clinic_id: string;
  patient_id: string;
  /** 'weekly' | 'fortnightly' */
  frequency: string;
  count: number | null;
  until_day: string | null;
  created_by: string;
  created_at: number;
}

/** One appointment (a single booking, or one occurrence of a series). */
export interface AppointmentTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  series_id: string | null;
  /** 'therapy_session' | 'medication_review' */
  type: string;
  /** The clinician it is with (the therapist for sessions, the prescriber for reviews). */
  clinician_id: string;
  /** 'in_person' | 'video' | 'phone' */
  mode: string;
  /** Local day (YYYY-MM-DD) and time (HH:MM) in time_zone; the instants are derived from them. */
  local_day: string;
  local_time: string;
  time_zone: string;
  starts_at: number;
  ends_at: number;
  duration_minutes: number;
  location: string | null;
  /** The room (migration 042, issue 15); null when none was given. */
  room?: string | null;
  /** A telehealth link, https only (migration 042); null when none was given. */
  telehealth_url?: string | null;
  /** 'scheduled' | 'attended' | 'no_show' | 'cancelled' */
  status: string;
  /** 'patient' | 'clinician', when cancelled. */
  cancelled_by: string | null;
  /** 1 when cancelled with less than the clinic's notice; 0 or 1 (integer on both engines). */
  cancelled_late: number | null;
  cancel_reason: string | null;
  status_set_by: string | null;
  status_set_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  version: number;
}

/** A reminder emailed to the patient: one per appointment and start (a moved appointment is reminded again). */
export interface AppointmentReminderTable {
  appointment_id: string;
  starts_at: number;
  clinic_id: string;
  patient_id: string;
  sent_at: number;
}

export interface AppointmentTables {
  appointment_series: AppointmentSeriesTable;
  appointments: AppointmentTable;
  appointment_reminders: AppointmentReminderTable;
}
