import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.js';
import type { Actor } from '../auth/actor.js';
import { loadAuditKeys, type AuditKeyRing } from './audit-keys.js';
import { verifyAuditChain } from './audit.js';

// Issue 19 (migrations 052, 054): a read that shows a list of patients is ONE chained event and its patients are
// rows of `audit_list_patients` (keyed event first; 052's patient-first `audit_event_patients` for a list without an
// actor), covered by the event's HMAC. Each patient still finds the read in what their access
// report reads (`audit_patient_events`), and an attacker with database access but without the key cannot remove
// or add a patient to a list unnoticed. Events written the old way (one per patient) stay readable and verified.

let t: TestContext;
let keys: AuditKeyRing;
const CLINIC = 'clinic-lists';
const db = () => t.deps.database.db;

const actor: Actor = {
  userId: 'prescriber-1',
  role: 'prescriber',
  clinicId: CLINIC,
  patientId: null,
  sessionIdHash: 'x',
  csrfToken: 'x',
};

const caseload = (patientIds: readonly string[]) =>
  t.deps.audit.recordListRead(CLINIC, actor, {
    action: 'caseload.read',
    resourceType: 'caseload',
    resourceId: null,
    patientIds,
  });

/** Verified on the main thread, and on SQLite also on worker threads: the very same report. */
async function verifyBoth() {
  const report = await verifyAuditChain(db(), keys);
  if (t.deps.database.engine === 'sqlite')
    expect(await verifyAuditChain(db(), keys, null, { workers: 2, minEventsForWorkers: 0 })).toEqual(report);
  return report;
}

async function liftGuards(): Promise<void> {
  const tables = ['audit_event_patients', 'audit_list_patients', 'audit_patient_list_days'];
  if (t.deps.database.engine === 'sqlite') {
    for (const table of tables) {
      await sql`drop trigger ${sql.raw(`${table}_no_update`)}`.execute(db());
      await sql`drop trigger ${sql.raw(`${table}_no_delete`)}`.execute(db());
    }
    await sql`drop trigger audit_events_no_update`.execute(db());
  } else {
    for (const table of tables)
      await sql`alter table ${sql.raw(table)} disable trigger ${sql.raw(`${table}_append_only`)}`.execute(
        db(),
      );
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(db());
  }
}

const seqOf = async (action: string) =>
  (
    await db()
      .selectFrom('audit_events')
      .select('seq')
      .where('clinic_id', '=', CLINIC)
      .where('action', '=', action)
      .executeTakeFirstOrThrow()
  ).seq;

beforeEach(async () => {
  t = await createTestContext();
  keys = loadAuditKeys(t.config);
  // An old-style list read: one event per patient shown (as before migration 052).
  await t.deps.audit.recordReads(
    CLINIC,
    actor,
    ['p-old-1', 'p-old-2'].map((patientId) => ({
      action: 'registry.read',
      resourceType: 'registry',
      resourceId: null,
      patientId,
      outcome: 'allowed' as const,
    })),
  );
  await t.deps.audit.recordRead(CLINIC, actor, {
    action: 'patient.read',
    resourceType: 'patient',
    resourceId: 'p-b',
    patientId: 'p-b',
    outcome: 'allowed',
  });
  // Shown in this order, one of them twice: recorded once each.
  await caseload(['p-c', 'p-a', 'p-b', 'p-a']);
  await t.deps.audit.recordListRead(CLINIC, actor, {
    action: 'inbox.read',
    resourceType: 'inbox',
    resourceId: null,
    patientIds: [],
  });
});
afterEach(() => t.close());

