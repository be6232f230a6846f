/** Care-manager contacts (migration 043, issue 15). Instants are epoch ms; `reached` is 0/1. */
export interface CareContactTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  by_user_id: string;
  /** The logger's role when they logged it: only 'care_manager' contacts count towards CoCM minutes. */
  by_role: string;
  /** 'phone' | 'video' | 'message' | 'in_person' */
  mode: string;
  reached: number;
  minutes: number;
  note: string;
  contacted_at: number;
  created_at: number;
}

export interface CareContactTables {
  care_contacts: CareContactTable;
}
