import type { Db } from '../../db/database.js';
import type { KnownDeviceTable } from '../../db/schema-two-factor.js';

export async function insertKnownDevice(db: Db, row: KnownDeviceTable): Promise<void> {
  await db.insertInto('known_devices').values(row).execute();
}

export async function findKnownDevice(db: Db, tokenHash: string): Promise<KnownDeviceTable | undefined> {
  return db.selectFrom('known_devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function deleteKnownDevice(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('known_devices').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredKnownDevices(db: Db, now: number): Promise<void> {
  await db.deleteFrom('known_devices').where('expires_at', '<=', now).execute();
}
