// Table types of the alert lifecycle (migration 032, issue 12).

/** Where an alert stands beyond its state column: escalations, the acknowledgement pause, a follow-up. */
export interface AlertLifecycleTable {
  alert_id: string;
  clinic_id: string;
  /** "open" | "acknowledged" | "follow_up_due" | "resolved" (shared/alerts/lifecycle.ts). */
  phase: string;
  escalation_count: number;
  last_escalated_at: number | null;
  paused_until: number | null;
  follow_up_due_at: number | null;
  /** 1 once the follow-up came due with the alert still open. */
  follow_up_overdue: number;
}

/** One step in an alert's life, append-only: acknowledged, not reached, escalated to whom, … */
export interface AlertHistoryTable {
  id: string;
  clinic_id: string;
  alert_id: string;
  at: number;
  kind: string;
  actor_id: string | null;
  target_user_id: string | null;
  note: string | null;
}

export interface AlertLifecycleTables {
  alert_lifecycle: AlertLifecycleTable;
  alert_history: AlertHistoryTable;
}
