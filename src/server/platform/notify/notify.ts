import type { Db } from '../../db/database.js';
import type { AppDeps } from '../deps.js';
import { notificationRecipients } from './notify.repository.js';
import type { PushMessage } from '../../../shared/push/texts.js';

/**
 * The push notification that goes with an email of this kind by default (issue 17): a reply from the team,
 * a questionnaire due and an appointment coming up. Dose reminders are the push feature's own check (with the
 * dose's time); alerts push only when urgent, which the caller passes with the alert (raise-alerts.ts).
 */
function pushFor(what: string): PushMessage | null {
  if (what === 'message') return { kind: 'replies' };
  if (what === 'questionnaire') return { kind: 'questionnaires' };
  if (what === 'appointment') return { kind: 'appointments', day: 'soon', time: null };
  return null;
}

/**
 * Email that something is waiting in Duet. It never carries patient data: no names, no content,
 * just what kind of thing and a link to sign in (the mission's privacy rule for notifications).
 */
export async function notifyByEmail(
  trx: Db,
  deps: Pick<AppDeps, 'mailer' | 'config'> & Partial<Pick<AppDeps, 'requestPush'>>,
  clinicId: string,
  userIds: readonly string[],
  what:
    | 'message'
    | 'alert'
    | 'consult'
    | 'plan'
    | 'questionnaire'
    | 'appointment'
    | 'dose'
    | 'refill'
    | 'feedback',
  /** Issue 17: the push notification beside the email; by default the kind's own (pushFor), null for none. */
  push: PushMessage | null = pushFor(what),
): Promise<void> {
  const subjects = {
    message: 'You have a new message in Duet',
    alert: 'Something in Duet needs your attention',
    consult: 'You have a new consult request in Duet',
    plan: 'A treatment plan in Duet is waiting for you',
    questionnaire: 'You have a questionnaire to fill in Duet',
    // Session feedback (issue 6): never which session or with whom.
    feedback: 'Your care team would like your feedback in Duet',
    // Dose and refill reminders (issue 4): no medication names, ever.
    dose: 'You have a reminder in Duet',
    refill: 'You have a refill reminder in Duet',
    appointment: 'You have an upcoming appointment in Duet',
  } as const;
  if (push !== null && deps.requestPush)
    await deps.requestPush(trx, { clinicId, patientId: null, userIds, message: push });
  const users = await notificationRecipients(trx, clinicId, [...new Set(userIds)]);
  for (const user of users) {
    if (user.status !== 'active') continue;
    await deps.mailer.send(trx, {
      clinicId,
      to: user.email,
      subject: subjects[what],
      text: `Hello,\n\n${subjects[what]}.\n\nSign in to see it: ${deps.config.publicUrl}/\n\nFor your privacy, this email does not include any details.`,
    });
  }
}
