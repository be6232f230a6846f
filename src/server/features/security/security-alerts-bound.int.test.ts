// Issue 19: the admin's security alerts (GET /api/admin/security-alerts) are bounded: at most
// SECURITY_ALERTS_MAX, the most severe first (an old urgent alert is never left out for newer ones), then the
// newest, with hasMore when some are not listed. (It was cut at the 200 newest without a word.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, TEST_NOW, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import type { SecurityAlert } from '../../../shared/audit/security-alert-schemas.js';
import { SECURITY_ALERTS_MAX } from '../../../shared/lists/limits.js';
import { insertSecurityAlertOnce } from '../../platform/audit/security-alerts.repository.js';
import { newId } from '../../platform/ids.js';

let t: TestContext;
let admin: BuiltUser;
let otherAdmin: BuiltUser;
let urgentId = '';
const highIds: string[] = [];

const alertRow = (clinicId: string, severity: string, at: number) => {
  const id = newId();
  return {
    id,
    clinic_id: clinicId,
    type: 'refused_attempts',
    severity,
    title: 'Repeated refused attempts',
    details: 'refused 10 times within 10 minutes',
    subject_id: null,
    source_event_id: newId(),
    idempotency_key: `refused_attempts:${id}`,
    created_at: at,
  };
};

async function list(who: BuiltUser) {
  const session = await signIn(t.app, who.email, PASSWORD);
  const res = await call(t.app, session, 'GET', '/api/admin/security-alerts');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ alerts: SecurityAlert[]; hasMore: boolean }>();
}

beforeAll(async () => {
  t = await createTestContext();
  t.clock.set(TEST_NOW);
  const clinic = await buildClinic(t.deps);
  admin = await buildUser(t.deps, clinic, 'admin', 'Ada Admin');
  otherAdmin = await buildUser(t.deps, await buildClinic(t.deps, 'Other clinic'), 'admin', 'Olga Admin');
  // One old urgent alert, then SECURITY_ALERTS_MAX newer high ones, in one transaction.
  await t.deps.database.transaction(async (trx) => {
    const urgent = alertRow(clinic, 'urgent', TEST_NOW - 10_000_000);
    urgentId = urgent.id;
    await insertSecurityAlertOnce(trx, urgent);
    for (let k = 0; k < SECURITY_ALERTS_MAX; k++) {
      const row = alertRow(clinic, 'high', TEST_NOW - 1_000_000 + k);
      highIds.push(row.id);
      await insertSecurityAlertOnce(trx, row);
    }
  });
});
afterAll(() => t.close());

describe('GET /api/admin/security-alerts is bounded (issue 19)', () => {
  it('past the maximum: the urgent alert first, then the newest, with hasMore', async () => {
    const page = await list(admin);
    expect(page.alerts).toHaveLength(SECURITY_ALERTS_MAX);
    expect(page.hasMore).toBe(true);
    expect(page.alerts[0]?.id).toBe(urgentId);
    const ids = page.alerts.map((a) => a.id);
    expect(ids[1]).toBe(highIds.at(-1));
    expect(ids).not.toContain(highIds[0]);
  });

  it('a list that fits says nothing is missing', async () => {
    expect(await list(otherAdmin)).toEqual({ alerts: [], hasMore: false });
  });
});
