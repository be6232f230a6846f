import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import type { AuditKeyRing } from './audit-keys.js';
import * as repo from './audit.repository.js';

/** The head of one clinic's chain: how many events it had and the hash of the last one. */
export interface ChainHead {
  clinicId: string;
  seq: number;
  hash: string;
  /** The first event with an HMAC (null: none yet); no event from there on may be unkeyed. */
  keyedFrom: number | null;
}

/** Every clinic's head at one moment, HMAC'd with the audit key so a forged checkpoint is refused too. */
export interface Checkpoint {
  at: number;
  heads: ChainHead[];
  keyId: string;
  mac: string;
}

/**
 * Where checkpoints go: somewhere the database (and whoever controls it) cannot rewrite. The default is an
 * append-only file in the data directory; object storage with retention or a remote syslog fit the same shape.
 */
export interface CheckpointStore {
  append(checkpoint: Checkpoint): Promise<void>;
  /** The newest checkpoint, or null when none was ever written. */
  latest(): Promise<Checkpoint | null>;
}

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

/** One JSON line per checkpoint, only ever appended (O_APPEND), mode 0600. */
export function fileCheckpointStore(dataDir: string): CheckpointStore {
  const file = path.join(dataDir, CHECKPOINT_FILE);
  return {
    append(checkpoint) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
      return Promise.resolve();
    },
    latest() {
      if (!fs.existsSync(file)) return Promise.resolve(null);
      const lines = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      const last = lines.at(-1);
      return Promise.resolve(last === undefined ? null : (JSON.parse(last) as Checkpoint));
    },
  };
}

function checkpointMac(secret: Buffer, at: number, heads: readonly ChainHead[]): string {
  const body = JSON.stringify([at, heads.map((h) => [h.clinicId, h.seq, h.hash, h.keyedFrom])]);
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** True when the checkpoint was signed with one of our keys and not changed since. */
export function checkpointIsGenuine(keys: AuditKeyRing, cp: Checkpoint): boolean {
  const key = keys.byId.get(cp.keyId);
  if (!key || typeof cp.mac !== 'string' || !Array.isArray(cp.heads)) return false;
  const expected = Buffer.from(checkpointMac(key.secret, cp.at, cp.heads), 'hex');
  const given = Buffer.from(cp.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Reads every clinic's head and appends it, signed, to the store. */
export async function writeCheckpoint(
  db: Db,
  keys: AuditKeyRing,
  store: CheckpointStore,
  clock: Clock,
): Promise<Checkpoint> {
  const keyedFrom = new Map((await repo.firstKeyedEvents(db)).map((r) => [r.clinic_id, r.seq]));
  const heads = (await repo.chainHeads(db)).map((h) => ({
    clinicId: h.clinic_id,
    seq: h.seq,
    hash: h.hash,
    keyedFrom: keyedFrom.get(h.clinic_id) ?? null,
  }));
  const at = clock.now();
  const checkpoint = {
    at,
    heads,
    keyId: keys.current.id,
    mac: checkpointMac(keys.current.secret, at, heads),
  };
  await store.append(checkpoint);
  return checkpoint;
}

/** Every five minutes by default: events written since the last checkpoint are the ones a deletion could hide. */
export const CHECKPOINT_INTERVAL_MS = 5 * 60_000;

/** Checkpoints now, on a schedule, and once more on stop (shutdown). */
export function startCheckpoints(
  opts: { db: Db; keys: AuditKeyRing; store: CheckpointStore; clock: Clock; intervalMs?: number },
  onError: (err: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const once = (): Promise<void> => {
    running = running.then(() => writeCheckpoint(opts.db, opts.keys, opts.store, opts.clock)).catch(onError);
    return running.then(() => undefined);
  };
  void once();
  const timer = setInterval(() => void once(), opts.intervalMs ?? CHECKPOINT_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await once();
    },
  };
}
