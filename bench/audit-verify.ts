// How long audit:verify takes over a large audit trail (issue 13: 1,000,000 events in under 10 s).
//
//   npx tsx bench/audit-verify.ts [--events 1000000] [--clinics 4]
//
// Generates the events straight into a fresh SQLite database (one prepared INSERT in large transactions, each
// event HMAC'd and chained exactly as the server does), writes a checkpoint, then times verifyAuditChain.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { createDeps, openAndMigrate } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { GENESIS_HASH, macAuditEvent } from '../src/server/platform/audit/audit-chain.js';
import { fileCheckpointStore, writeCheckpoint } from '../src/server/platform/audit/audit-checkpoint.js';
import { loadAuditKeys } from '../src/server/platform/audit/audit-keys.js';
import { verifyAuditChain } from '../src/server/platform/audit/audit.js';
import { clinicIdsWithEvents, eventsAfter } from '../src/server/platform/audit/audit.repository.js';
import { benchArgs } from './args.js';

const { int } = benchArgs(process.argv.slice(2));
const total = int('--events', 1_000_000, 10_000_000);
const clinics = int('--clinics', 4, 1000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-audit-bench-'));
const config = loadConfig({ ...process.env, DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' });
try {
  const database = await openAndMigrate(config);
  await database.close();
  const keys = loadAuditKeys(config);

  const started = performance.now();
  const raw = new SQLite(config.sqlitePath);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const insert = raw.prepare(
    `insert into audit_events (clinic_id, seq, id, at, actor_id, actor_role, patient_id, action, resource_type,
       resource_id, outcome, prev_hash, hash, hash_key_id) values
       (@clinic_id, @seq, @id, @at, @actor_id, @actor_role, @patient_id, @action, @resource_type, @resource_id,
       @outcome, @prev_hash, @hash, @hash_key_id)`,
  );
  const perClinic = Math.ceil(total / clinics);
  let written = 0;
  for (let c = 0; c < clinics && written < total; c++) {
    const clinicId = `bench-clinic-${String(c)}`;
    let prev = GENESIS_HASH;
    const count = Math.min(perClinic, total - written);
    const batch = raw.transaction((from: number, to: number) => {
      for (let seq = from; seq <= to; seq++) {
        const row = {
          clinic_id: clinicId,
          seq,
          id: `${clinicId}-${String(seq)}`,
          at: 1_780_000_000_000 + seq * 1000,
          actor_id: `user-${String(seq % 40)}`,
          actor_role: 'therapist',
          patient_id: `patient-${String(seq % 900)}`,
          action: 'patient.read',
          resource_type: 'patient',
          resource_id: null,
          outcome: 'allowed',
          prev_hash: prev,
        };
        const hash = macAuditEvent(keys.current, row);
        insert.run({ ...row, hash, hash_key_id: keys.current.id });
        prev = hash;
      }
    });
    for (let from = 1; from <= count; from += 50_000) batch(from, Math.min(count, from + 49_999));
    written += count;
  }
  raw.close();
  const generatedMs = performance.now() - started;

  const db = await openAndMigrate(config);
  const deps = createDeps(config, db);
  await writeCheckpoint(db.db, keys, fileCheckpointStore(dir), deps.clock);
  const checkpoint = await fileCheckpointStore(dir).latest();
  // Reading alone (the part the database does), to show where the time goes.
  const r0 = performance.now();
  for (const clinicId of await clinicIdsWithEvents(db.db))
    for (let after = 0; ;) {
      const page = await eventsAfter(db.db, clinicId, after, 20_000);
      if (page.length === 0) break;
      after = page.at(-1)?.seq ?? after;
    }
  const readMs = performance.now() - r0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // As audit:verify runs it: one verification worker per core; and on the main thread alone, for comparison.
  const workers = os.availableParallelism();
  const report = await verifyAuditChain(db.db, keys, checkpoint, { workers });
  const verifyMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const s0 = performance.now();
  const scpu0 = process.cpuUsage();
  const single = await verifyAuditChain(db.db, keys, checkpoint);
  const singleMs = performance.now() - s0;
  const scpu = process.cpuUsage(scpu0);
  const singleCpuMs = (scpu.user + scpu.system) / 1000;
  if (!single.ok) throw new Error(`audit chain broken at #${String(single.seq)}: ${single.reason}`);
  // On a shared machine the wall time includes waiting for a core; the CPU time is the work itself.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  await db.close();
  if (!report.ok) throw new Error(`audit chain broken at #${String(report.seq)}: ${report.reason}`);
  process.stdout.write(
    [
      `Audit verify bench (SQLite, ${String(os.availableParallelism())} cores, load ${os.loadavg()[0]?.toFixed(1) ?? '?'})`,
      `  generated ${String(written)} HMAC'd events in ${String(clinics)} clinic(s) in ${(generatedMs / 1000).toFixed(1)} s`,
      `  verified ${String(report.events)} events against the checkpoint in ${(verifyMs / 1000).toFixed(2)} s` +
        ` (${Math.round(report.events / (verifyMs / 1000)).toLocaleString('en')} events/s; target < 10 s per 1,000,000)`,
      `  (${String(workers)} verification workers; CPU time of this process, workers included: ${(cpuMs / 1000).toFixed(2)} s)`,
      `  on the main thread alone (SQLite rows read as raw arrays): ${(singleMs / 1000).toFixed(2)} s, CPU ${(singleCpuMs / 1000).toFixed(2)} s`,
      `  of which reading the rows alone takes about ${(readMs / 1000).toFixed(2)} s`,
    ].join('\n') + '\n',
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
