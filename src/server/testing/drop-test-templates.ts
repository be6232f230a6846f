// Vitest global setup (vitest.config.ts, vitest.fast.config.ts): after the run, drop the template databases
// the test processes made on PostgreSQL (test-database.ts makes one per process; a process cannot drop its
// own on the way out, because a test worker is ended, not left to exit). Nothing to do on SQLite: those
// templates are temp files removed with their process.
import pg from 'pg';
import { testDatabaseUrl } from '../config.js';

export async function teardown(): Promise<void> {
  const url = testDatabaseUrl();
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like 'duet\\_tpl\\_%'",
    );
    for (const { datname } of rows) {
      // A name we made ourselves (letters and digits); quoted anyway.
      await client.query(`drop database if exists "${datname.replace(/"/g, '""')}"`).catch(() => undefined);
    }
  } catch {
    // Best effort: the server may be gone already (the throwaway cluster of `npm test` is removed whole).
  } finally {
    await client.end().catch(() => undefined);
  }
}
