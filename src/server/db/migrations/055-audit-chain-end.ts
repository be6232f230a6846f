import { sql, type Kysely } from 'kysely';
import type { Engine } from '../database.js';

// Issue 19, ninth session: on PostgreSQL every shared audit commit took the clinic's chain lock (an advisory lock,
// db/portable.ts `lockAuditChain`) and then read the chain's end, two round trips with the lock held between
// them; commits of one chain are strictly serial, so each round trip under the lock delays every later commit.
// This function does both in one call: the same lock (same key as `lockAuditChain`, so older code on another
// instance still excludes it), then the read. VOLATILE on purpose: each statement of a volatile PL/pgSQL function
// takes a fresh snapshot under READ COMMITTED, so the read sees every append committed before the lock was
// granted (a single SELECT that took the lock itself would read with the snapshot taken before waiting, and
// could miss the end another instance just committed: a forked chain).
// SQLite needs nothing: its write transaction (BEGIN IMMEDIATE) already excludes every other writer.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`create function duet_audit_chain_end(p_clinic_id text)
    returns table (seq bigint, hash text)
    language plpgsql volatile
    as $$
    begin
      perform pg_advisory_xact_lock(hashtextextended('audit:' || p_clinic_id, 0));
      return query
        select e.seq, e.hash from audit_events e where e.clinic_id = p_clinic_id order by e.seq desc limit 1;
    end
    $$`.execute(db);
}
