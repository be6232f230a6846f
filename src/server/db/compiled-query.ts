import { CompiledQuery, PostgresAdapter, SqliteAdapter, type Compilable } from 'kysely';
import type { Db } from './database.js';
import { preparedOnPostgres } from './pg-prepared.js';

export interface Plan {
  sql: string;
  /** Per bound parameter: the index of the argument it takes, or a constant the query itself holds. */
  slots: (number | { value: unknown })[];
}

const marker = (i: number) => `\u0000duet-argument-${String(i)}\u0000`;

/**
 * On SQLite a statement whose LIMIT or OFFSET is a bound value costs several times as much per run (measured,
 * issue 19: a session look-up with `limit ?` 22 µs a call, with `limit 1` 4.5 µs). A LIMIT/OFFSET that the
 * query itself fixes (a whole number, not an argument) is therefore written into the SQL text. Only SQLite's
 * `?` placeholders are rewritten (PostgreSQL numbers its own and does not re-plan per call).
 */
export function inlineFixedLimits(plan: Plan): Plan {
  if (!plan.slots.some((s) => typeof s !== 'number' && isCount(s.value))) return plan;
  const slots: Plan['slots'] = [];
  let sql = '';
  let slot = 0;
  let quoted = false;
  for (let i = 0; i < plan.sql.length; i++) {
    const ch = plan.sql.charAt(i);
    if (ch === "'") quoted = !quoted;
    if (ch !== '?' || quoted) {
      sql += ch;
      continue;
    }
    const s = plan.slots[slot++];
    if (s === undefined) throw new Error('compiled query: more placeholders than parameters');
    if (typeof s !== 'number' && isCount(s.value) && /\b(?:limit|offset)\s+$/i.test(sql)) {
      sql += String(s.value);
    } else {
      sql += ch;
      slots.push(s);
    }
  }
  if (slot !== plan.slots.length) throw new Error('compiled query: fewer placeholders than parameters');
  return { sql, slots };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * A hot query built and compiled once per database dialect, then bound per call (issue 19: building a Kysely
 * query costs more than running a short one). `build` is called once, with markers in place of the
 * arguments, so it must have one fixed shape: no branching on an argument, no argument that is a list (use a
 * sub-query instead of `in (…)`). Each argument must land in the query as one bound value. Rows come back as
 * from `.execute()` (the statement cache of database.ts then reuses the prepared statement on SQLite).
 */
export function compiledOnce<A extends readonly (string | number)[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<R[]> {
  const plans = new WeakMap<object, Plan>();
  function planFor(db: Db, arity: number): Plan {
    const adapter = db.getExecutor().adapter;
    const known = plans.get(adapter);
    if (known) return known;
    const markers = Array.from({ length: arity }, (_, i) => marker(i));
    const compiled = build(db, ...(markers as unknown as A)).compile();
    const slots = compiled.parameters.map((p) => {
      const i = typeof p === 'string' ? markers.indexOf(p) : -1;
      return i >= 0 ? i : { value: p };
    });
    const compiledPlan = { sql: compiled.sql, slots };
    const plan = adapter instanceof SqliteAdapter ? inlineFixedLimits(compiledPlan) : compiledPlan;
    // PostgreSQL: a named prepared statement, parsed and planned once per connection (pg-prepared.ts).
    if (adapter instanceof PostgresAdapter) preparedOnPostgres(plan.sql);
    plans.set(adapter, plan);
    return plan;
  }
  return async (db, ...args) => {
    const plan = planFor(db, args.length);
    const parameters = plan.slots.map((s) => (typeof s === 'number' ? args[s] : s.value));
    const result = await db.executeQuery<R>(CompiledQuery.raw(plan.sql, parameters));
    return result.rows;
  };
}
