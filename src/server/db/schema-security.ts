/** Issue 13 (migration 039): bursts of refused attempts and the security alerts they raise for admins. */
export interface RefusalBurstTable {
  id: string;
  clinic_id: string;
  /** The account refused again and again. */
  actor_id: string;
  started_at: number;
  /** Extended by every refusal of the burst; a refusal more than the quiet period later starts a new one. */
  last_refusal_at: number;
}

export interface SecurityAlertTable {
  id: string;
  clinic_id: string;
  type: string;
  severity: string;
  title: string;
  details: string;
  /** The account the alert is about. */
  subject_id: string | null;
  source_event_id: string;
  /** rule name + event id: the worker never raises the same alert twice. */
  idempotency_key: string;
  created_at: number;
}

export interface SecurityTables {
  refusal_bursts: RefusalBurstTable;
  security_alerts: SecurityAlertTable;
}
