import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.js';
import { buildClinic, buildUser, type BuiltUser } from '../../testing/factories.js';
import type { Actor } from '../auth/actor.js';
import { verifyAuditChain } from './audit.js';
import { loadAuditKeys } from './audit-keys.js';

let t: TestContext;
let clinics: string[];
let users: BuiltUser[];
beforeAll(async () => {
  t = await createTestContext();
  clinics = [await buildClinic(t.deps), await buildClinic(t.deps)];
  users = [
    await buildUser(t.deps, clinics[0] ?? '', 'care_manager'),
    await buildUser(t.deps, clinics[1] ?? '', 'prescriber'),
  ];
});
afterAll(() => t.close());

const actorOf = (u: BuiltUser, clinicId: string): Actor => ({
  userId: u.id,
  role: u.role,
  clinicId,
  patientId: null,
  sessionIdHash: 'test',
  csrfToken: 'test',
});
const entry = {
  action: 'registry.read',
  resourceType: 'registry',
  resourceId: null,
  patientId: null,
} as const;

const countReads = async () =>
  Number(
    (
      await t.deps.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', 'registry.read')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('reads recorded together (audit.recordRead)', () => {
  it('commits every read of a burst from two clinics, each chain unbroken', async () => {
    const before = await countReads();
    const burst = Array.from({ length: 40 }, (_, i) => {
      const c = i % 2;
      return t.deps.audit.recordRead(clinics[c] ?? '', actorOf(users[c] as BuiltUser, clinics[c] ?? ''), {
        ...entry,
        outcome: 'allowed',
      });
    });
    await Promise.all(burst);
    expect(await countReads()).toBe(before + 40);
    expect(await verifyAuditChain(t.deps.database.db, loadAuditKeys(t.config))).toMatchObject({ ok: true });
  });

  it('keeps recording after a burst (the next read starts a new commit)', async () => {
    const before = await countReads();
    await t.deps.audit.recordRead(clinics[0] ?? '', actorOf(users[0] as BuiltUser, clinics[0] ?? ''), {
      ...entry,
      outcome: 'allowed',
    });
    expect(await countReads()).toBe(before + 1);
  });
});
