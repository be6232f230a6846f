// Table types of the patient's agenda items, "What I want to talk about" (migration 040, issue 14).

export interface VisitAgendaItemTable {
  /** Made by the client, so a retried add finds the first one. */
  id: string;
  clinic_id: string;
  patient_id: string;
  /** 'therapist' | 'prescriber' | 'both' (both = the whole care team). */
  addressed_to: string;
  /** The appointment it was added for (from the appointment card); null = the next visit. */
  appointment_id: string | null;
  text: string;
  /** 'open' | 'discussed' */
  status: string;
  discussed_by: string | null;
  discussed_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface VisitAgendaTables {
  visit_agenda_items: VisitAgendaItemTable;
}
