import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
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

/** Registers a fixed SQL text to run as a named prepared statement on every PostgreSQL connection. */
export function preparedOnPostgres(sql: string): void {
  if (names.has(sql) || STAR.test(sql)) return;
  names.set(sql, 'duet_' + createHash('sha256').update(sql).digest('hex').slice(0, 24));
  nameRegisteredStatements();
}

/** The name a registered text runs under (undefined: sent unnamed). */
export function preparedNameOf(sql: string): string | undefined {
  return names.get(sql);
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
let installed = false;

/**
 * Kysely's PostgreSQL driver calls `client.query(text, values)`; for a registered text this sends
 * `{ name, text, values }` instead (same rows, same errors). Installed once, when the first text is
 * registered: only a process that opened PostgreSQL registers one, so an SQLite server never loads pg here.
 */
function nameRegisteredStatements(): void {
  if (installed) return;
  installed = true;
  const { Client } = createRequire(import.meta.url)('pg') as typeof pg;
  const proto = Client.prototype as unknown as { query: Query };
  const original = proto.query;
  proto.query = function query(this: pg.Client, ...args: unknown[]): unknown {
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && callback === undefined) {
      const name = names.get(text);
      if (name !== undefined) return original.call(this, { name, text, values });
    }
    return original.apply(this, args);
  };
}
