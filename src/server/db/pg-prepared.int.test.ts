import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { buildClinic } from '../testing/factories.js';
import { compiledOnce } from './compiled-query.js';
import type { Db } from './database.js';
import { preparedNameOf, preparedOnPostgres } from './pg-prepared.js';

// Issue 19, eighth session: on PostgreSQL a compiled hot query runs as a named prepared statement (parsed and
// planned once per connection); any other query is sent as before. Same rows either way.

let t: TestContext;
let clinicId: string;
const clinicName = compiledOnce((db: Db, id: string) =>
  db.selectFrom('clinics').select(['id', 'name']).where('id', '=', id),
);

beforeAll(async () => {
  t = await createTestContext();
  clinicId = await buildClinic(t.deps, 'Prepared clinic');
});
afterAll(() => t.close());

describe('named prepared statements on PostgreSQL (issue 19)', () => {
  it('answers a compiled query with the same rows on every run', async () => {
    for (let i = 0; i < 7; i++)
      expect(await clinicName(t.deps.database.db, clinicId)).toEqual([
        { id: clinicId, name: 'Prepared clinic' },
      ]);
  });

  it('names the compiled text on PostgreSQL only, and prepares it once on the connection that ran it', async () => {
    const onPostgres = t.deps.database.engine === 'postgres';
    expect(onPostgres).toBe(Boolean(process.env.DUET_TEST_DATABASE_URL));
    const prepared = await t.deps.database.transaction(async (trx) => {
      await clinicName(trx, clinicId);
      await clinicName(trx, clinicId);
      await sql`select ${clinicId} as unnamed_probe`.execute(trx);
      if (!onPostgres) return null;
      const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(trx);
      return rows;
    });
    const named = [...(prepared ?? [])].filter((r) => r.statement.includes('"clinics"'));
    if (!onPostgres) {
      expect(prepared).toBeNull();
      return;
    }
    expect(named).toHaveLength(1);
    expect(named[0]?.name).toMatch(/^duet_[0-9a-f]{24}$/);
    expect(preparedNameOf(named[0]?.statement ?? '')).toBe(named[0]?.name);
    // A query that is not a compiled hot query is not kept on the connection.
    expect(prepared?.some((r) => r.statement.includes('unnamed_probe'))).toBe(false);
  });

  it('keeps a star projection unnamed (a later column would change its result type), count(*) named', () => {
    for (const text of [
      'select "p".* from "patients" as "p"',
      'select * from "clinics"',
      'select "a", "u".* from "u"',
    ]) {
      preparedOnPostgres(text);
      expect(preparedNameOf(text)).toBeUndefined();
    }
    const counted = 'select count(*) as "n" from "clinics" where "id" = $1';
    preparedOnPostgres(counted);
    expect(preparedNameOf(counted)).toMatch(/^duet_[0-9a-f]{24}$/);
  });
});
