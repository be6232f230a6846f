import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { insertServerKeys, readServerKeys } from './push.repository.js';

export interface ServerKeys {
  publicKey: string;
  privateKey: string;
  /** The VAPID contact: the clinic's https address, else the mail sender's address. */
  subject: string;
}

// One key pair per database, read once per process (it never changes once made).
const known = new WeakMap<Database, ServerKeys>();

/** mailto: of MAIL_FROM's address, or PUBLIC_URL when it is https (push services reject other subjects). */
export function vapidSubject(config: Pick<Config, 'publicUrl' | 'mailFrom'>): string {
  if (config.publicUrl.startsWith('https://')) return config.publicUrl;
  const address = /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom.trim();
  return `mailto:${address}`;
}

/**
 * The deployment's VAPID keys, made at first start (`webpush.generateVAPIDKeys()`) and kept in the database
 * with the data, never in the repository or a log. Two instances starting together keep the first pair stored.
 */
export async function serverKeys(deps: {
  database: Database;
  clock: Clock;
  config: Config;
}): Promise<ServerKeys> {
  const cached = known.get(deps.database);
  if (cached) return cached;
  let row = await readServerKeys(deps.database.db);
  if (!row) {
    // web-push (~1 MiB of heap) is loaded when it is needed: here once per database, and at the first push.
    const { default: webpush } = await import('web-push');
    const fresh = webpush.generateVAPIDKeys();
    await insertServerKeys(deps.database.db, { ...fresh, now: deps.clock.now() });
    row = await readServerKeys(deps.database.db);
    if (!row) throw new Error('push server keys were not stored');
  }
  const keys = { publicKey: row.public_key, privateKey: row.private_key, subject: vapidSubject(deps.config) };
  known.set(deps.database, keys);
  return keys;
}
