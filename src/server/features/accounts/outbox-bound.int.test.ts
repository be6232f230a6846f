// Issue 19: the admin's outbox list is bounded: the latest OUTBOX_MAILS_MAX mails, newest first, with hasMore.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildUser, PASSWORD } from '../../testing/factories.js';
import { newId } from '../../platform/ids.js';
import { OUTBOX_MAILS_MAX } from '../../../shared/lists/limits.js';

let t: TestContext;
let clinicId: string;
let session: Session;

async function mails(n: number, firstAt: number) {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: newId(),
    clinic_id: clinicId,
    to_address: `person${String(i)}@mail.test`,
    subject: `Mail ${String(firstAt + i)}`,
    text_body: 'Hello',
    transport: 'outbox',
    created_at: firstAt + i,
    sent_at: null,
    error: null,
  }));
  for (let i = 0; i < rows.length; i += 50)
    await t.deps.database.db
      .insertInto('mail_outbox')
      .values(rows.slice(i, i + 50))
      .execute();
}

async function outbox() {
  const res = await call(t.app, session, 'GET', '/api/admin/outbox');
  expect(res.statusCode).toBe(200);
  return res.json<{ mails: { createdAt: number }[]; hasMore: boolean }>();
}

beforeAll(async () => {
  t = await createTestContext();
  clinicId = await buildClinic(t.deps, 'Outbox Clinic');
  const admin = await buildUser(t.deps, clinicId, 'admin');
  session = await signIn(t.app, admin.email, PASSWORD);
});
afterAll(() => t.close());

describe('GET /api/admin/outbox is bounded (issue 19)', () => {
  it('lists every mail while they fit, then the latest ones with hasMore', async () => {
    const before = await outbox();
    await mails(OUTBOX_MAILS_MAX - before.mails.length, 1_000);
    const full = await outbox();
    expect(full.mails).toHaveLength(OUTBOX_MAILS_MAX);
    expect(full.hasMore).toBe(false);

    await mails(3, t.clock.now() + 10);
    const cut = await outbox();
    expect(cut.mails).toHaveLength(OUTBOX_MAILS_MAX);
    expect(cut.hasMore).toBe(true);
    const times = cut.mails.map((m) => m.createdAt);
    expect(times[0]).toBe(t.clock.now() + 12);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times).not.toContain(1_000);
  });
});
