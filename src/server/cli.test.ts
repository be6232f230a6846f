import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cliCommand } from './testing/server-command.js';

// The CLI on the embedded engine (the PostgreSQL leg covers the same services through the app).
const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-cli-'));
const env = {
  ...process.env,
  DATA_DIR: dir,
  DATABASE_URL: '',
  LOG_LEVEL: 'silent',
  ARGON2_MEMORY_KIB: '1024',
};
const cli = (...args: string[]) => run(...cliCommand(...args), { env });

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// Each step starts the CLI as a child process (tsx transpiles at start): generous on a loaded CI machine.
describe('duet CLI', { timeout: 90_000 }, () => {
  it('migrates, creates an admin with a one-time link, verifies the audit chain and backs up online', async () => {
    expect((await cli('migrate')).stdout).toMatch(/up to date \(sqlite\)/);
    const created = await cli(
      'create-admin',
      'first.admin@clinic.test',
      'First',
      'Admin',
      '--clinic',
      'North Clinic',
    );
    expect(created.stdout).toMatch(/first\.admin@clinic\.test created/);
    expect(created.stdout).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
    const dup = await cli('create-admin', 'first.admin@clinic.test', 'Again').catch(
      (e: unknown) => e as { code: number },
    );
    expect('code' in dup && dup.code).toBe(1);

    expect((await cli('audit-verify')).stdout).toMatch(/Audit chain intact/);

    const backup = path.join(dir, 'backups', 'copy.sqlite');
    expect((await cli('backup', backup)).stdout).toMatch(/Backed up/);
    const copy = new SQLite(backup, { readonly: true });
    const row = copy.prepare('select name, role from users where email = ?').get('first.admin@clinic.test');
    const clinic = copy.prepare('select name from clinics').get();
    copy.close();
    expect(row).toEqual({ name: 'First Admin', role: 'admin' });
    expect(clinic).toEqual({ name: 'North Clinic' });
  });

  it('prints its usage for an unknown command and exits 2', async () => {
    const res = await cli('frobnicate').catch((e: unknown) => e as { code: number; stdout: string });
    expect('code' in res && res.code).toBe(2);
    expect(res.stdout).toMatch(/create-admin/);
  });
});
