import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../testing/test-app.js';
import { registryFixture, WEEK, type RegistryFixture } from '../features/registry/registry.test-kit.js';
import { inlineReads, startReadPool, type ReadPool } from './read-pool.js';
import type { RegistryResponse } from '../../shared/registry/schemas.js';

// Real worker threads on their own read-only connections to the test database (a SQLite file, or the
// PostgreSQL database of the postgres leg), against the main thread's answer for the same read.
let f: RegistryFixture;
let pool: ReadPool;
const problems: string[] = [];
beforeAll(async () => {
  f = await registryFixture();
  for (const [name, baseline, latest] of [
    ['Alpha', 20, 8],
    ['Bravo', 18, 17],
    ['Charlie', 12, 3],
  ] as const) {
    const p = await f.patient(name);
    await f.score(p, 'phq9', baseline, TEST_NOW - 12 * WEEK);
    await f.score(p, 'phq9', latest, TEST_NOW - WEEK);
    await f.score(p, 'gad7', 10, TEST_NOW - 12 * WEEK);
  }
  pool = await startReadPool({
    size: 2,
    database: f.t.deps.database,
    data: f.t.testDb.location,
    onProblem: (message) => problems.push(message),
    startNow: true,
  });
}, 60_000);
afterAll(async () => {
  await pool.close();
  await f.t.close();
});

const input = (userId: string) => ({
  clinicId: f.clinic,
  userId,
  now: TEST_NOW,
  scope: 'mine' as const,
  query: { sort: 'attention' as const },
});

describe('read workers', () => {
  it('start, and answer a registry read exactly as the main thread does', async () => {
    expect(pool.threads).toBe(2);
    const here = inlineReads(f.t.deps.database);
    for (const user of [f.users.careManager, f.users.prescriber, f.users.outsider]) {
      const [fromWorker, fromMain] = await Promise.all([
        pool.run('registryJson', input(user.id)),
        here.run('registryJson', input(user.id)),
      ]);
      expect(fromWorker).toBe(fromMain);
    }
    const shown = JSON.parse(
      await pool.run('registryJson', input(f.users.careManager.id)),
    ) as RegistryResponse;
    expect(shown.patients.map((p) => [p.familyName, p.status])).toEqual([
      ['Bravo', 'not_improving'],
      ['Alpha', 'response'],
      ['Charlie', 'remission'],
    ]);
    expect(JSON.parse(await pool.run('registryJson', input(f.users.outsider.id)))).toMatchObject({
      total: 0,
    });
    expect(problems).toEqual([]);
  });

  it('answer a caseload read (issue 19) exactly as the main thread does, with the patients it shows', async () => {
    const here = inlineReads(f.t.deps.database);
    for (const user of [f.users.prescriber, f.users.outsider]) {
      const caseload = { clinicId: f.clinic, userId: user.id };
      const [fromWorker, fromMain] = await Promise.all([
        pool.run('caseloadRead', caseload),
        here.run('caseloadRead', caseload),
      ]);
      expect(fromWorker).toEqual(fromMain);
    }
    const { json, patientIds } = await pool.run('caseloadRead', {
      clinicId: f.clinic,
      userId: f.users.prescriber.id,
    });
    const shown = (JSON.parse(json) as { patients: { id: string; familyName: string; myRoles: string[] }[] })
      .patients;
    expect(shown.map((p) => [p.familyName, p.myRoles])).toEqual([
      ['Alpha', ['prescriber']],
      ['Bravo', ['prescriber']],
      ['Charlie', ['prescriber']],
    ]);
    expect(patientIds).toEqual(shown.map((p) => p.id));
  });

  it("read the clinic's roster version in the caseload job, as committed (migration 053)", async () => {
    const current = await f.t.deps.database.db
      .selectFrom('caseload_versions')
      .select('version')
      .where('clinic_id', '=', f.clinic)
      .executeTakeFirstOrThrow();
    expect(current.version).toBeGreaterThan(0); // the fixture's care teams bumped it
    const { version } = await pool.run('caseloadRead', { clinicId: f.clinic, userId: f.users.prescriber.id });
    expect(version).toBe(current.version);
  });

  it('see what the main thread committed a moment before', async () => {
    const p = await f.patient('Delta');
    await f.score(p, 'phq9', 15, TEST_NOW - 2 * WEEK);
    const shown = JSON.parse(await pool.run('registryJson', input(f.users.therapist.id))) as RegistryResponse;
    const rows = shown.patients.map((r) => r.familyName);
    expect(rows).toContain('Delta');
  });

  it('survive a worker that dies: its reads are answered on the main thread and a new worker starts', async () => {
    const victim = pool.workers()[0];
    expect(victim).toBeDefined();
    const reads = Array.from({ length: 6 }, () => pool.run('registryJson', input(f.users.careManager.id)));
    await victim?.terminate();
    const answers = await Promise.all(reads);
    for (const json of answers) expect((JSON.parse(json) as RegistryResponse).total).toBe(4);
    expect(problems.some((m) => m.includes('starting another'))).toBe(true);
    for (let i = 0; i < 300 && pool.threads < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(pool.threads).toBe(2);
    expect(pool.workers()).not.toContain(victim);
  }, 60_000);
});

describe('read workers on demand (issue 19: memory)', () => {
  it('start at the first read, answer meanwhile on the main thread, and stop when idle', async () => {
    const seen: string[] = [];
    const lazy = await startReadPool({
      size: 2,
      database: f.t.deps.database,
      data: f.t.testDb.location,
      onProblem: (message) => seen.push(message),
      idleStopMs: 1000,
    });
    try {
      expect(lazy.threads).toBe(0);
      expect(lazy.workers()).toHaveLength(0);
      const here = inlineReads(f.t.deps.database);
      const expected = await here.run('registryJson', input(f.users.careManager.id));
      // No worker is ready yet: the main thread answers, and the workers start.
      expect(await lazy.run('registryJson', input(f.users.careManager.id))).toBe(expected);
      expect(lazy.workers()).toHaveLength(2);
      for (let i = 0; i < 300 && lazy.threads < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect(lazy.threads).toBe(2);
      // Reads keep coming: the workers answer them and stay.
      const first = lazy.workers();
      for (let i = 0; i < 4; i++) {
        expect(await lazy.run('registryJson', input(f.users.careManager.id))).toBe(expected);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(lazy.workers()).toEqual(first);
      // Idle for longer than idleStopMs: every worker stops, and that is not reported as a failure.
      for (let i = 0; i < 200 && lazy.workers().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(lazy.workers()).toHaveLength(0);
      expect(lazy.threads).toBe(0);
      // The next read is answered and starts them again.
      expect(await lazy.run('registryJson', input(f.users.therapist.id))).toBe(
        await here.run('registryJson', input(f.users.therapist.id)),
      );
      expect(lazy.workers()).toHaveLength(2);
      expect(seen).toEqual([]);
    } finally {
      await lazy.close();
    }
  }, 60_000);
});
