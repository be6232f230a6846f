import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { AuditLog } from './audit/audit.js';
import type { AuditKeyRing } from './audit/audit-keys.js';
import type { PasswordHasher } from './auth/passwords.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { Clock } from './clock.js';
import type { Mailer } from './mail/mailer.js';
import type { ReadRunner } from './reads.js';
import type { Db } from '../db/database.js';
import type { AlertSpec } from '../../shared/alerts/alert.js';
import type { DomainEvent } from '../../shared/alerts/events.js';
import type { ClinicOtherName } from '../../shared/medication-safety/names.js';
import type { Actor } from './auth/actor.js';
import type { PushMessage } from '../../shared/push/texts.js';

/** Everything a service needs, passed explicitly (design §4): tests swap the clock, the rest is real. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  mailer: Mailer;
  audit: AuditLog;
  passwords: PasswordHasher;
  loginThrottle: LoginThrottle;
  /** The server keys kept outside the database (the audit key ring); they also seal stored TOTP keys. */
  serverKeys: AuditKeyRing;
  /** Where the heaviest reads run: read worker threads in the server, the main thread in tests. */
  reads: ReadRunner;
  /**
   * Stores an alert an outbox rule asked for, in the delivery transaction. The outbox only delivers events;
   * the alerts feature does the raising and is wired in here by the composition root (bootstrap.ts, issue 18).
   */
  raiseAlert: AlertRaiser;
  /**
   * Ports (issue 18): what a feature asks of a feature that already depends on it, so the two never import
   * each other; each owner's function is wired in by bootstrap.ts. The medications feature links free-text
   * records to a catalogue entry when the clinic adds an other name (asked by clinic-safety-data).
   */
  linkMedicationsByName: MedicationNameLinker;
  /** The patients feature writes the contact address of an account's patient record (asked by accounts). */
  setPatientEmail: PatientEmailSetter;
  /**
   * Issue 17: the push feature asks for a push notification in the caller's transaction (through the outbox);
   * notify.ts calls it beside each email, so the platform never imports the push feature.
   */
  requestPush: PushRequester;
  /** Issue 17: run by the outbox worker for every event, after the alert rules (the push feature's queueing). */
  onOutboxEvent: OutboxEventHandler;
}

/** Queues a push notification (shared/push/texts.ts) for these accounts, through the outbox. */
export type PushRequester = (
  trx: Db,
  request: {
    clinicId: string;
    patientId: string | null;
    userIds: readonly string[];
    message: PushMessage;
    notBefore?: number | null;
    dedupeKey?: string;
  },
) => Promise<void>;

/** Reacts to one delivered outbox event inside the delivery transaction. */
export type OutboxEventHandler = (trx: Db, deps: AppDeps, event: DomainEvent) => Promise<void>;

/** The alerts feature's `raiseAlert`, as the outbox worker calls it; resolves to the new alert's id or null. */
export type AlertRaiser = (
  trx: Db,
  deps: AppDeps,
  event: DomainEvent,
  spec: AlertSpec,
  key: string,
) => Promise<string | null>;

/** Links the clinic's free-text medication records that `added` names to `entry` (audited); the number linked. */
export type MedicationNameLinker = (
  trx: Db,
  deps: AppDeps,
  actor: Actor,
  link: {
    entry: { id: string; genericName: string; drugClass: string };
    /** The generic names of the clinic's active catalogue entries. */
    activeGenericNames: readonly string[];
    added: ClinicOtherName;
    now: number;
  },
) => Promise<number>;

/** Sets the email of the patient record of this account, if it has one (in the caller's transaction). */
export type PatientEmailSetter = (
  trx: Db,
  clinicId: string,
  userId: string,
  email: string,
  now: number,
) => Promise<void>;
