import type { Transporter } from 'nodemailer';
import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import * as repo from './mail.repository.js';

export interface OutgoingMail {
  clinicId: string | null;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly transport: 'outbox' | 'smtp';
  send(db: Db, mail: OutgoingMail): Promise<void>;
}

/**
 * Without SMTP_URL, mail is kept in the outbox table for the clinic admin to read (invites work out of the box).
 * With SMTP_URL, mail goes out through nodemailer; the outbox keeps only who/what/when, never the body,
 * because bodies hold one-time links.
 */
export function createMailer(opts: { smtpUrl: string | null; from: string; clock: Clock }): Mailer {
  if (!opts.smtpUrl) {
    return {
      transport: 'outbox',
      async send(db, mail) {
        await repo.insertMail(db, {
          id: newId(),
          clinic_id: mail.clinicId,
          to_address: mail.to,
          subject: mail.subject,
          text_body: mail.text,
          transport: 'outbox',
          created_at: opts.clock.now(),
          sent_at: null,
          error: null,
        });
      },
    };
  }
  const smtpUrl = opts.smtpUrl;
  // nodemailer (~2 MiB of heap with its source) is loaded at the first mail, not by every server at start:
  // most processes never send one (issue 19, idle memory). A failed load is retried at the next mail.
  let transporter: Promise<Transporter> | null = null;
  const transport = (): Promise<Transporter> =>
    (transporter ??= import('nodemailer').then(
      (m) => m.default.createTransport(smtpUrl),
      (err: unknown) => {
        transporter = null;
        throw err;
      },
    ));
  return {
    transport: 'smtp',
    async send(db, mail) {
      const id = newId();
      await repo.insertMail(db, {
        id,
        clinic_id: mail.clinicId,
        to_address: mail.to,
        subject: mail.subject,
        text_body: '(sent by SMTP; the text is not kept)',
        transport: 'smtp',
        created_at: opts.clock.now(),
        sent_at: null,
        error: null,
      });
      try {
        await (
          await transport()
        ).sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
        await repo.markMail(db, id, { sent_at: opts.clock.now(), error: null });
      } catch (err) {
        // The caller's action (an invite, say) still stands; the admin sees the failure in the outbox and can resend.
        await repo.markMail(db, id, {
          sent_at: null,
          error: err instanceof Error ? err.message.slice(0, 200) : 'send failed',
        });
      }
    },
  };
}
