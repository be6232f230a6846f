import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';
import { raiseTestAlert } from '../../testing/alerts.js';
import type { Alert } from '../../../shared/alerts/alert.js';

let t: TestContext;
let clinicId: string;
let therapist: BuiltUser;
let prescriber: BuiltUser;
let outsider: BuiltUser;
let patient: BuiltPatient;
let ts: Session;

beforeAll(async () => {
  t = await createTestContext();
  clinicId = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinicId, 'therapist');
  prescriber = await buildUser(t.deps, clinicId, 'prescriber');
  outsider = await buildUser(t.deps, clinicId, 'therapist');
  patient = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
  ]);
  ts = await signIn(t.app, therapist.email, PASSWORD);
});
afterAll(() => t.close());

describe('the inbox', () => {
  it('lists my alerts urgent first, filters by type and patient, and counts what is open', async () => {
    await raiseTestAlert(t.deps, patient.overview.id, clinicId, {
      severity: 'routine',
      title: 'Routine one',
      type: 'kind_a',
    });
    t.clock.advance(1000);
    await raiseTestAlert(t.deps, patient.overview.id, clinicId, {
      severity: 'urgent',
      title: 'Urgent one',
      type: 'kind_b',
    });
    t.clock.advance(1000);
    await raiseTestAlert(t.deps, patient.overview.id, clinicId, {
      severity: 'high',
      title: 'High one',
      type: 'kind_a',
    });
    const inbox = (await call(t.app, ts, 'GET', '/api/inbox')).json<{ alerts: Alert[] }>().alerts;
    expect(inbox.map((a) => a.title)).toEqual(['Urgent one', 'High one', 'Routine one']);
    expect(inbox[0]?.patientName).toBe(`${patient.overview.givenName} ${patient.overview.familyName}`);
    const onlyA = (await call(t.app, ts, 'GET', '/api/inbox?type=kind_a')).json<{ alerts: Alert[] }>().alerts;
    expect(onlyA.map((a) => a.title)).toEqual(['High one', 'Routine one']);
    const counts = (await call(t.app, ts, 'GET', '/api/inbox/counts')).json<Record<string, number>>();
    expect(counts).toEqual({ urgent: 1, high: 1, routine: 1, total: 3 });
    const outsiderInbox = (
      await call(t.app, await signIn(t.app, outsider.email, PASSWORD), 'GET', '/api/inbox')
    ).json<{ alerts: Alert[] }>();
    expect(outsiderInbox.alerts).toEqual([]);
  });

  it('acknowledges and resolves with If-Match, refuses stale or repeated changes', async () => {
    const id = await raiseTestAlert(t.deps, patient.overview.id, clinicId, {
      severity: 'urgent',
      title: 'Act on me',
    });
    expect((await call(t.app, ts, 'POST', `/api/alerts/${id}/acknowledge`)).statusCode).toBe(428);
    const ack = await call(t.app, ts, 'POST', `/api/alerts/${id}/acknowledge`, undefined, {
      'if-match': '1',
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json<Alert>()).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: therapist.id,
      version: 2,
    });
    const again = await call(t.app, ts, 'POST', `/api/alerts/${id}/acknowledge`, undefined, {
      'if-match': '2',
    });
    expect(again.statusCode).toBe(409);
    const stale = await call(
      t.app,
      ts,
      'POST',
      `/api/alerts/${id}/resolve`,
      { note: 'Called the patient' },
      { 'if-match': '1' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ error: { details: { current: Alert } } }>().error.details.current.state).toBe(
      'acknowledged',
    );
    const noNote = await call(
      t.app,
      ts,
      'POST',
      `/api/alerts/${id}/resolve`,
      { note: ' ' },
      { 'if-match': '2' },
    );
    expect(noNote.statusCode).toBe(400);
    const done = await call(
      t.app,
      ts,
      'POST',
      `/api/alerts/${id}/resolve`,
      { note: 'Called the patient; safe.' },
      { 'if-match': '2' },
    );
    expect(done.json<Alert>()).toMatchObject({
      state: 'resolved',
      resolutionNote: 'Called the patient; safe.',
      resolvedBy: therapist.id,
    });
    const history = (await call(t.app, ts, 'GET', `/api/patients/${patient.overview.id}/alerts`)).json<{
      alerts: Alert[];
    }>().alerts;
    expect(history.find((a) => a.id === id)?.state).toBe('resolved');
  });

  it("someone else's alert answers 404 and leaks nothing", async () => {
    const id = await raiseTestAlert(t.deps, patient.overview.id, clinicId, { title: 'Private matter' });
    const os = await signIn(t.app, outsider.email, PASSWORD);
    const res = await call(t.app, os, 'POST', `/api/alerts/${id}/acknowledge`, undefined, {
      'if-match': '1',
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Private matter');
    expect(
      (await call(t.app, ts, 'POST', '/api/alerts/unknown-id/acknowledge', undefined, { 'if-match': '1' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('clinic settings', () => {
  it('the admin reads and changes the escalation time and on-call contact', async () => {
    const admin = await buildUser(t.deps, clinicId, 'admin');
    const as = await signIn(t.app, admin.email, PASSWORD);
    // toMatchObject: other settings (crisis resources, clinic hours…) have their own tests.
    expect((await call(t.app, as, 'GET', '/api/admin/settings')).json()).toMatchObject({
      escalationHours: 4,
      planReviewWeeks: 4,
      onCallUserId: null,
    });
    const saved = await call(t.app, as, 'PUT', '/api/admin/settings', {
      escalationHours: 2,
      onCallUserId: prescriber.id,
    });
    expect(saved.json()).toMatchObject({
      escalationHours: 2,
      planReviewWeeks: 4,
      onCallUserId: prescriber.id,
    });
    expect((await call(t.app, as, 'PUT', '/api/admin/settings', { onCallUserId: admin.id })).statusCode).toBe(
      400,
    );
    expect((await call(t.app, as, 'PUT', '/api/admin/settings', { escalationHours: 0 })).statusCode).toBe(
      400,
    );
    expect((await call(t.app, ts, 'GET', '/api/admin/settings')).statusCode).toBe(403);
  });

  it('the admin changes clinical thresholds; a later save of other settings keeps them', async () => {
    const admin = await buildUser(t.deps, clinicId, 'admin');
    const as = await signIn(t.app, admin.email, PASSWORD);
    const set = await call(t.app, as, 'PUT', '/api/admin/settings', {
      notImprovingWeeks: 12,
      adherenceThresholdPercent: 85,
      noShowAlertAfter: 3,
    });
    expect(set.statusCode, set.body).toBe(200);
    await call(t.app, as, 'PUT', '/api/admin/settings', { planReviewWeeks: 6 });
    expect((await call(t.app, as, 'GET', '/api/admin/settings')).json()).toMatchObject({
      planReviewWeeks: 6,
      notImprovingWeeks: 12,
      adherenceThresholdPercent: 85,
      noShowAlertAfter: 3,
    });
    const bad = await call(t.app, as, 'PUT', '/api/admin/settings', { notImprovingWeeks: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
