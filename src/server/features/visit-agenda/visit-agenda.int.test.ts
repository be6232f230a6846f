import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, TEST_NOW, type Session } from '../../testing/test-app.js';
import { registryFixture } from '../registry/registry.test-kit.js';
import { agendaItemSchema, agendaListSchema } from '../../../shared/visit-agenda/schemas.js';

// TEST_NOW is Monday 2 November 2026, 15:00 UTC; the patient lives in UTC.
const HOUR = 3_600_000;
let f: Awaited<ReturnType<typeof registryFixture>>;
let p: string;
let other: string;
let s: Awaited<ReturnType<typeof f.sessions>>;
let me: Session;
const appointments = { review: randomUUID(), session: randomUUID(), past: randomUUID() };

async function appointment(id: string, type: string, clinicianId: string, startsAt: number, status: string) {
  await f.t.deps.database.db
    .insertInto('appointments')
    .values({
      id,
      clinic_id: f.clinic,
      patient_id: p,
      series_id: null,
      type,
      clinician_id: clinicianId,
      mode: 'video',
      local_day: new Date(startsAt).toISOString().slice(0, 10),
      local_time: new Date(startsAt).toISOString().slice(11, 16),
      time_zone: 'UTC',
      starts_at: startsAt,
      ends_at: startsAt + HOUR,
      duration_minutes: 60,
      location: null,
      status,
      cancelled_by: null,
      cancelled_late: null,
      cancel_reason: null,
      status_set_by: null,
      status_set_at: null,
      created_by: clinicianId,
      created_at: TEST_NOW - 30 * 24 * HOUR,
      updated_at: TEST_NOW - 30 * 24 * HOUR,
      version: 1,
    })
    .execute();
}

const url = (patientId = p) => `/api/patients/${patientId}/agenda-items`;
const add = (body: Record<string, unknown>, who: Session = me, patientId = p) =>
  call(f.t.app, who, 'POST', url(patientId), body);
const list = async (who: Session, query = '') => {
  const res = await call(f.t.app, who, 'GET', `${url()}${query}`);
  expect(res.statusCode).toBe(200);
  return agendaListSchema.parse(res.json()).items;
};

beforeAll(async () => {
  f = await registryFixture();
  p = await f.patient('Agenda');
  other = await f.patient('Other');
  s = await f.sessions();
  me = await f.signInPatient(p);
  await appointment(
    appointments.review,
    'medication_review',
    f.users.prescriber.id,
    TEST_NOW + 48 * HOUR,
    'scheduled',
  );
  await appointment(
    appointments.session,
    'therapy_session',
    f.users.therapist.id,
    TEST_NOW + 24 * HOUR,
    'scheduled',
  );
  await appointment(
    appointments.past,
    'therapy_session',
    f.users.therapist.id,
    TEST_NOW - 24 * HOUR,
    'attended',
  );
});
afterAll(() => f.t.close());

