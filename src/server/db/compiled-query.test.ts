import { describe, expect, it } from 'vitest';
import { openSqlite } from './database.js';
import { compiledOnce, inlineFixedLimits } from './compiled-query.js';

describe('inlineFixedLimits (issue 19: SQLite re-prepares a statement whose LIMIT is bound)', () => {
  it.each([
    {
      name: 'a fixed limit is written into the text; arguments stay bound',
      sql: 'select a from t where b = ? and c = ? limit ?',
      slots: [0, 1, { value: 1 }],
      want: { sql: 'select a from t where b = ? and c = ? limit 1', slots: [0, 1] },
    },
    {
      name: 'limit and offset both fixed',
      sql: 'select a from t where b = ? limit ? offset ?',
      slots: [0, { value: 50 }, { value: 0 }],
      want: { sql: 'select a from t where b = ? limit 50 offset 0', slots: [0] },
    },
    {
      name: 'a limit that is an argument stays bound',
      sql: 'select a from t where b = ? limit ?',
      slots: [0, 1],
      want: { sql: 'select a from t where b = ? limit ?', slots: [0, 1] },
    },
    {
      name: 'a constant that is not a limit stays bound',
      sql: "select a from t where b = ? and c = 'x?' and d = ? limit ?",
      slots: [{ value: 3 }, 0, { value: 2 }],
      want: { sql: "select a from t where b = ? and c = 'x?' and d = ? limit 2", slots: [{ value: 3 }, 0] },
    },
    {
      name: 'a limit that is not a whole number stays bound',
      sql: 'select a from t limit ?',
      slots: [{ value: 1.5 }],
      want: { sql: 'select a from t limit ?', slots: [{ value: 1.5 }] },
    },
    {
      name: 'a text constant after limit stays bound',
      sql: 'select a from t limit ?',
      slots: [{ value: '1; drop table t' }],
      want: { sql: 'select a from t limit ?', slots: [{ value: '1; drop table t' }] },
    },
  ])('$name', ({ sql, slots, want }) => {
    expect(inlineFixedLimits({ sql, slots })).toEqual(want);
  });

  it('refuses a plan whose placeholders and parameters do not match', () => {
    expect(() =>
      inlineFixedLimits({ sql: 'select a from t where b = ? limit ?', slots: [{ value: 1 }] }),
    ).toThrow();
  });

  it('a compiled query on SQLite binds its arguments and keeps its fixed limit', async () => {
    const database = openSqlite(':memory:');
    try {
      await database.db.schema
        .createTable('audit_events')
        .addColumn('clinic_id', 'text')
        .addColumn('seq', 'integer')
        .addColumn('hash', 'text')
        .execute();
      await database.db
        .insertInto('audit_events')
        .values(
          [1, 2, 3].map((seq) => ({
            clinic_id: seq === 3 ? 'b' : 'a',
            seq,
            hash: `h${String(seq)}`,
          })) as never,
        )
        .execute();
      const last = compiledOnce((db, clinicId: string) =>
        db
          .selectFrom('audit_events')
          .select(['seq', 'hash'])
          .where('clinic_id', '=', clinicId)
          .orderBy('seq', 'desc')
          .limit(1),
      );
      expect(await last(database.db, 'a')).toEqual([{ seq: 2, hash: 'h2' }]);
      expect(await last(database.db, 'b')).toEqual([{ seq: 3, hash: 'h3' }]);
      expect(await last(database.db, 'c')).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
