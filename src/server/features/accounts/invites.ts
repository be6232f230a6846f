import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import { hashToken, newId, newSecretToken } from '../../platform/ids.js';
import { roleLabels, type Role } from '../../../shared/access/roles.js';
import * as repo from './accounts.repository.js';

// Product policy: staff links last 3 days, patient links 7 (patients often open mail later).
export const INVITE_TTL_MS = { staff: 3 * 24 * 3600_000, patient: 7 * 24 * 3600_000 } as const;

export interface IssuedInvite {
  link: string;
  expiresAt: number;
}

/** Revokes any open link of the user and issues a fresh one-time link (only its hash is stored). */
export async function issueInvite(
  trx: Db,
  deps: Pick<AppDeps, 'clock' | 'config'>,
  user: { id: string; clinicId: string; role: Role },
  createdBy: string | null,
): Promise<IssuedInvite> {
  const now = deps.clock.now();
  await repo.revokeOpenInvites(trx, user.id, now);
  const token = newSecretToken();
  const expiresAt = now + (user.role === 'patient' ? INVITE_TTL_MS.patient : INVITE_TTL_MS.staff);
  await repo.insertInvite(trx, {
    id: newId(),
    clinic_id: user.clinicId,
    user_id: user.id,
    token_hash: hashToken(token),
    expires_at: expiresAt,
    used_at: null,
    revoked_at: null,
    created_by: createdBy,
    created_at: now,
  });
  return { link: `${deps.config.publicUrl}/invite/${token}`, expiresAt };
}

/** The invite mail. It carries no clinical information: a name, the clinic, the link. */
export function inviteMail(opts: { name: string; role: Role; clinicName: string; invite: IssuedInvite }): {
  subject: string;
  text: string;
} {
  const isPatient = opts.role === 'patient';
  const subject = isPatient
    ? `${opts.clinicName} invites you to Duet`
    : `You're invited to join ${opts.clinicName} on Duet`;
  const intro = isPatient
    ? `${opts.clinicName} uses Duet so that you and your care team can work on your treatment together.`
    : `${opts.clinicName} has invited you to Duet as ${roleLabels[opts.role].toLowerCase()}.`;
  const text = [
    `Hello ${opts.name},`,
    '',
    intro,
    '',
    'Create your password with this link (it works once and expires on ' +
      new Date(opts.invite.expiresAt).toUTCString() +
      '):',
    opts.invite.link,
    '',
    'If you did not expect this email, you can ignore it.',
  ].join('\n');
  return { subject, text };
}

export const HIDDEN_LINK =
  '[link hidden: it works only for the person it was sent to; resend to send a new one]';

/**
 * Hides every one-time link in a mail text (issue 13, V5): invitation links (`…/invite/<token>`) and any
 * other link carrying a secret token (a path segment or fragment of 32+ URL-safe characters, e.g. a reset link).
 * The rest of the text stays as sent.
 */
export function redactSecretLinks(text: string): string {
  // The last pattern is a token in the fragment (reset and email-confirmation links: …/reset-password#<token>).
  return text
    .replace(/\S*\/invite\/[A-Za-z0-9_-]+\S*/g, HIDDEN_LINK)
    .replace(/\S*\/[A-Za-z0-9_-]{32,}(?:[/?#]\S*)?/g, HIDDEN_LINK)
    .replace(/\S*#[A-Za-z0-9_-]{32,}\S*/g, HIDDEN_LINK);
}
