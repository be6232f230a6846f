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

  it('writes a list read of 79 events (statements of 64, 8, 4, 2 and 1 rows) in order, each column in place', async () => {
    const clinicId = clinics[1] ?? '';
    const actor = actorOf(users[1] as BuiltUser, clinicId);
    const last = await t.deps.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('clinic_id', '=', clinicId)
      .executeTakeFirstOrThrow();
    // max() is null on an empty chain, whatever its declared type.
    const from = (last.seq as number | null) ?? 0;
    const entries = Array.from({ length: 79 }, (_, i) => ({
      action: 'caseload.read',
      resourceType: 'caseload',
      resourceId: i % 2 === 0 ? null : `r-${String(i)}`,
      patientId: `p-${String(i).padStart(2, '0')}`,
      outcome: 'allowed' as const,
    }));
    await t.deps.audit.recordReads(clinicId, actor, entries);
    const rows = await t.deps.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('seq', '>', from)
      .orderBy('seq')
      .execute();
    expect(rows).toHaveLength(79);
    rows.forEach((row, i) => {
      expect(row).toMatchObject({
        seq: from + 1 + i,
        actor_id: actor.userId,
        actor_role: actor.role,
        patient_id: entries[i]?.patientId,
        action: 'caseload.read',
        resource_type: 'caseload',
        resource_id: entries[i]?.resourceId,
        outcome: 'allowed',
        hash_key_id: loadAuditKeys(t.config).current.id,
      });
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]?.hash);
    });
    expect(new Set(rows.map((r) => r.id)).size).toBe(79);
    expect(new Set(rows.map((r) => r.at)).size).toBe(1);
    expect(await verifyAuditChain(t.deps.database.db, loadAuditKeys(t.config))).toMatchObject({ ok: true });
  });
});
