import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openSqlite } from './database.js';
import { startWorker } from '../platform/worker-entry.js';

// Issue 19: the server's WAL checkpoints on a thread of their own, with a hard bound kept by the writer.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-checkpoints-'));
  dirs.push(dir);
  return path.join(dir, 'duet.sqlite');
}
const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('WAL checkpoints off the main thread', () => {
  it('the thread copies committed pages into the database file; the writer checkpoints nothing itself', async () => {
    const file = tempFile();
    const database = openSqlite(file, {
      checkpointsOffThread: { startWorker, walBoundBytes: 4 * 1024 * 1024, passDelayMs: 10 },
    });
    const checkpoints = database.checkpoints;
    if (!checkpoints) throw new Error('no checkpointer');
    await sql`create table notes (id integer primary key, body text not null)`.execute(database.db);
    const before = size(file);
    for (let i = 0; i < 50; i++)
      await database.transaction((trx) =>
        sql`insert into notes (body) values (${'x'.repeat(2000)})`.execute(trx).then(() => undefined),
      );
    // A pass after the last commit copies every frame of the WAL.
    await until('a pass that copied everything', () => {
      const s = checkpoints.stats();
      return s.threadPasses > 0 && s.lastLogFrames > 0 && s.lastCheckpointedFrames === s.lastLogFrames;
    });
    expect(checkpoints.stats().writerCheckpoints).toBe(0);
    // In WAL mode only a checkpoint writes the database file: 50 rows of 2 kB landed there.
    expect(size(file) - before).toBeGreaterThan(50 * 2000);
    await database.close();
    expect(checkpoints.stats().threadRunning).toBe(false);
    // The final checkpoint on close leaves no WAL behind.
    expect(size(`${file}-wal`)).toBe(0);
    const reopened = openSqlite(file, { readonly: true });
    const rows = await sql<{ n: number }>`select count(*) as n from notes`.execute(reopened.db);
    expect(rows.rows[0]?.n).toBe(50);
    await reopened.close();
  });

  it('when the thread falls behind, the writer keeps the WAL within the bound (autocommit writes too)', async () => {
    const file = tempFile();
    const bound = 1024 * 1024;
    // The thread waits a minute before any pass: it has fallen behind for the whole test.
    const database = openSqlite(file, {
      checkpointsOffThread: { startWorker, walBoundBytes: bound, passDelayMs: 60_000 },
    });
    const checkpoints = database.checkpoints;
    if (!checkpoints) throw new Error('no checkpointer');
    await sql`create table blobs (id integer primary key, body blob not null)`.execute(database.db);
    const body = Buffer.alloc(32 * 1024, 7);
    let largest = 0;
    let shrank = false;
    for (let i = 0; i < 200; i++) {
      // Outside a transaction: Kysely's autocommit statement commits by itself.
      await sql`insert into blobs (body) values (${body})`.execute(database.db);
      const now = size(`${file}-wal`);
      if (now < largest) shrank = true;
      largest = Math.max(largest, now);
    }
    // 200 x 32 KiB (6.4 MB) written; the WAL never held more than the bound plus one insert's frames.
    expect(largest).toBeGreaterThan(bound);
    expect(largest).toBeLessThan(bound + 64 * 1024);
    expect(shrank).toBe(true);
    expect(checkpoints.stats().writerCheckpoints).toBeGreaterThan(0);
    expect(checkpoints.stats().threadPasses).toBe(0);
    expect(size(file)).toBeGreaterThan(4 * 1024 * 1024);
    const rows = await sql<{ n: number }>`select count(*) as n from blobs`.execute(database.db);
    expect(rows.rows[0]?.n).toBe(200);
    await database.close();
    expect(size(`${file}-wal`)).toBe(0);
  });

  it('if the thread dies, SQLite checkpoints on the writer again (its own auto-checkpoint)', async () => {
    const file = tempFile();
    const problems: string[] = [];
    const database = openSqlite(file, {
      checkpointsOffThread: { startWorker, passDelayMs: 60_000 },
      onProblem: (message) => problems.push(message),
    });
    const checkpoints = database.checkpoints;
    if (!checkpoints) throw new Error('no checkpointer');
    await sql`create table blobs (id integer primary key, body blob not null)`.execute(database.db);
    await checkpoints.thread()?.terminate();
    await until('the writer noticing', () => !checkpoints.stats().threadRunning);
    expect(problems).toEqual([
      'the WAL checkpointer stopped; SQLite checkpoints on the main thread from now on',
    ]);
    const body = Buffer.alloc(32 * 1024, 7);
    let largest = 0;
    for (let i = 0; i < 300; i++) {
      await sql`insert into blobs (body) values (${body})`.execute(database.db);
      largest = Math.max(largest, size(`${file}-wal`));
    }
    // 9.6 MB written, far below the 64 MiB bound: SQLite's checkpoint at 1,000 pages (~4 MB) kept the WAL small.
    expect(largest).toBeLessThan(5 * 1024 * 1024);
    expect(checkpoints.stats().writerCheckpoints).toBe(0);
    await database.close();
  });

  it('the thread ends when no commit comes, and the next commit starts another', async () => {
    const file = tempFile();
    const problems: string[] = [];
    const database = openSqlite(file, {
      checkpointsOffThread: { startWorker, passDelayMs: 10, idleStopMs: 200 },
      onProblem: (message) => problems.push(message),
    });
    const checkpoints = database.checkpoints;
    if (!checkpoints) throw new Error('no checkpointer');
    await sql`create table notes (id integer primary key, body text not null)`.execute(database.db);
    await until('the thread ending idle', () => !checkpoints.stats().threadRunning);
    const passes = checkpoints.stats().threadPasses;
    expect(passes).toBeGreaterThan(0);
    await sql`insert into notes (body) values ('after the pause')`.execute(database.db);
    expect(checkpoints.stats().threadRunning).toBe(true);
    await until('a pass of the new thread', () => checkpoints.stats().threadPasses > passes);
    expect(checkpoints.stats().lastCheckpointedFrames).toBe(checkpoints.stats().lastLogFrames);
    expect(problems).toEqual([]);
    expect(checkpoints.stats().writerCheckpoints).toBe(0);
    await database.close();
    expect(size(`${file}-wal`)).toBe(0);
  });

  it('is off unless asked, and never for an in-memory database', async () => {
    const plain = openSqlite(tempFile());
    expect(plain.checkpoints).toBeNull();
    await plain.close();
    const memory = openSqlite(':memory:', { checkpointsOffThread: { startWorker } });
    expect(memory.checkpoints).toBeNull();
    await sql`select 1`.execute(memory.db);
    await memory.close();
  });
});
