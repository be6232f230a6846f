import type { PlanTables } from './schema-plans.js';
import type { PracticeTables } from './schema-practice.js';
import type { MessagingTables } from './schema-messaging.js';
import type { MeasureTables } from './schema-measures.js';
import type { RegistryTables } from './schema-registry.js';
import type { MedicationTables } from './schema-medications.js';
import type { AppointmentTables } from './schema-appointments.js';
import type { FeedbackTables } from './schema-feedback.js';
import type { DoseTables } from './schema-doses.js';
import type { NoteTables } from './schema-notes.js';
import type { SideEffectTables } from './schema-side-effects.js';
import type { LabResultTables } from './schema-lab-results.js';
import type { ClinicSafetyDataTables } from './schema-clinic-safety-data.js';
import type { MedicationSafetyTables } from './schema-medication-safety.js';
import type { AlertLifecycleTables } from './schema-alert-lifecycle.js';
import type { TwoFactorTables } from './schema-two-factor.js';
import type { AccountRecoveryTables } from './schema-account-recovery.js';
import type { SecurityTables } from './schema-security.js';
import type { VisitAgendaTables } from './schema-visit-agenda.js';
import type { ApiClientTables } from './schema-api-clients.js';
import type { CareContactTables } from './schema-care-contacts.js';
import type { PushTables } from './schema-push.js';
import type { FhirExportTables } from './schema-fhir-exports.js';

/** Kysely table types. Instants are epoch ms (bigint in PostgreSQL, parsed to number); days are YYYY-MM-DD text. */
export interface ClinicTable {
  id: string;
  name: string;
  settings: string;
  created_at: number;
}

export interface UserTable {
  id: string;
  clinic_id: string;
  email: string;
  name: string;
  role: string;
  status: string;
  password_hash: string | null;
  version: number;
  created_at: number;
  updated_at: number;
  last_login_at: number | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  clinic_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  /** The device, in the user's own list of signed-in devices (issue 13). */
  user_agent: string | null;
  /** Approximate only (an IPv4 /24, an IPv6 /48): enough to recognise a place, not a person. */
  client_address: string | null;
  /** 1: the clinic requires two-step sign-in and this staff session may only set it up. */
  two_factor_setup_required: number;
}

export interface InviteTable {
  id: string;
  clinic_id: string;
  user_id: string;
  token_hash: string;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
  created_by: string | null;
  created_at: number;
}

export interface PatientTable {
  id: string;
  clinic_id: string;
  user_id: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  email: string;
  phone: string | null;
  time_zone: string;
  medical_record_number: string | null;
  /** ISO 3166-1 alpha-2; null = the clinic's country (migration 031, issue 12). */
  country: string | null;
  version: number;
  care_team_version: number;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface CareTeamMemberTable {
  clinic_id: string;
  patient_id: string;
  user_id: string;
  role: string;
  added_at: number;
  added_by: string;
}

export interface CareTeamChangeTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  user_id: string;
  role: string;
  change: string;
  by_user_id: string;
  at: number;
  /** Why the role was left without anyone (issue 15: a departure's "leave unassigned"); null otherwise. */
  reason?: string | null;
}

export interface AuditEventTable {
  clinic_id: string;
  seq: number;
  id: string;
  at: number;
  actor_id: string | null;
  actor_role: string | null;
  patient_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: string;
  prev_hash: string;
  hash: string;
  /** The key of the HMAC-SHA-256 chain hash (migration 036); null = plain SHA-256, before keyed hashing. */
  hash_key_id: string | null;
  /** A list read (migration 052): how many patients it showed, they are in audit_event_patients; null otherwise. */
  patient_count?: number | null;
}

/** A clinic's roster version, bumped by triggers when a caseload's input changes (migration 053, issue 19). */
export interface CaseloadVersionTable {
  clinic_id: string;
  version: number;
}

/** The patients one list event showed (migration 052), covered by that event's HMAC. */
export interface AuditEventPatientTable {
  clinic_id: string;
  patient_id: string;
  event_seq: number;
}

/** A list event's patients, keyed event first (migration 054), covered by that event's HMAC. */
export interface AuditListPatientTable {
  clinic_id: string;
  event_seq: number;
  patient_id: string;
}

/** A (patient, actor, UTC day) with a list read in the event-first table (migration 054), written once. */
export interface AuditPatientListDayTable {
  clinic_id: string;
  patient_id: string;
  actor_id: string;
  day: number;
}

export interface MailOutboxTable {
  id: string;
  clinic_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  transport: string;
  created_at: number;
  sent_at: number | null;
  error: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  locked_until: number;
  updated_at: number;
}

export interface OutboxEventTable {
  id: string;
  clinic_id: string;
  patient_id: string | null;
  type: string;
  payload: string;
  dedupe_key: string | null;
  created_at: number;
  processed_at: number | null;
  attempts: number;
  last_error: string | null;
}

export interface AlertTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  type: string;
  severity: string;
  title: string;
  details: string;
  subject_id: string | null;
  source_event_id: string;
  /** rule name + event id: the worker can never raise the same alert twice. */
  idempotency_key: string;
  state: string;
  created_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
  resolved_by: string | null;
  resolution_note: string | null;
  escalated_at: number | null;
  version: number;
}

export interface AlertRecipientTable {
  alert_id: string;
  clinic_id: string;
  user_id: string;
  role: string;
  reason: string;
  added_at: number;
}

export interface CoreTables {
  clinics: ClinicTable;
  users: UserTable;
  sessions: SessionTable;
  invites: InviteTable;
  patients: PatientTable;
  care_team_members: CareTeamMemberTable;
  care_team_changes: CareTeamChangeTable;
  audit_events: AuditEventTable;
  audit_event_patients: AuditEventPatientTable;
  audit_list_patients: AuditListPatientTable;
  audit_patient_list_days: AuditPatientListDayTable;
  /** A view (migration 054): every list event's patients, from 052's table and the event-first one. */
  audit_listed_patients: AuditEventPatientTable;
  caseload_versions: CaseloadVersionTable;
  /** A view (migration 052): the events naming one patient, and one row per list event and patient it showed. */
  audit_patient_events: AuditEventTable;
  mail_outbox: MailOutboxTable;
  login_throttle: LoginThrottleTable;
  outbox_events: OutboxEventTable;
  alerts: AlertTable;
  alert_recipients: AlertRecipientTable;
}

/** Feature tables live beside their feature's schema file and join the database type here. */
export type DB = CoreTables &
  PlanTables &
  MessagingTables &
  MeasureTables &
  RegistryTables &
  MedicationTables &
  NoteTables &
  DoseTables &
  FeedbackTables &
  AppointmentTables &
  SideEffectTables &
  LabResultTables &
  ClinicSafetyDataTables &
  PracticeTables &
  MedicationSafetyTables &
  AlertLifecycleTables &
  AccountRecoveryTables &
  SecurityTables &
  TwoFactorTables &
  VisitAgendaTables &
  ApiClientTables &
  CareContactTables &
  PushTables &
  FhirExportTables;
