import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database, Engine } from './database.js';
import * as m001 from './migrations/001-foundation.js';
import * as m003 from './migrations/003-care-team-patient-index.js';
import * as m004 from './migrations/004-outbox-and-alerts.js';
import * as m005 from './migrations/005-treatment-plans.js';
import * as m006 from './migrations/006-messaging.js';
import * as m008 from './migrations/008-registry.js';
import * as m007 from './migrations/007-measures.js';
import * as m009 from './migrations/009-measure-reminders.js';
import * as m014 from './migrations/014-measure-summaries.js';
import * as m010 from './migrations/010-medications.js';
import * as m020 from './migrations/020-appointments.js';
import * as m024 from './migrations/024-last-clinician-contacts.js';
import * as m025 from './migrations/025-dose-record-versions.js';
import * as m026 from './migrations/026-prescribing-safety.js';
import * as m023 from './migrations/023-feedback.js';
import * as m011 from './migrations/011-doses.js';
import * as m021 from './migrations/021-notes.js';
import * as m012 from './migrations/012-side-effects.js';
import * as m022 from './migrations/022-practice.js';
import * as m032 from './migrations/032-alert-lifecycle.js';
import * as m031 from './migrations/031-patient-country.js';
import * as m027 from './migrations/027-medication-safety-profile.js';
import * as m028 from './migrations/028-lab-results.js';
import * as m033 from './migrations/033-answer-dates-and-baselines.js';
import * as m030 from './migrations/030-dose-keys-wall-clock.js';
import * as m034 from './migrations/034-clinic-lab-thresholds-and-names.js';
import * as m036 from './migrations/036-audit-keyed-hash.js';
import * as m038 from './migrations/038-two-factor-and-devices.js';
import * as m037 from './migrations/037-password-reset-and-email-change.js';
import * as m039 from './migrations/039-access-report-and-security-alerts.js';
import * as m040 from './migrations/040-visit-agenda.js';
import * as m041 from './migrations/041-fhir-api-clients.js';
import * as m042 from './migrations/042-appointment-rooms.js';
import * as m043 from './migrations/043-recommendations-and-care-contacts.js';
import * as m047 from './migrations/047-plan-signature-attestation.js';
import * as m046 from './migrations/046-push-notifications.js';
import * as m045 from './migrations/045-fhir-bulk-export.js';
import * as m044 from './migrations/044-care-team-vacancy-reason.js';
import * as m049 from './migrations/049-client-keys-and-assertions.js';
import * as m050 from './migrations/050-export-keyset-indexes.js';
import * as m051 from './migrations/051-one-patient-audit-index.js';
import * as m052 from './migrations/052-one-audit-event-per-list.js';
import * as m054 from './migrations/054-event-first-list-patients.js';
import * as m055 from './migrations/055-audit-chain-end.js';
import * as m053 from './migrations/053-caseload-versions.js';

// Migrations are code, in order; one list runs on both engines (a few steps take the engine).
function migrationsFor(engine: Engine): Record<string, Migration> {
  return {
    '001-foundation': { up: m001.up },
    '002-audit-append-only': { up: (db: Kysely<unknown>) => m001.protectAuditTable(db, engine) },
    '003-care-team-patient-index': { up: m003.up },
    '004-outbox-and-alerts': { up: m004.up },
    '005-treatment-plans': { up: m005.up },
    '006-messaging': { up: m006.up },
    '008-registry': { up: m008.up },
    '007-measures': { up: m007.up },
    '009-measure-reminders': { up: m009.up },
    '014-measure-summaries': { up: m014.up },
    '010-medications': { up: m010.up },
    '020-appointments': { up: m020.up },
    '023-feedback': { up: m023.up },
    '011-doses': { up: m011.up },
    '021-notes': { up: m021.up },
    '012-side-effects': { up: m012.up },
    '022-practice': { up: m022.up },
    '024-last-clinician-contacts': { up: m024.up },
    '025-dose-record-versions': { up: m025.up },
    '026-prescribing-safety': { up: m026.up },
    '032-alert-lifecycle': { up: m032.up },
    '031-patient-country': { up: m031.up },
    '027-medication-safety-profile': { up: m027.up },
    '028-lab-results': { up: m028.up },
    '033-answer-dates-and-baselines': { up: m033.up },
    '030-dose-keys-wall-clock': { up: m030.up },
    '034-clinic-lab-thresholds-and-names': { up: m034.up },
    '036-audit-keyed-hash': { up: m036.up },
    '038-two-factor-and-devices': { up: m038.up },
    '037-password-reset-and-email-change': { up: m037.up },
    '039-access-report-and-security-alerts': { up: m039.up },
    '040-visit-agenda': { up: m040.up },
    '041-fhir-api-clients': { up: m041.up },
    '042-appointment-rooms': { up: m042.up },
    '043-recommendations-and-care-contacts': { up: m043.up },
    '047-plan-signature-attestation': { up: m047.up },
    '046-push-notifications': { up: m046.up },
    '045-fhir-bulk-export': { up: m045.up },
    '044-care-team-vacancy-reason': { up: m044.up },
    '049-client-keys-and-assertions': { up: m049.up },
    '050-export-keyset-indexes': { up: m050.up },
    '051-one-patient-audit-index': { up: m051.up },
    '052-one-audit-event-per-list': { up: (db: Kysely<unknown>) => m052.up(db, engine) },
    '054-event-first-list-patients': { up: (db: Kysely<unknown>) => m054.up(db, engine) },
    '053-caseload-versions': { up: (db: Kysely<unknown>) => m053.up(db, engine) },
    '055-audit-chain-end': { up: (db: Kysely<unknown>) => m055.up(db, engine) },
  };
}

/** The migrations this code knows (a database with any other is newer than this code; see db/restore.ts). */
export function knownMigrationNames(engine: Engine): string[] {
  return Object.keys(migrationsFor(engine));
}

/** Brings the schema up to date; safe to run from two instances at once (Kysely takes a lock). */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: () => Promise.resolve(migrationsFor(database.engine)),
  };
  // Features land in parallel, so a migration may be merged after a later-numbered one: run whatever is missing.
  const migrator = new Migrator({ db: database.db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed');
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
