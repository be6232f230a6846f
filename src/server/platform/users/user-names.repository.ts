import type { Db } from '../../db/database.js';

/**
 * The display names of a clinic's users by id ("changed by", "recorded by"). A lookup several features need
 * (medications, clinic-safety-data), kept in the platform so they share it without importing each other
 * (issue 18: clinic-safety-data imported it from the medications repository, closing an import cycle).
 */
export async function userNames(db: Db, clinicId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
