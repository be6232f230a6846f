import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cliCommand } from '../../testing/server-command.js';
import { createTestContext, TEST_AUDIT_HMAC_KEY, type TestContext } from '../../testing/test-app.js';
import type { Actor } from '../auth/actor.js';
import { GENESIS_HASH, hashAuditEvent, macAuditEvent } from './audit-chain.js';
import {
  fileCheckpointStore,
  startCheckpoints,
  writeCheckpoint,
  type Checkpoint,
  type CheckpointStore,
} from './audit-checkpoint.js';
import { keyRingFrom, loadAuditKeys, type AuditKeyRing } from './audit-keys.js';
import { createAuditLog, verifyAuditChain } from './audit.js';
import type { AuditRow } from './audit.repository.js';

// An attacker with full database access (triggers dropped) but without the audit key, which lives outside the
// database. Every tampering below is done with raw SQL and must be reported with its first bad event.

let t: TestContext;
let keys: AuditKeyRing;
let store: CheckpointStore & { lines: Checkpoint[] };
const CLINIC = 'clinic-a';
const OTHER = 'clinic-b';
const ERASED = 'patient-erased';

function memoryStore(): CheckpointStore & { lines: Checkpoint[] } {
  const lines: Checkpoint[] = [];
  return {
    lines,
    append: (cp) => {
      lines.push(cp);
      return Promise.resolve();
    },
    latest: () => Promise.resolve(lines.at(-1) ?? null),
  };
}

const actor = (userId: string): Actor => ({
  userId,
  role: 'therapist',
  clinicId: CLINIC,
  patientId: null,
  sessionIdHash: 'x',
  csrfToken: 'x',
});

async function writeEvents(clinicId: string, n: number): Promise<void> {
  await t.deps.database.transaction(async (trx) => {
    for (let i = 1; i <= n; i++)
      await t.deps.audit.record(trx, clinicId, actor(i % 3 === 0 ? 'nosy' : 'carer'), {
        action: 'patient.read',
        resourceType: 'patient',
        resourceId: null,
        patientId: i % 7 === 0 ? ERASED : 'patient-kept',
        outcome: 'allowed',
      });
  });
}

const db = () => t.deps.database.db;

async function liftGuards(): Promise<void> {
  if (t.deps.database.engine === 'sqlite') {
    await sql`drop trigger audit_events_no_update`.execute(db());
    await sql`drop trigger audit_events_no_delete`.execute(db());
  } else await sql`alter table audit_events disable trigger audit_events_append_only`.execute(db());
}

async function chain(clinicId: string): Promise<AuditRow[]> {
  return db()
    .selectFrom('audit_events')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .orderBy('seq')
    .execute();
}

/**
 * The attacker rewrites a clinic's chain from `fromSeq` on as they want it: renumbered, relinked, re-hashed; the
 * events before it stay exactly as they were.
 */
async function rewriteChain(
  clinicId: string,
  events: AuditRow[],
  fromSeq: number,
  rehash: (r: Omit<AuditRow, 'hash' | 'hash_key_id'>) => string,
  keyId: string | null,
): Promise<void> {
  await db().deleteFrom('audit_events').where('clinic_id', '=', clinicId).execute();
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    const seq = i + 1;
    if (seq < fromSeq) {
      await db().insertInto('audit_events').values(e).execute();
      prev = e.hash;
      continue;
    }
    const { hash: _h, hash_key_id: _k, ...rest } = e;
    const row = { ...rest, seq, prev_hash: prev };
    const hash = rehash(row);
    await db()
      .insertInto('audit_events')
      .values({ ...row, hash, hash_key_id: keyId })
      .execute();
    prev = hash;
  }
}

const attackerKey = keyRingFrom('a-guess-at-the-audit-key').current;
const verify = async () => verifyAuditChain(db(), keys, await store.latest());
/** Also on verification worker threads (audit:verify runs one per core on large chains): the very same report. */
const verifyBoth = async () => {
  const checkpoint = await store.latest();
  const report = await verifyAuditChain(db(), keys, checkpoint);
  expect(await verifyAuditChain(db(), keys, checkpoint, { workers: 2, minEventsForWorkers: 0 })).toEqual(
    report,
  );
  return report;
};

beforeEach(async () => {
  t = await createTestContext();
  keys = loadAuditKeys(t.config);
  store = memoryStore();
  await writeEvents(CLINIC, 60);
  await writeEvents(OTHER, 10);
  await writeCheckpoint(db(), keys, store, t.clock);
  await liftGuards();
});
afterEach(() => t.close());

