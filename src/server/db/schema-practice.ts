// Table types of skills practice between sessions (migration 022, issue 6).

/** A piece of practice the therapist asked for. */
export interface PracticeAssignmentTable {
  /** Made by the client, so a retried assign finds the first one. */
  id: string;
  clinic_id: string;
  patient_id: string;
  /** shared/practice/content.ts practiceTypes. */
  type: string;
  library_version: string;
  instructions: string;
  /** JSON of shared/practice/completion.ts Frequency. */
  frequency: string;
  /** YYYY-MM-DD in the patient's time zone: the day it was assigned. */
  start_day: string;
  due_day: string;
  ipt_problem_area: string | null;
  /** 'active' | 'ended' */
  status: string;
  ended_at: number | null;
  ended_by: string | null;
  /** The day it was ended in the patient's time zone: completion expects nothing after it. */
  ended_day: string | null;
  assigned_by: string;
  created_at: number;
  updated_at: number;
  version: number;
}

/** What the patient wrote for one assignment: a draft while they write, then done. */
export interface PracticeEntryTable {
  /** Made by the patient's phone: every autosave and retry of one entry carries it. */
  id: string;
  clinic_id: string;
  patient_id: string;
  assignment_id: string;
  type: string;
  /** 'team' | 'therapist' (shared/practice/sharing.ts). */
  sharing: string;
  /** 'draft' | 'done' */
  status: string;
  /** JSON, parsed with the type's schema (shared/practice/content.ts). */
  content: string;
  /** YYYY-MM-DD the entry is about, in the patient's time zone. */
  day: string;
  started_at: number;
  updated_at: number;
  completed_at: number | null;
  version: number;
  /** Why a completed entry showed a risk of self-harm (JSON array, shared/practice/risk.ts); migration 033. */
  risk?: string | null;
}

/** The therapist's comment on an entry; whoever may read the entry reads its comments. */
export interface PracticeCommentTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  entry_id: string;
  author_id: string;
  text: string;
  created_at: number;
}

export interface PracticeTables {
  practice_assignments: PracticeAssignmentTable;
  practice_entries: PracticeEntryTable;
  practice_comments: PracticeCommentTable;
}
