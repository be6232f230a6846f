// Table types of the messaging and consults feature (migration 006).

export interface ConversationTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  /** 'team' | 'patient' */
  kind: string;
  /** The patient id for the patient's one team thread, null otherwise: a unique key that makes creating it race-free. */
  team_key: string | null;
  subject: string;
  started_by: string | null;
  created_at: number;
  last_message_at: number | null;
  /** The patient's first message that no clinician has answered yet (null when answered). */
  awaiting_message_id: string | null;
  awaiting_since: number | null;
  /** The awaiting message for which "unanswered" was already emitted. */
  unanswered_emitted_for: string | null;
}

export interface MessageTable {
  /** Made by the client, so a retried post finds the first one. */
  id: string;
  clinic_id: string;
  patient_id: string;
  conversation_id: string;
  author_id: string;
  body: string;
  /** JSON array of user ids. */
  mentions: string;
  created_at: number;
  /** Server-made UUIDv7: a total order even for messages in the same millisecond. */
  sort_key: string;
}

export interface MessageReadTable {
  clinic_id: string;
  message_id: string;
  conversation_id: string;
  user_id: string;
  read_at: number;
}

export interface ConsultTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  from_user_id: string;
  to_user_id: string;
  priority: string;
  question: string;
  /** 'open' | 'closed' */
  state: string;
  reply: string | null;
  replied_at: number | null;
  closed_by: string | null;
  closed_at: number | null;
  close_note: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface MessagingTables {
  conversations: ConversationTable;
  messages: MessageTable;
  message_reads: MessageReadTable;
  consults: ConsultTable;
}
