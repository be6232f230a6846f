import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import { registryFixture, uuid, type RegistryFixture } from '../registry/registry.test-kit.js';
import { backfill } from '../../db/migrations/024-last-clinician-contacts.js';
import { rebuildLastContacts } from './last-contact.repository.js';

let f: RegistryFixture;
beforeAll(async () => {
  f = await registryFixture();
});
afterAll(() => f.t.close());

const HOUR = 3_600_000;

async function lastContactOf(patientId: string): Promise<number | null> {
  const s = await f.sessions();
  const res = await call(f.t.app, s.careManager, 'GET', '/api/registry');
  expect(res.statusCode, res.body).toBe(200);
  const row = res.json<RegistryResponse>().patients.find((p) => p.patientId === patientId);
  expect(row).toBeDefined();
  return row?.lastClinicianContactAt ?? null;
}

async function storedRows() {
  return f.t.deps.database.db
    .selectFrom('last_clinician_contacts')
    .select(['patient_id', 'clinic_id', 'contacted_at'])
    .orderBy('patient_id')
    .execute();
}

describe('last clinician contact (kept per patient in the write that records it)', () => {
  it('counts a clinician writing to the patient, not the team talking among itself nor the patient writing', async () => {
    f.t.clock.set(TEST_NOW);
    const p = await f.patient('Messages');
    const s = await f.sessions();
    const base = `/api/patients/${p}/conversations`;
    expect(await lastContactOf(p)).toBeNull();

    const list = await call(f.t.app, s.therapist, 'GET', base);
    const team = list
      .json<{ conversations: { id: string; kind: string }[] }>()
      .conversations.find((c) => c.kind === 'team');
    expect(team).toBeDefined();
    const teamPost = await call(f.t.app, s.therapist, 'POST', `${base}/${team?.id ?? ''}/messages`, {
      id: uuid(),
      body: 'Shall we review the dose at Thursday’s meeting?',
      mentions: [],
    });
    expect(teamPost.statusCode, teamPost.body).toBe(201);
    expect(await lastContactOf(p)).toBeNull();

    f.t.clock.set(TEST_NOW + HOUR);
    const patientSession = await f.signInPatient(p);
    const fromPatient = await call(f.t.app, patientSession, 'POST', base, {
      id: uuid(),
      subject: 'Sleep',
      firstMessage: { id: uuid(), body: 'I am sleeping badly.', mentions: [] },
    });
    expect(fromPatient.statusCode, fromPatient.body).toBe(201);
    expect(await lastContactOf(p)).toBeNull();

    f.t.clock.set(TEST_NOW + 2 * HOUR);
    const therapist = (await f.sessions()).therapist;
    const conversationId = fromPatient.json<{ conversation: { id: string } }>().conversation.id;
    const answer = await call(f.t.app, therapist, 'POST', `${base}/${conversationId}/messages`, {
      id: uuid(),
      body: 'Thank you for telling us. Let us look at your evening routine on Thursday.',
      mentions: [],
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(await lastContactOf(p)).toBe(TEST_NOW + 2 * HOUR);
  });

  it('counts answers entered in a session and a risk assessment at the time the patient was contacted', async () => {
    f.t.clock.set(TEST_NOW + 10 * HOUR);
    const p = await f.patient('Session');
    const s = await f.sessions();
    const inSession = await call(f.t.app, s.therapist, 'POST', `/api/patients/${p}/measures`, {
      id: uuid(),
      instrument: 'phq9',
      answers: { items: [1, 1, 1, 1, 1, 1, 1, 1, 1] },
      answeredAt: TEST_NOW + 9 * HOUR,
    });
    expect(inSession.statusCode, inSession.body).toBe(201);
    expect(await lastContactOf(p)).toBe(TEST_NOW + 9 * HOUR);

    const responseId = inSession.json<{ response: { id: string } }>().response.id;
    const assessment = await call(f.t.app, s.therapist, 'POST', `/api/patients/${p}/risk-assessments`, {
      id: uuid(),
      responseId,
      contactedAt: TEST_NOW + 10 * HOUR - 60_000,
      method: 'in_person',
      outcome: 'risk_managed_in_outpatient_care',
      actions: ['safety_plan_reviewed'],
      notes: 'Seen in session.',
    });
    expect(assessment.statusCode, assessment.body).toBe(201);
    expect(await lastContactOf(p)).toBe(TEST_NOW + 10 * HOUR - 60_000);
  });

  it('is rebuilt identically from the sources by the migration backfill and by the clinic rebuild', async () => {
    const kept = await storedRows();
    expect(kept.length).toBeGreaterThanOrEqual(2);
    await f.t.deps.database.db.deleteFrom('last_clinician_contacts').execute();
    await backfill(f.t.deps.database.db as unknown as Kysely<unknown>);
    expect(await storedRows()).toEqual(kept);
    await rebuildLastContacts(f.t.deps.database.db, f.clinic);
    expect(await storedRows()).toEqual(kept);
  });
});
