import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_AUDIT_HMAC_KEY, type TestContext } from '../../testing/test-app.js';
import { verifyAuditChain } from '../audit/audit.js';
import { keyRingFrom } from '../audit/audit-keys.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';
import { newId } from '../ids.js';
import { AppError } from '../errors.js';
import { withPatientRecord } from './patient-access.js';

// Runs on SQLite here and on PostgreSQL in CI (DUET_TEST_DATABASE_URL): the denied event must survive the
// rollback of the use case that refused, on both.
let t: TestContext;
let therapist: BuiltUser;
let patient: BuiltPatient;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinic, 'therapist');
  patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
});
afterAll(() => t.close());

async function eventsOf(action: string) {
  return t.deps.database.db
    .selectFrom('audit_events')
    .select(['outcome', 'patient_id', 'actor_id', 'resource_id'])
    .where('action', '=', action)
    .execute();
}

/** A use case that writes, then refuses: its write must be rolled back, its refusal kept. */
function refusingUseCase(subject: string, error: AppError) {
  return withPatientRecord(
    t.deps,
    therapist.actor,
    patient.overview.id,
    { action: `test.${subject}`, resourceType: 'test_record', resourceId: subject },
    async (trx) => {
      await trx
        .insertInto('mail_outbox')
        .values({
          id: newId(),
          clinic_id: therapist.clinicId,
          to_address: 'nobody@clinic.test',
          subject,
          text_body: 'written before the refusal',
          transport: 'test',
          created_at: t.deps.clock.now(),
          sent_at: null,
          error: null,
        })
        .execute();
      throw error;
    },
  );
}

async function mailsWith(subject: string) {
  return t.deps.database.db.selectFrom('mail_outbox').select('id').where('subject', '=', subject).execute();
}

describe('withPatientRecord: every refusal is audited', () => {
  it('a 403 inside the use case rolls its work back and keeps the denied event', async () => {
    const refusal = new AppError('forbidden', 'Only the prescriber does this.');
    await expect(refusingUseCase('refused-inside', refusal)).rejects.toBe(refusal);
    expect(await mailsWith('refused-inside')).toEqual([]);
    expect(await eventsOf('test.refused-inside')).toEqual([
      {
        outcome: 'denied',
        patient_id: patient.overview.id,
        actor_id: therapist.id,
        resource_id: 'refused-inside',
      },
    ]);
  });

  it('another failure (a conflict, a validation error) is not a refusal: rolled back, nothing audited', async () => {
    for (const code of ['conflict', 'validation_failed', 'not_found'] as const) {
      const subject = `failed-${code}`;
      await expect(refusingUseCase(subject, new AppError(code, 'No.'))).rejects.toBeInstanceOf(AppError);
      expect(await mailsWith(subject)).toEqual([]);
      expect(await eventsOf(`test.${subject}`)).toEqual([]);
    }
  });

  it('a caller outside the care team gets 404 and the denied event, the use case never runs', async () => {
    const outsider = await buildUser(t.deps, therapist.clinicId, 'prescriber');
    let ran = false;
    const attempt = withPatientRecord(
      t.deps,
      outsider.actor,
      patient.overview.id,
      { action: 'test.outsider', resourceType: 'test_record' },
      () => {
        ran = true;
        return Promise.resolve(1);
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'not_found' });
    expect(ran).toBe(false);
    expect(await eventsOf('test.outsider')).toMatchObject([{ outcome: 'denied', actor_id: outsider.id }]);
  });

  it('the chain stays intact after refusals written apart', async () => {
    const report = await verifyAuditChain(t.deps.database.db, keyRingFrom(TEST_AUDIT_HMAC_KEY));
    expect(report).toMatchObject({ ok: true });
  });
});
