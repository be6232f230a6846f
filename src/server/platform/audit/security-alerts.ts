import type { Db } from '../../db/database.js';
import type { AppDeps } from '../deps.js';
import { newId } from '../ids.js';
import { notifyByEmail } from '../notify/notify.js';
import type { AlertSpec } from '../../../shared/alerts/alert.js';
import type { DomainEvent } from '../../../shared/alerts/events.js';
import * as repo from './security-alerts.repository.js';

/**
 * Stores a security alert (an alert rule's spec with audience 'clinic_admins': about an account, not a
 * patient) for the clinic's admins, and emails them that something is waiting (no details in the email).
 * Idempotent on `key`, like care-team alerts.
 */
export async function raiseSecurityAlert(
  trx: Db,
  deps: Pick<AppDeps, 'clock' | 'mailer' | 'config'>,
  event: DomainEvent,
  spec: AlertSpec,
  key: string,
): Promise<string | null> {
  const id = newId();
  const created = await repo.insertSecurityAlertOnce(trx, {
    id,
    clinic_id: event.clinicId,
    type: spec.type,
    severity: spec.severity,
    title: spec.title,
    details: spec.details,
    subject_id: spec.subjectId,
    source_event_id: event.id,
    idempotency_key: key,
    created_at: deps.clock.now(),
  });
  if (!created) return null;
  await notifyByEmail(trx, deps, event.clinicId, await repo.activeAdminIds(trx, event.clinicId), 'alert');
  return id;
}
