import type { Database, Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { OutgoingMail } from '../../platform/mail/mailer.js';
import type { Actor } from '../../platform/auth/actor.js';

/**
 * The dependencies of a FHIR write, bound to one open transaction, so the features' own use cases (the
 * patients feature's enrolment, the medications feature's start, which open their transaction themselves)
 * run inside the write's transaction: a Bundle is then all or nothing (issue 16).
 *
 * - `database`: every transaction, read and `db` of the use case is this transaction (no nested transaction:
 *   SQLite has one connection, PostgreSQL would commit apart).
 * - `audit`: every event a use case records names the API client as actor (the client did it; the account a
 *   record is entered as is not the one who acted).
 * - `mailer`: mail (an enrolment's invitation) is kept until the transaction has committed, then sent, so a
 *   Bundle that is rolled back never invites anyone.
 */
export interface BoundWrite {
  deps: AppDeps;
  /** Sends the mail kept back; call once the transaction has committed. */
  afterCommit(): Promise<void>;
}

export function bindToTransaction(deps: AppDeps, trx: Db, actor: Actor): BoundWrite {
  const mails: OutgoingMail[] = [];
  const database: Database = {
    engine: deps.database.engine,
    db: trx,
    transaction: (fn) => fn(trx),
    durableTransaction: (fn) => fn(trx),
    read: (fn) => fn(trx),
    close: () => Promise.resolve(),
  };
  const audit: AppDeps['audit'] = {
    record: (db, clinicId, _actor, entry) => deps.audit.record(db, clinicId, actor, entry),
    recordMany: (db, clinicId, _actor, entries) => deps.audit.recordMany(db, clinicId, actor, entries),
    recordRead: (clinicId, _actor, entry) => deps.audit.record(trx, clinicId, actor, entry),
    recordReads: (clinicId, _actor, entries) => deps.audit.recordMany(trx, clinicId, actor, entries),
    recordList: (db, clinicId, _actor, list) => deps.audit.recordList(db, clinicId, actor, list),
    recordListRead: (clinicId, _actor, list) => deps.audit.recordList(trx, clinicId, actor, list),
  };
  return {
    deps: {
      ...deps,
      database,
      audit,
      mailer: {
        transport: deps.mailer.transport,
        send: (_db, mail) => {
          mails.push(mail);
          return Promise.resolve();
        },
      },
    },
    async afterCommit() {
      for (const mail of mails.splice(0)) await deps.mailer.send(deps.database.db, mail);
    },
  };
}

/** Runs a write in one transaction with bound dependencies; kept-back mail goes out after the commit. */
export async function inOneTransaction<T>(
  deps: AppDeps,
  actor: Actor,
  fn: (trx: Db, bound: AppDeps) => Promise<T>,
): Promise<T> {
  let pending: BoundWrite | null = null;
  const result = await deps.database.transaction((trx) => {
    pending = bindToTransaction(deps, trx, actor);
    return fn(trx, pending.deps);
  });
  await (pending as BoundWrite | null)?.afterCommit();
  return result;
}