describe('audit trail against an attacker with database access', () => {
  it('is intact before tampering, with every event keyed and the checkpoint matched', async () => {
    expect(await verifyBoth()).toEqual({
      ok: true,
      clinics: 2,
      events: 70,
      beforeKeyedHashing: 0,
      checkpointAt: t.clock.now(),
    });
    expect((await chain(CLINIC)).every((e) => e.hash_key_id === keys.current.id)).toBe(true);
  });

  it('reports a deleted tail (truncation) at the first missing event', async () => {
    await db().deleteFrom('audit_events').where('clinic_id', '=', CLINIC).where('seq', '>', 50).execute();
    expect(await verifyBoth()).toMatchObject({ ok: false, clinicId: CLINIC, seq: 51 });
    expect(await verify()).toMatchObject({
      reason: expect.stringMatching(/missing from the end/) as unknown,
    });
  });

  it('reports an appended forged event (plain INSERT with the plain hash, or a guessed key)', async () => {
    const last = (await chain(CLINIC)).at(-1) as AuditRow;
    const forged = { ...last, id: 'forged', seq: 61, prev_hash: last.hash, actor_id: 'innocent' };
    const { hash: _h, hash_key_id: _k, ...content } = forged;
    await db()
      .insertInto('audit_events')
      .values({ ...content, hash: hashAuditEvent(content), hash_key_id: null })
      .execute();
    expect(await verify()).toMatchObject({ ok: false, clinicId: CLINIC, seq: 61 });

    await db().deleteFrom('audit_events').where('id', '=', 'forged').execute();
    await db()
      .insertInto('audit_events')
      .values({ ...content, hash: macAuditEvent(attackerKey, content), hash_key_id: keys.current.id })
      .execute();
    expect(await verifyBoth()).toMatchObject({ ok: false, clinicId: CLINIC, seq: 61, reason: /HMAC/ });
  });

  it('reports an edited and re-hashed chain at the edited event', async () => {
    const events = (await chain(CLINIC)).map((e) => (e.seq === 12 ? { ...e, actor_id: 'someone-else' } : e));
    await rewriteChain(CLINIC, events, 12, (r) => macAuditEvent(attackerKey, r), keys.current.id);
    expect(await verify()).toMatchObject({ ok: false, clinicId: CLINIC, seq: 12, reason: /HMAC/ });
    // The whole chain re-hashed with the plain (pre-key) hash: refused where the checkpoint recorded keyed events.
    await rewriteChain(CLINIC, events, 1, hashAuditEvent, null);
    expect(await verify()).toMatchObject({
      ok: false,
      clinicId: CLINIC,
      seq: 1,
      reason: /without HMAC/,
    });
  });

  it("reports one person's erased reads, renumbered and re-hashed, at the first erased event", async () => {
    const all = await chain(CLINIC);
    const firstErased = (all.find((e) => e.patient_id === ERASED) as AuditRow).seq;
    const kept = all.filter((e) => e.patient_id !== ERASED);
    await rewriteChain(CLINIC, kept, firstErased, (r) => macAuditEvent(attackerKey, r), keys.current.id);
    expect(firstErased).toBe(7);
    expect(await verify()).toMatchObject({ ok: false, clinicId: CLINIC, seq: firstErased });
  });

  it("reports a deleted clinic's whole chain", async () => {
    await db().deleteFrom('audit_events').where('clinic_id', '=', OTHER).execute();
    expect(await verifyBoth()).toMatchObject({
      ok: false,
      clinicId: OTHER,
      seq: 1,
      reason: expect.stringMatching(/whole chain is gone/) as unknown,
    });
  });

  it('reports two events swapped in order at the first of them', async () => {
    const all = await chain(CLINIC);
    const a = all[19] as AuditRow;
    const b = all[20] as AuditRow;
    await db()
      .deleteFrom('audit_events')
      .where('clinic_id', '=', CLINIC)
      .where('seq', 'in', [20, 21])
      .execute();
    await db()
      .insertInto('audit_events')
      .values([
        { ...b, seq: 20 },
        { ...a, seq: 21 },
      ])
      .execute();
    expect(await verify()).toMatchObject({ ok: false, clinicId: CLINIC, seq: 20 });
  });

  it('refuses a forged checkpoint', async () => {
    const cp = (await store.latest()) as Checkpoint;
    await store.append({ ...cp, heads: cp.heads.map((h) => ({ ...h, seq: h.seq - 10 })) });
    expect(await verify()).toMatchObject({ ok: false, reason: /not signed/ });
  });
});

