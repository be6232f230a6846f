// The mail as it was sent, read straight from the test server's database file. The admin's outbox view
// hides one-time links (issue 13, V5), so journeys play the invitee's mailbox here: a test-only reader of
// the store the mail transport sends from; the running server offers no route that shows a link.
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { DuetServer } from './server';

/** The path of the newest invitation link mailed to `email` (e.g. `/invite/abc…`). */
export function sentInviteLink(server: DuetServer, email: string): string {
  const db = new SQLite(join(server.dataDir, 'duet.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        'select text_body from mail_outbox where lower(to_address) = lower(?) order by created_at desc, id desc',
      )
      .all(email) as { text_body: string }[];
    for (const row of rows) {
      const match = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(row.text_body);
      if (match) return new URL(match[0]).pathname;
    }
  } finally {
    db.close();
  }
  throw new Error(`No invite mail for ${email} in the mail store`);
}

/**
 * The newest one-time link mailed to `email` whose path is `path` (e.g. `/reset-password`), with its
 * fragment (`/reset-password#abc…`): reset and email-confirmation links carry the token there.
 */
export function sentFragmentLink(server: DuetServer, email: string, path: string): string {
  const db = new SQLite(join(server.dataDir, 'duet.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        'select text_body from mail_outbox where lower(to_address) = lower(?) order by created_at desc, id desc',
      )
      .all(email) as { text_body: string }[];
    for (const row of rows) {
      const match = /https?:\/\/\S+#[A-Za-z0-9_-]+/g;
      for (const found of row.text_body.match(match) ?? []) {
        const url = new URL(found);
        if (url.pathname === path) return url.pathname + url.hash;
      }
    }
  } finally {
    db.close();
  }
  throw new Error(`No ${path} mail for ${email} in the mail store`);
}
