// Issue 13 (V5): the demo patients' enrolment links, still in the mail store, never reset their passwords.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type TestContext } from '../testing/test-app.js';
import { DEMO_PASSWORD, demoPatients, seedDemoClinic } from './seed-demo.js';

let t: TestContext;
beforeAll(async () => {
  // Several dead links from one client: the link throttle (tested in the accounts tests) stays out of the way.
  t = await createTestContext({ loginMaxFailures: 1000, loginClientMaxFailures: 1000 });
  // The demo seed is set-up, under the hook's 60 s limit rather than a test's 20 s (slow under load).
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo patients’ invitation links', () => {
  it('are dead once the seed activates the accounts: no preview, no accept, the demo password still works', async () => {
    for (const patient of demoPatients) {
      const mail = await t.deps.database.db
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', patient.email)
        .executeTakeFirst();
      const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail?.text_body ?? '')?.[1];
      expect(token).toBeDefined();
      expect((await call(t.app, null, 'GET', `/api/invites/${token ?? ''}`)).statusCode).toBe(404);
      const accept = await call(t.app, null, 'POST', `/api/invites/${token ?? ''}/accept`, {
        password: 'taken-over-by-someone-9',
      });
      expect(accept.statusCode).toBe(404);
      await signIn(t.app, patient.email, DEMO_PASSWORD);
    }
    const open = await t.deps.database.db
      .selectFrom('invites as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select('i.id')
      .where('u.role', '=', 'patient')
      .where('i.used_at', 'is', null)
      .where('i.revoked_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
  });
});
