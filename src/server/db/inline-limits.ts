import {
  LimitNode,
  SelectQueryNode,
  ValueNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * SQLite only: a query's LIMIT written into the SQL text as a number instead of bound (`limit ?`). A bound
 * LIMIT costs SQLite several microseconds more per run (better-sqlite3 12, 2026-12-07, issue 19: a primary-key
 * look-up with `limit ?` 5–7 µs a run against 1.4–1.8 µs with `limit 1`; a session look-up 22 against 4.5 µs).
 * Only the outer query's LIMIT, and only when it is a whole number, is rewritten: a shallow copy of the root
 * node, so the rewrite itself costs next to nothing. Each limit then has its own statement text in the
 * statement cache; limits are few (page sizes and named maxima). PostgreSQL plans bound limits as well as
 * written ones and keeps its placeholders.
 */
export class InlineLimitsPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (!SelectQueryNode.is(node) || !node.limit) return node;
    const limit = node.limit.limit;
    if (!ValueNode.is(limit) || limit.immediate === true || !isCount(limit.value)) return node;
    return { ...node, limit: LimitNode.create(ValueNode.createImmediate(limit.value)) };
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
