import os from 'node:os';
import path from 'node:path';
import { loadConfig } from './config.js';
import { createDeps, openAndMigrate } from './bootstrap.js';
import { backupSqlite } from './db/backup.js';
import { restoreSqlite } from './db/restore.js';
import { systemClock } from './platform/clock.js';
import { verifyAuditChain } from './platform/audit/audit.js';
import { fileCheckpointStore } from './platform/audit/audit-checkpoint.js';
import { loadAuditKeys } from './platform/audit/audit-keys.js';
import { createAdmin, freshInviteLink } from './features/accounts/index.js';

const usage = `Duet command line

  npm run duet -- migrate                         bring the database schema up to date
  npm run duet -- create-admin <email> <name> [--clinic "Clinic name"]
                                                  create a clinic admin in that clinic (created when missing;
                                                  without --clinic: the only clinic);
                                                  prints a one-time link to set the password
  npm run duet -- invite-link <email>              a new one-time link for an account still invited (the old
                                                  link dies); for use without SMTP, as the outbox hides links
  npm run duet -- backup <file> [--force]         online backup of the SQLite database to <file> (one
                                                  consistent snapshot; --force replaces an existing file)
                                                  (PostgreSQL: use pg_dump, see docs/operations.md)
  npm run duet -- restore <file>                  check a SQLite backup (integrity, Duet schema, audit chain)
                                                  and put it in place; stop the server first. The current
                                                  database is kept as duet.sqlite.before-restore-<time>
  npm run duet -- audit-verify                    check the audit chain (HMAC key, latest checkpoint),
                                                  report the first bad event

The database is DATABASE_URL (PostgreSQL) or DATA_DIR/duet.sqlite, as for the server.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const database = await openAndMigrate(config);
      await database.close();
      console.log(`Schema is up to date (${database.engine}).`);
      return 0;
    }
    case 'audit-verify': {
      const database = await openAndMigrate(config);
      const keys = loadAuditKeys(config);
      const checkpoint = await fileCheckpointStore(config.dataDir).latest();
      // One verification worker per core (issue 13: 1,000,000 events in under 10 s).
      const report = await verifyAuditChain(database.db, keys, checkpoint, {
        workers: os.availableParallelism(),
      });
      await database.close();
      if (report.ok) {
        console.log(
          `Audit chain intact: ${String(report.events)} events in ${String(report.clinics)} clinic(s)` +
            (report.checkpointAt === null
              ? '; no checkpoint yet (truncation cannot be detected until one is written).'
              : `, checked against the checkpoint of ${new Date(report.checkpointAt).toISOString()}.`),
        );
        if (report.beforeKeyedHashing > 0)
          console.log(
            `${String(report.beforeKeyedHashing)} event(s) before keyed hashing are verified by their plain hash only.`,
          );
        return 0;
      }
      console.error(
        `Audit chain BROKEN in clinic ${report.clinicId} at event #${String(report.seq)}: ${report.reason}.`,
      );
      return 1;
    }
    case 'backup': {
      const target = args.find((a) => !a.startsWith('--'));
      if (!target) throw new Error('Name the backup file: npm run duet -- backup <file> [--force]');
      if (config.databaseUrl) {
        console.error('This database is PostgreSQL: back it up with pg_dump (see docs/operations.md).');
        return 2;
      }
      // One consistent snapshot (VACUUM INTO) while the server keeps running; see db/backup.ts.
      const done = backupSqlite(config.sqlitePath, target, { force: args.includes('--force') });
      console.log(
        `Backed up ${config.sqlitePath} to ${done.target} (${(done.bytes / 1e6).toFixed(1)} MB in ${(done.ms / 1000).toFixed(1)} s).`,
      );
      return 0;
    }
    case 'restore': {
      const source = args[0];
      if (!source) throw new Error('Name the backup to restore: npm run duet -- restore <file>');
      if (config.databaseUrl) {
        console.error('This database is PostgreSQL: restore it with pg_restore (see docs/operations.md).');
        return 2;
      }
      const keys = loadAuditKeys(config);
      // The chain is checked on its own (keyed hashes, links): the checkpoints on disk were written after
      // the backup and would report its later events as missing (docs/operations.md, "Checkpoints").
      const done = await restoreSqlite(source, config.sqlitePath, {
        nowMs: systemClock.now(),
        verifyAudit: async (db) => {
          const report = await verifyAuditChain(db, keys, null, { workers: os.availableParallelism() });
          return report.ok
            ? { ok: true }
            : {
                ok: false,
                reason: `clinic ${report.clinicId}, event #${String(report.seq)}: ${report.reason}`,
              };
        },
      });
      console.log(
        `Restored ${path.resolve(source)} to ${done.restored}` +
          (done.keptAs === null ? '.' : `; the previous database is kept as ${done.keptAs}.`) +
          (done.pendingMigrations > 0
            ? ` ${String(done.pendingMigrations)} migration(s) will run at the next start.`
            : ''),
      );
      return 0;
    }
    case 'create-admin': {
      const [email, ...rest] = args;
      const clinicFlag = rest.indexOf('--clinic');
      const clinicName = clinicFlag >= 0 ? rest[clinicFlag + 1] : undefined;
      const name = (clinicFlag >= 0 ? rest.slice(0, clinicFlag) : rest).join(' ');
      if (!email || !name)
        throw new Error('Usage: npm run duet -- create-admin <email> <name> [--clinic "Clinic name"]');
      const database = await openAndMigrate(config);
      try {
        const { link, clinicCreated } = await createAdmin(createDeps(config, database), {
          email,
          name,
          clinicName,
        });
        if (clinicCreated) console.log(`Clinic "${clinicName ?? 'My clinic'}" created.`);
        console.log(`Admin ${email} created. Open this one-time link to set the password:\n${link}`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'invite-link': {
      const [email] = args;
      if (!email) throw new Error('Usage: npm run duet -- invite-link <email>');
      const database = await openAndMigrate(config);
      try {
        const { link } = await freshInviteLink(createDeps(config, database), email);
        console.log(`A new one-time link for ${email} (the previous one no longer works):\n${link}`);
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      console.log(usage);
      return command === undefined || command === 'help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
