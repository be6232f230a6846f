import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';

/** One HMAC key of the audit trail; the id (stored with each event) is derived from the key, never the key. */
export interface AuditKey {
  id: string;
  secret: Buffer;
}

/** The key new events are signed with, and every key older events may name. */
export interface AuditKeyRing {
  current: AuditKey;
  byId: ReadonlyMap<string, AuditKey>;
}

export const AUDIT_KEY_FILE = 'audit-hmac.keys';

function keyFrom(secret: string): AuditKey {
  const bytes = Buffer.from(secret, 'utf8');
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 12), secret: bytes };
}

/** The newest key signs; all of them verify. */
export function keyRingFrom(current: string, older: readonly string[] = []): AuditKeyRing {
  const cur = keyFrom(current);
  const byId = new Map<string, AuditKey>();
  for (const k of older.map(keyFrom)) byId.set(k.id, k);
  byId.set(cur.id, cur);
  return { current: cur, byId };
}

/**
 * The key file in the data directory: one key per line, the last line signs, earlier lines are retired keys
 * kept so older events still verify. Created at first start (32 random bytes, mode 0600).
 */
export function loadOrCreateKeyFile(dataDir: string): AuditKeyRing {
  const file = path.join(dataDir, AUDIT_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      // 'wx' fails if another instance created it meanwhile; then we read theirs.
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const keys = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const current = keys.at(-1);
  if (current === undefined) throw new Error(`The audit key file ${file} holds no key.`);
  return keyRingFrom(current, keys.slice(0, -1));
}

/** AUDIT_HMAC_KEY (with AUDIT_HMAC_OLD_KEYS) when set, else the key file in the data directory. */
export function loadAuditKeys(config: Config): AuditKeyRing {
  if (config.auditHmacKey !== null) return keyRingFrom(config.auditHmacKey, config.auditHmacOldKeys);
  return loadOrCreateKeyFile(config.dataDir);
}