describe('a list read is one audit event naming its patients', () => {
  it('writes one event with the count and one side row per patient, in the shared commit', async () => {
    const events = await db()
      .selectFrom('audit_events')
      .select(['seq', 'action', 'patient_id', 'patient_count'])
      .where('clinic_id', '=', CLINIC)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.action, e.patient_id, e.patient_count ?? null])).toEqual([
      ['registry.read', 'p-old-1', null],
      ['registry.read', 'p-old-2', null],
      ['patient.read', 'p-b', null],
      ['caseload.read', null, 3],
      ['inbox.read', null, 0],
    ]);
    const side = await db()
      .selectFrom('audit_list_patients')
      .select(['patient_id', 'event_seq'])
      .where('clinic_id', '=', CLINIC)
      .orderBy('patient_id')
      .execute();
    expect(side.map((r) => [r.patient_id, r.event_seq])).toEqual([
      ['p-a', 4],
      ['p-b', 4],
      ['p-c', 4],
    ]);
    expect(await verifyBoth()).toMatchObject({ ok: true, events: 5 });
  });

  it("puts the read in each shown patient's trail (new list events and old per-patient ones alike)", async () => {
    const trail = async (patientId: string) =>
      (
        await db()
          .selectFrom('audit_patient_events')
          .select(['id', 'action', 'actor_id', 'seq'])
          .where('clinic_id', '=', CLINIC)
          .where('patient_id', '=', patientId)
          .orderBy('seq')
          .execute()
      ).map((r) => [r.action, r.actor_id, r.id.startsWith('L') ? r.id : 'event-id']);
    expect(await trail('p-b')).toEqual([
      ['patient.read', actor.userId, 'event-id'],
      ['caseload.read', actor.userId, 'L4-p-b'],
    ]);
    expect(await trail('p-a')).toEqual([['caseload.read', actor.userId, 'L4-p-a']]);
    expect(await trail('p-old-2')).toEqual([['registry.read', actor.userId, 'event-id']]);
    expect(await trail('p-nobody')).toEqual([]);
  });

  it('a list and its patients commit together or not at all', async () => {
    const before = Number(
      (
        await db()
          .selectFrom('audit_list_patients')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    // A patient id that cannot be stored (null in a NOT NULL column) fails the side insert: no event is left.
    await expect(caseload(['p-z', null as unknown as string])).rejects.toThrow();
    const after = Number(
      (
        await db()
          .selectFrom('audit_list_patients')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
    expect(await verifyBoth()).toMatchObject({ ok: true, events: 5 });
  });

  it('lists of one shared commit go in together, each patient under its own event', async () => {
    await Promise.all([
      caseload(['p-x', 'p-y']),
      t.deps.audit.recordRead(CLINIC, actor, {
        action: 'patient.read',
        resourceType: 'patient',
        resourceId: 'p-x',
        patientId: 'p-x',
        outcome: 'allowed',
      }),
      caseload(['p-z']),
    ]);
    const rows = await db()
      .selectFrom('audit_list_patients as p')
      .innerJoin('audit_events as a', (j) =>
        j.onRef('a.clinic_id', '=', 'p.clinic_id').onRef('a.seq', '=', 'p.event_seq'),
      )
      .select(['p.event_seq', 'p.patient_id', 'a.patient_count'])
      .where('p.clinic_id', '=', CLINIC)
      .where('p.event_seq', '>', 5)
      .orderBy('p.event_seq')
      .orderBy('p.patient_id')
      .execute();
    expect(rows.map((r) => [r.event_seq, r.patient_id, r.patient_count])).toEqual([
      [6, 'p-x', 2],
      [6, 'p-y', 2],
      [8, 'p-z', 1],
    ]);
    expect(await verifyBoth()).toMatchObject({ ok: true, events: 8 });
  });

  it('refuses UPDATE and DELETE of a side row or a day-index row at the database level', async () => {
    await expect(db().deleteFrom('audit_list_patients').execute()).rejects.toThrow(/append-only/);
    await expect(
      db().updateTable('audit_list_patients').set({ patient_id: 'p-x' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom('audit_patient_list_days').execute()).rejects.toThrow(/append-only/);
    await expect(
      db().updateTable('audit_patient_list_days').set({ patient_id: 'p-x' }).execute(),
    ).rejects.toThrow(/append-only/);
  });
});

describe("a list event's patients against an attacker with database access (no key)", () => {
  beforeEach(liftGuards);

  it('reports a patient removed from a list at that event', async () => {
    const seq = await seqOf('caseload.read');
    await db().deleteFrom('audit_list_patients').where('patient_id', '=', 'p-a').execute();
    expect(await verifyBoth()).toMatchObject({
      ok: false,
      clinicId: CLINIC,
      seq,
      reason: expect.stringMatching(/side rows removed or added/) as unknown,
    });
  });

  it('reports a patient swapped for another (count unchanged) as an HMAC mismatch', async () => {
    const seq = await seqOf('caseload.read');
    await db().deleteFrom('audit_list_patients').where('patient_id', '=', 'p-a').execute();
    await db()
      .insertInto('audit_list_patients')
      .values({ clinic_id: CLINIC, patient_id: 'p-someone-else', event_seq: seq })
      .execute();
    expect(await verifyBoth()).toMatchObject({
      ok: false,
      seq,
      reason: expect.stringMatching(/HMAC does not match/) as unknown,
    });
  });

  it('reports a patient added to a list, and the count raised to match, as an HMAC mismatch', async () => {
    const seq = await seqOf('caseload.read');
    await db()
      .insertInto('audit_list_patients')
      .values({ clinic_id: CLINIC, patient_id: 'p-framed', event_seq: seq })
      .execute();
    expect(await verifyBoth()).toMatchObject({ ok: false, seq });
    await db()
      .updateTable('audit_events')
      .set({ patient_count: 4 })
      .where('clinic_id', '=', CLINIC)
      .where('seq', '=', seq)
      .execute();
    expect(await verifyBoth()).toMatchObject({
      ok: false,
      seq,
      reason: expect.stringMatching(/HMAC does not match/) as unknown,
    });
  });

  it('reports patients attached to an event that lists none, and to an event not in the chain', async () => {
    const single = await seqOf('patient.read');
    await db()
      .insertInto('audit_list_patients')
      .values({ clinic_id: CLINIC, patient_id: 'p-framed', event_seq: single })
      .execute();
    expect(await verifyBoth()).toMatchObject({
      ok: false,
      seq: single,
      reason: expect.stringMatching(/lists none/) as unknown,
    });
    await db().deleteFrom('audit_list_patients').where('patient_id', '=', 'p-framed').execute();
    await db()
      .insertInto('audit_list_patients')
      .values({ clinic_id: CLINIC, patient_id: 'p-framed', event_seq: 99 })
      .execute();
    expect(await verifyBoth()).toMatchObject({
      ok: false,
      seq: 99,
      reason: expect.stringMatching(/not in the chain/) as unknown,
    });
  });

  it('reports an emptied list (all its side rows gone) even when its count is set to null', async () => {
    const seq = await seqOf('caseload.read');
    await db().deleteFrom('audit_list_patients').execute();
    expect(await verifyBoth()).toMatchObject({ ok: false, seq });
    await db()
      .updateTable('audit_events')
      .set({ patient_count: null })
      .where('clinic_id', '=', CLINIC)
      .where('seq', '=', seq)
      .execute();
    expect(await verifyBoth()).toMatchObject({
      ok: false,
      seq,
      reason: expect.stringMatching(/HMAC does not match/) as unknown,
    });
  });
});

// Migration 054: a patient's access report finds the list reads kept event first through the per
// (patient, actor, UTC day) index, written once per pair and day.
const DAY = 86_400_000;
const today = () => Math.floor(t.clock.now() / DAY);
const dayRows = async (patientId?: string) => {
  let q = db()
    .selectFrom('audit_patient_list_days')
    .select(['patient_id', 'actor_id', 'day'])
    .where('clinic_id', '=', CLINIC);
  if (patientId !== undefined) q = q.where('patient_id', '=', patientId);
  const rows = await q.orderBy('day').orderBy('patient_id').execute();
  return rows.map((r) => [r.patient_id, r.actor_id, r.day]);
};
const trailIds = async (patientId: string) =>
  (
    await db()
      .selectFrom('audit_patient_events')
      .select(['id', 'seq'])
      .where('clinic_id', '=', CLINIC)
      .where('patient_id', '=', patientId)
      .orderBy('seq')
      .execute()
  ).map((r) => r.id);

describe('the per (patient, actor, day) index of list reads', () => {
  it("holds each patient shown once for the reader's UTC day, however often the list is read", async () => {
    await caseload(['p-a', 'p-b']);
    await caseload(['p-c', 'p-a', 'p-b']);
    const d = today();
    expect(await dayRows()).toEqual([
      ['p-a', actor.userId, d],
      ['p-b', actor.userId, d],
      ['p-c', actor.userId, d],
    ]);
    // Every read is in the trail all the same: the day's row leads to each of the reader's list events that day.
    expect(await trailIds('p-a')).toEqual(['L4-p-a', 'L6-p-a', 'L7-p-a']);
    expect(await trailIds('p-c')).toEqual(['L4-p-c', 'L7-p-c']);
    expect(await verifyBoth()).toMatchObject({ ok: true, events: 7 });
  });

  it('a new UTC day gets its own rows, and the trail holds the reads of both days', async () => {
    const first = today();
    t.clock.advance(DAY);
    await caseload(['p-a']);
    expect(await dayRows('p-a')).toEqual([
      ['p-a', actor.userId, first],
      ['p-a', actor.userId, first + 1],
    ]);
    expect(await trailIds('p-a')).toEqual(['L4-p-a', 'L6-p-a']);
    expect(await verifyBoth()).toMatchObject({ ok: true, events: 6 });
  });

  it("keeps another reader's reads of the same day apart", async () => {
    const other: Actor = { ...actor, userId: 'therapist-2', role: 'therapist' };
    await t.deps.audit.recordListRead(CLINIC, other, {
      action: 'registry.read',
      resourceType: 'registry',
      resourceId: null,
      patientIds: ['p-a'],
    });
    expect((await dayRows('p-a')).map((r) => r[1])).toEqual([actor.userId, 'therapist-2'].sort());
    const rows = await db()
      .selectFrom('audit_patient_events')
      .select(['id', 'actor_id'])
      .where('clinic_id', '=', CLINIC)
      .where('patient_id', '=', 'p-a')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.id, r.actor_id])).toEqual([
      ['L4-p-a', actor.userId],
      ['L6-p-a', 'therapist-2'],
    ]);
  });

  it("a list read without an actor keeps 052's patient-first rows, read and verified as before", async () => {
    await t.deps.audit.recordListRead(CLINIC, null, {
      action: 'worklist.read',
      resourceType: 'worklist',
      resourceId: null,
      patientIds: ['p-n'],
    });
    const old = await db()
      .selectFrom('audit_event_patients')
      .select(['patient_id', 'event_seq'])
      .where('clinic_id', '=', CLINIC)
      .execute();
    expect(old.map((r) => [r.patient_id, r.event_seq])).toEqual([['p-n', 6]]);
    expect(await trailIds('p-n')).toEqual(['L6-p-n']);
    expect(await dayRows('p-n')).toEqual([]);
    expect(await verifyBoth()).toMatchObject({ ok: true, events: 6 });
  });

  it('a pair written in a transaction that rolled back is not remembered: the next read writes it', async () => {
    // One shared commit for both reads, clinics in order: this clinic's list (and its day row) is appended first,
    // then the other clinic's fails and the whole commit rolls back; each read is then committed alone.
    const failing = t.deps.audit.recordListRead('clinic-zz', actor, {
      action: 'caseload.read',
      resourceType: 'caseload',
      resourceId: null,
      patientIds: ['p-r', null as unknown as string],
    });
    const ok = caseload(['p-q']);
    await expect(failing).rejects.toThrow();
    await ok;
    expect(await dayRows('p-q')).toEqual([['p-q', actor.userId, today()]]);
    expect(await verifyBoth()).toMatchObject({ ok: true });
  });
});

describe('the day index against an attacker with database access', () => {
  beforeEach(liftGuards);

  it('reports a removed day-index row as tampering: it hides the read from the patient', async () => {
    const seq = await seqOf('caseload.read');
    await db().deleteFrom('audit_patient_list_days').where('patient_id', '=', 'p-a').execute();
    expect(await trailIds('p-a')).toEqual([]);
    expect(await verifyBoth()).toMatchObject({
      ok: false,
      clinicId: CLINIC,
      seq,
      reason: expect.stringMatching(/patient p-a's day index/) as unknown,
    });
  });

  it('a pair remembered is not written again the same day (the removed row stays missing)', async () => {
    await db().deleteFrom('audit_patient_list_days').where('patient_id', '=', 'p-a').execute();
    await caseload(['p-a', 'p-b']);
    expect(await dayRows('p-a')).toEqual([]);
    // The next day it is written again.
    t.clock.advance(DAY);
    await caseload(['p-a']);
    expect(await dayRows('p-a')).toEqual([['p-a', actor.userId, today()]]);
  });
});
