import type { Db } from '../../db/database.js';
import type { SecurityAlertTable } from '../../db/schema-security.js';

export type SecurityAlertRow = SecurityAlertTable;

/** Idempotent on the key: a replayed event raises nothing new. */
export async function insertSecurityAlertOnce(db: Db, row: SecurityAlertRow): Promise<boolean> {
  const result = await db
    .insertInto('security_alerts')
    .values(row)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** The clinic's active admins: the people a security alert is for. */
export async function activeAdminIds(db: Db, clinicId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

/** The most severe first (a bound never leaves out an urgent one for newer others, issue 19), then newest, at most `limit`. */
export async function securityAlertsOf(db: Db, clinicId: string, limit: number): Promise<SecurityAlertRow[]> {
  return db
    .selectFrom('security_alerts')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .orderBy((eb) =>
      eb.case().when('severity', '=', 'urgent').then(0).when('severity', '=', 'high').then(1).else(2).end(),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
