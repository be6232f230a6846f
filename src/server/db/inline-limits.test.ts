import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './database.js';
import { InlineLimitsPlugin } from './inline-limits.js';

const database = openSqlite(':memory:');
afterAll(() => database.close());

describe('InlineLimitsPlugin (SQLite: a whole-number LIMIT is written into the SQL text)', () => {
  it('writes a whole-number limit as a number and keeps the other values bound', () => {
    const q = database.db.selectFrom('users').select('id').where('email', '=', 'a@example.org').limit(50);
    const compiled = q.compile();
    expect(compiled.sql).toMatch(/limit 50$/);
    expect(compiled.parameters).toEqual(['a@example.org']);
  });

  it('keeps a limit that is not a whole number bound (SQLite then refuses it itself)', () => {
    const compiled = database.db.selectFrom('users').select('id').limit(2.5).compile();
    expect(compiled.sql).toMatch(/limit \?$/);
    expect(compiled.parameters).toEqual([2.5]);
  });

  it('a query with a written limit runs and answers as limited', async () => {
    const limited = await database.db
      .selectNoFrom((eb) => eb.val(1).as('one'))
      .limit(1)
      .execute();
    expect(limited).toEqual([{ one: 1 }]);
  });

  it('leaves queries without a limit untouched (the same node)', () => {
    const plugin = new InlineLimitsPlugin();
    const node = database.db.selectFrom('users').select('id').toOperationNode();
    expect(plugin.transformQuery({ node, queryId: { queryId: 'q' } })).toBe(node);
  });
});