describe('npm run audit:verify', () => {
  it('checks the chain against the checkpoint file in the data directory and names the first missing event', async () => {
    if (t.testDb.location.databaseUrl !== null) return; // the CLI runs on the embedded engine here
    const dataDir = path.dirname(t.testDb.location.sqlitePath);
    await writeCheckpoint(db(), keys, fileCheckpointStore(dataDir), t.clock);
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', AUDIT_HMAC_KEY: TEST_AUDIT_HMAC_KEY };
    const cli = () =>
      promisify(execFile)(...cliCommand('audit-verify'), { env }).catch(
        (e: unknown) => e as { code: number; stdout: string; stderr: string },
      );
    const intact = await cli();
    expect('code' in intact ? intact.code : 0).toBe(0);
    expect(intact.stdout).toMatch(
      /Audit chain intact: 70 events in 2 clinic\(s\), checked against the checkpoint/,
    );

    await db().deleteFrom('audit_events').where('clinic_id', '=', CLINIC).where('seq', '>', 58).execute();
    const broken = await cli();
    expect('code' in broken ? broken.code : 0).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN in clinic clinic-a at event #59: events missing from the end/);
  }, 90_000); // two CLI child processes: each took over 10 s to start on a loaded machine
});

describe('audit keys and checkpoints outside the database', () => {
  it('checkpoints at start, on the schedule and once more at shutdown, each with the heads at that moment', async () => {
    const scheduled = memoryStore();
    const errors: unknown[] = [];
    const running = startCheckpoints(
      { db: db(), keys, store: scheduled, clock: t.clock, intervalMs: 50 },
      (err) => errors.push(err),
    );
    // The one at start and at least one scheduled.
    await vi.waitFor(() => expect(scheduled.lines.length).toBeGreaterThanOrEqual(2), { interval: 10 });
    const beforeStop = scheduled.lines.length;
    await writeEvents(CLINIC, 2);
    await running.stop();
    expect(errors).toEqual([]);
    expect(beforeStop).toBeGreaterThanOrEqual(2); // the one at start and at least one scheduled
    const afterStop = scheduled.lines.length;
    expect(afterStop).toBeGreaterThan(beforeStop); // the one at shutdown (a tick may also have run meanwhile)
    expect(scheduled.lines.at(-1)?.heads.find((h) => h.clinicId === CLINIC)).toMatchObject({
      seq: 62,
      keyedFrom: 1,
    });
    // The timer is off: a second schedule with the same interval ticks twice meanwhile, the stopped one never.
    const witness = memoryStore();
    const second = startCheckpoints(
      { db: db(), keys, store: witness, clock: t.clock, intervalMs: 50 },
      (err) => errors.push(err),
    );
    await vi.waitFor(() => expect(witness.lines.length).toBeGreaterThanOrEqual(3), { interval: 10 });
    await second.stop();
    expect(scheduled.lines.length).toBe(afterStop);
  });

  it('creates the key file at first start with mode 0600, and appends checkpoints to a 0600 file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-audit-'));
    try {
      const ring = loadAuditKeys({ ...t.config, auditHmacKey: null, dataDir: dir });
      const keyFile = path.join(dir, 'audit-hmac.keys');
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(loadAuditKeys({ ...t.config, auditHmacKey: null, dataDir: dir }).current.id).toBe(
        ring.current.id,
      );

      const files = fileCheckpointStore(dir);
      await writeCheckpoint(db(), ring, files, t.clock);
      t.clock.advance(60_000);
      const second = await writeCheckpoint(db(), ring, files, t.clock);
      const lines = fs.readFileSync(path.join(dir, 'audit-checkpoints.jsonl'), 'utf8').trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(await files.latest()).toEqual(second);
      expect(fs.statSync(path.join(dir, 'audit-checkpoints.jsonl')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('verifies events of a retired key after rotation, and events from before keyed hashing by their plain hash', async () => {
    // Events from before keyed hashing: a plain chain as the old code wrote it.
    const legacy = 'clinic-legacy';
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const row = {
        clinic_id: legacy,
        seq,
        id: `legacy-${String(seq)}`,
        at: t.clock.now(),
        actor_id: 'u',
        actor_role: 'therapist',
        patient_id: null,
        action: 'patient.read',
        resource_type: 'patient',
        resource_id: null,
        outcome: 'allowed',
        prev_hash: prev,
      };
      prev = hashAuditEvent(row);
      await db()
        .insertInto('audit_events')
        .values({ ...row, hash: prev, hash_key_id: null })
        .execute();
    }
    const rotated = keyRingFrom('the-new-audit-key-after-rotation', ['test-audit-hmac-key-not-secret']);
    const log = createAuditLog(t.deps.database, t.clock, rotated);
    await t.deps.database.transaction(async (trx) => {
      await log.record(trx, legacy, null, {
        action: 'patient.read',
        resourceType: 'patient',
        resourceId: null,
        patientId: null,
        outcome: 'allowed',
      });
    });
    const report = await verifyAuditChain(db(), rotated, null);
    expect(report).toEqual({ ok: true, clinics: 3, events: 74, beforeKeyedHashing: 3, checkpointAt: null });
    // Without the retired key, the old events cannot be vouched for.
    expect(await verifyAuditChain(db(), keyRingFrom('the-new-audit-key-after-rotation'), null)).toMatchObject(
      {
        ok: false,
        reason: /unknown key/,
      },
    );
  });
});
