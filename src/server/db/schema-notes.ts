// Table types of the notes feature (migration 021): progress notes and their addenda, private
// psychotherapy notes, and the team summaries.

/** A progress note about one session (or an unscheduled contact). Part of the patient's record. */
export interface ProgressNoteTable {
  /** Made by the client, so a retried create finds the first one. */
  id: string;
  clinic_id: string;
  patient_id: string;
  /** The session this note is about; null for a contact that was not scheduled. */
  appointment_id: string | null;
  /** The day of the session in the patient's time zone (YYYY-MM-DD). */
  session_date: string;
  /** 'soap' | 'dap' */
  format: string;
  /** JSON of the structured fields (shared/notes/schemas.ts progressNoteContentSchema). */
  content: string;
  /** 'draft' | 'signed'. A signed note never changes again: corrections are addenda. */
  status: string;
  author_id: string;
  /** Bumped by every autosave: a stale save from another tab is refused. */
  version: number;
  signed_by: string | null;
  signed_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A correction or addition to a signed progress note. Append-only: never updated or deleted. */
export interface ProgressNoteAddendumTable {
  id: string;
  clinic_id: string;
  note_id: string;
  text: string;
  written_by: string;
  written_at: number;
}

/**
 * A psychotherapy note: the author's private process notes. A separate table so that no query written
 * for the record (lists, summaries, exports, search) can pick one up by accident.
 */
export interface PsychotherapyNoteTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  author_id: string;
  session_date: string;
  text: string;
  version: number;
  created_at: number;
  updated_at: number;
}

/** One version of a team summary ('therapy' by the therapist, 'medication' by the prescriber). */
export interface TeamSummaryTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  /** 'therapy' | 'medication' */
  kind: string;
  /** 1, 2, 3… per patient and kind; the highest is the current statement. */
  version: number;
  text: string;
  written_by: string;
  written_at: number;
}

export interface NoteTables {
  progress_notes: ProgressNoteTable;
  progress_note_addenda: ProgressNoteAddendumTable;
  psychotherapy_notes: PsychotherapyNoteTable;
  team_summaries: TeamSummaryTable;
}
