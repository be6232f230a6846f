import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Hot statements as named prepared statements on PostgreSQL (issue 19, eighth session). Kysely sends every
 * query unnamed, so the server parses, analyses and plans it again on every run: measured on the throwaway
 * cluster, the overview's one statement cost 800 µs of the server's CPU per run unnamed and 70 µs named, a
 * primary-key read 130 µs against 20 µs. A text registered here (by `compiledOnce`: fixed text, bound per call)
 * is sent with a name derived from the text, so each connection parses it once and PostgreSQL may keep a
 * generic plan; any other text goes through unchanged. The set is bounded: only fixed texts are registered.
 */
const names = new Map<string, string>();

/**
 * A `*` projection stays unnamed: a column added by a migration (another instance's, during a rolling upgrade)
 * would change a prepared statement's result type, which PostgreSQL refuses ("cached plan must not change
 * result type") until the connection closes. `count(*)` is fine.
 */
const STAR = /(?:\bselect|,)\s*(?:"\w+"\.)?\*/i;

/** Registers a fixed SQL text to run as a named prepared statement on Duet's PostgreSQL connections. */
export function preparedOnPostgres(sql: string): void {
  if (names.has(sql) || STAR.test(sql)) return;
  names.set(sql, 'duet_' + createHash('sha256').update(sql).digest('hex').slice(0, 24));
}

/** The name a registered text runs under (undefined: sent unnamed). */
export function preparedNameOf(sql: string): string | undefined {
  return names.get(sql);
}

/**
 * The client class of Duet's pools (db/database.ts passes it as the pool's `Client`): Kysely's PostgreSQL
 * driver calls `client.query(text, values)`; for a registered text this sends `{ name, text, values }` instead
 * (same rows, same errors). Only Duet's own pools use it: other pg clients in the process are untouched.
 */
export function preparedStatementsClient(driver: typeof pg): typeof pg.Client {
  class PreparedStatementsClient extends driver.Client {}
  const original = Reflect.get(driver.Client.prototype, 'query') as (
    this: pg.Client,
    ...args: unknown[]
  ) => unknown;
  // Set on the subclass's prototype, not as a method: pg's typings declare `query` as a set of overloads.
  Object.defineProperty(PreparedStatementsClient.prototype, 'query', {
    configurable: true,
    writable: true,
    value: function query(this: pg.Client, ...args: unknown[]): unknown {
      const [text, values, callback] = args;
      if (typeof text === 'string' && Array.isArray(values) && callback === undefined) {
        const name = names.get(text);
        if (name !== undefined) return original.call(this, { name, text, values });
      }
      return original.apply(this, args);
    },
  });
  return PreparedStatementsClient;
}