describe('the patient adds what they want to talk about', () => {
  const ids = { prescriber: randomUUID(), therapist: randomUUID(), both: randomUUID() };

  it('adds an item once per client id; a retry answers the first one', async () => {
    const body = {
      id: ids.prescriber,
      addressedTo: 'prescriber',
      text: 'Can we talk about the nausea in the mornings?',
      appointmentId: appointments.review,
    };
    const first = await add(body);
    expect(first.statusCode).toBe(201);
    expect(first.headers.etag).toBe('"1"');
    const item = agendaItemSchema.parse(first.json());
    expect(item).toMatchObject({
      status: 'open',
      version: 1,
      changeable: true,
      appointmentId: appointments.review,
    });
    expect(item.appointmentStartsAt).toBe(TEST_NOW + 48 * HOUR);
    const again = await add({ ...body, text: 'something else' });
    expect(again.statusCode).toBe(200);
    expect(agendaItemSchema.parse(again.json()).text).toBe(body.text);
    expect(
      (await add({ id: ids.therapist, addressedTo: 'therapist', text: 'Homework was hard' })).statusCode,
    ).toBe(201);
    expect((await add({ id: ids.both, addressedTo: 'both', text: 'Sleep is worse' })).statusCode).toBe(201);
  });

  it('refuses an id used on another patient’s record, too long or empty text, a past appointment', async () => {
    const otherPatient = await f.signInPatient(other);
    const reused = await add({ id: ids.both, addressedTo: 'both', text: 'x' }, otherPatient, other);
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ error: { details: [{ path: 'body.id' }] } });

    const long = await add({ id: randomUUID(), addressedTo: 'both', text: 'a'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(JSON.stringify(long.json())).toContain('body.text');
    expect((await add({ id: randomUUID(), addressedTo: 'both', text: 'a'.repeat(500) })).statusCode).toBe(
      201,
    );
    const empty = await add({ id: randomUUID(), addressedTo: 'both', text: '   ' });
    expect(empty.statusCode).toBe(400);

    const past = await add({
      id: randomUUID(),
      addressedTo: 'therapist',
      text: 'x',
      appointmentId: appointments.past,
    });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ error: { details: [{ path: 'body.appointmentId' }] } });
  });

  it('only the patient writes: the care team is told 403', async () => {
    const res = await add({ id: randomUUID(), addressedTo: 'both', text: 'x' }, s.therapist);
    expect(res.statusCode).toBe(403);
  });

  it('each clinician reads the items addressed to them; "both" is the whole team', async () => {
    const texts = async (who: Session, query = '') => (await list(who, query)).map((i) => i.addressedTo);
    expect(new Set(await texts(me))).toEqual(new Set(['prescriber', 'therapist', 'both']));
    expect(new Set(await texts(s.prescriber))).toEqual(new Set(['prescriber', 'both']));
    expect(new Set(await texts(s.therapist))).toEqual(new Set(['therapist', 'both']));
    expect(new Set(await texts(s.careManager))).toEqual(new Set(['both']));
    expect((await call(f.t.app, s.outsider, 'GET', url())).statusCode).toBe(404);
    // The therapist's session: the therapist's and the team's items for the next visit, not the review's.
    const forSession = await list(s.therapist, `?appointmentId=${appointments.session}&status=open`);
    expect(forSession.map((i) => i.addressedTo).sort()).toEqual(['both', 'both', 'therapist']);
    const forReview = await list(s.prescriber, `?appointmentId=${appointments.review}`);
    expect(forReview.map((i) => i.addressedTo).sort()).toEqual(['both', 'both', 'prescriber']);
  });

  it('changes need If-Match; a stale version answers 412 with the current item', async () => {
    const path = `${url()}/${ids.therapist}`;
    expect((await call(f.t.app, me, 'PATCH', path, { text: 'Homework was very hard' })).statusCode).toBe(428);
    const changed = await call(
      f.t.app,
      me,
      'PATCH',
      path,
      { text: 'Homework was very hard' },
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode).toBe(200);
    expect(agendaItemSchema.parse(changed.json())).toMatchObject({
      text: 'Homework was very hard',
      version: 2,
    });
    const stale = await call(f.t.app, me, 'PATCH', path, { text: 'again' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ error: { details: { current: { version: 2 } } } });
    const nothing = await call(f.t.app, me, 'PATCH', path, {}, { 'if-match': '"2"' });
    expect(nothing.statusCode).toBe(400);
  });

  it('the addressee marks an item discussed; others do not see it; then the patient can no longer change it', async () => {
    const path = `${url()}/${ids.therapist}`;
    const byPrescriber = await call(f.t.app, s.prescriber, 'POST', `${path}/discussed`, undefined, {
      'if-match': '"2"',
    });
    expect(byPrescriber.statusCode).toBe(404);
    const byPatient = await call(f.t.app, me, 'POST', `${path}/discussed`, undefined, { 'if-match': '"2"' });
    expect(byPatient.statusCode).toBe(404);
    const done = await call(f.t.app, s.therapist, 'POST', `${path}/discussed`, undefined, {
      'if-match': '"2"',
    });
    expect(done.statusCode).toBe(200);
    expect(agendaItemSchema.parse(done.json())).toMatchObject({
      status: 'discussed',
      discussedByName: 'Tess Therapist',
      discussedAt: TEST_NOW,
      changeable: false,
      version: 3,
    });
    const late = await call(f.t.app, me, 'PATCH', path, { text: 'x' }, { 'if-match': '"3"' });
    expect(late.statusCode).toBe(409);
    expect((await list(s.therapist, '?status=open')).some((i) => i.id === ids.therapist)).toBe(false);
  });

  it('the patient deletes an open item (If-Match); it is gone, and the adds are audited', async () => {
    const path = `${url()}/${ids.both}`;
    expect((await call(f.t.app, me, 'DELETE', path, undefined, { 'if-match': '"9"' })).statusCode).toBe(412);
    expect((await call(f.t.app, me, 'DELETE', path, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    expect((await list(me)).some((i) => i.id === ids.both)).toBe(false);
    const events = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('patient_id', '=', p)
      .where('action', 'like', 'agenda.%')
      .execute();
    const actions = events.map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toContain('agenda.add:allowed');
    expect(actions).toContain('agenda.delete:allowed');
    expect(actions).toContain('agenda.discussed:allowed');
  });

  it('after the appointment starts, its item can no longer be changed', async () => {
    f.t.clock.set(TEST_NOW + 49 * HOUR);
    try {
      me = await f.signInPatient(p);
      const [item] = (await list(me)).filter((i) => i.id === ids.prescriber);
      expect(item?.changeable).toBe(false);
      const res = await call(f.t.app, me, 'DELETE', `${url()}/${ids.prescriber}`, undefined, {
        'if-match': '"1"',
      });
      expect(res.statusCode).toBe(409);
    } finally {
      f.t.clock.set(TEST_NOW);
    }
  });
});
