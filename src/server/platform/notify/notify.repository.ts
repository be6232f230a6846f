import type { Db } from '../../db/database.js';

/**
 * The addresses a notification email may go to: the named users of the clinic, with their account status (the
 * caller mails only active ones). A read of the users table the platform needs itself, so notify.ts does not
 * import the accounts feature (issue 18: platform/ never imports a feature).
 */
export async function notificationRecipients(db: Db, clinicId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['email', 'status'])
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', userIds)
    .execute();
}
