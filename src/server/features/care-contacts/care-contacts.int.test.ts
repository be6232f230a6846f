import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TEST_NOW } from '../../testing/test-app.js';
import { buildUser, PASSWORD } from '../../testing/factories.js';
import { signIn } from '../../testing/test-app.js';
import type { MinutesReport, PatientContacts } from '../../../shared/care-contacts/api.js';
import type { RegistryResponse } from '../../../shared/registry/schemas.js';
import { registryFixture, uuid, type RegistryFixture } from '../registry/registry.test-kit.js';
import { pdfPages } from '../../platform/pdf/pdf-text.test-kit.js';

let f: RegistryFixture;
let as: Awaited<ReturnType<RegistryFixture['sessions']>>;
let patientId = '';
let strangerId = '';
const MIN = 60_000;
const DAY = 86_400_000;
// TEST_NOW is 2026-11-02 15:00 UTC: November in the clinic's zone (UTC by default).

beforeAll(async () => {
  f = await registryFixture();
  f.t.clock.set(TEST_NOW - DAY); // enrolled the day before
  patientId = await f.patient('Contacted');
  strangerId = await f.patient('Stranger', { team: [f.users.outsider] });
  f.t.clock.set(TEST_NOW);
  as = await f.sessions();
});
afterAll(() => f.t.close());

const url = (id: string) => `/api/patients/${id}/care-contacts`;
const contact = (extra: Record<string, unknown> = {}) => ({
  id: uuid(),
  mode: 'phone',
  reached: true,
  minutes: 20,
  note: 'Checked in about sleep.',
  contactedAt: TEST_NOW - 10 * MIN,
  ...extra,
});
const pathsOf = (body: string) =>
  (JSON.parse(body) as { error: { details?: { path: string }[] } }).error.details?.map((d) => d.path);

async function lastContactOf(id: string) {
  const res = await call(f.t.app, as.careManager, 'GET', '/api/registry');
  return res.json<RegistryResponse>().patients.find((p) => p.patientId === id)?.lastClinicianContactAt;
}

describe('care-manager contacts and minutes (issue 15)', () => {
  it('refuses minutes outside 1-240, a long note and a future time, naming the field and the range', async () => {
    for (const minutes of [0, 241, 12.5]) {
      const res = await call(f.t.app, as.careManager, 'POST', url(patientId), contact({ minutes }));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('from 1 to 240');
      expect(pathsOf(res.body)).toEqual(['body.minutes']);
    }
    const long = await call(
      f.t.app,
      as.careManager,
      'POST',
      url(patientId),
      contact({ note: 'x'.repeat(1001) }),
    );
    expect(pathsOf(long.body)).toEqual(['body.note']);
    const future = await call(
      f.t.app,
      as.careManager,
      'POST',
      url(patientId),
      contact({ contactedAt: TEST_NOW + 60 * MIN }),
    );
    expect(future.statusCode).toBe(400);
    expect(pathsOf(future.body)).toEqual(['body.contactedAt']);
    expect((await call(f.t.app, as.careManager, 'POST', url(strangerId), contact())).statusCode).toBe(404);
  });

  it('a reached contact is the last contact; an unreached one is not; a retry stores one', async () => {
    expect(await lastContactOf(patientId)).toBeNull();
    const missed = await call(
      f.t.app,
      as.careManager,
      'POST',
      url(patientId),
      contact({ reached: false, minutes: 5, contactedAt: TEST_NOW - 60 * MIN }),
    );
    expect(missed.statusCode, missed.body).toBe(201);
    expect(await lastContactOf(patientId)).toBeNull();
    const body = contact({ minutes: 40 });
    const first = await call(f.t.app, as.careManager, 'POST', url(patientId), body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      byName: 'Cam Manager',
      byRole: 'care_manager',
      mode: 'phone',
      reached: true,
    });
    const retry = await call(f.t.app, as.careManager, 'POST', url(patientId), body);
    expect(retry.statusCode).toBe(200);
    expect(await lastContactOf(patientId)).toBe(body.contactedAt);

    // The therapist's contact is logged and counts as contact, but not as care-manager minutes.
    const byTherapist = await call(
      f.t.app,
      as.therapist,
      'POST',
      url(patientId),
      contact({ minutes: 30, mode: 'video' }),
    );
    expect(byTherapist.statusCode).toBe(201);
    const read = await call(f.t.app, as.therapist, 'GET', url(patientId));
    expect(read.statusCode).toBe(200);
    const view = read.json<PatientContacts>();
    expect(view.contacts).toHaveLength(3);
    expect(view.thisMonth).toMatchObject({
      month: '2026-11',
      minutes: 45,
      firstMonth: true,
      crossed: [{ code: 'G2214', atMinutes: 30 }],
      next: { code: '99492', minutesToGo: 25 },
    });
    const audit = await f.t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('patient_id', '=', patientId)
      .where('action', 'like', 'care_contact.%')
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['care_contact.log', 'care_contact.read']));
  });

  it("counts months in the clinic's zone; the month after the first is a later month (99493 at 60)", async () => {
    // Chicago: 2026-12-01 03:00 UTC is still November there.
    await f.t.deps.database.db
      .updateTable('clinics')
      .set({ settings: JSON.stringify({ clinicTimeZone: 'America/Chicago', staffTwoFactorRequired: false }) })
      .where('id', '=', f.clinic)
      .execute();
    f.t.clock.set(Date.UTC(2026, 11, 1, 3, 0));
    as = await f.sessions();
    const lateNovember = await call(
      f.t.app,
      as.careManager,
      'POST',
      url(patientId),
      contact({ minutes: 30, contactedAt: Date.UTC(2026, 11, 1, 2, 0) }),
    );
    expect(lateNovember.statusCode, lateNovember.body).toBe(201);
    const nov = await call(f.t.app, as.careManager, 'GET', '/api/care-minutes');
    expect(nov.json<MinutesReport>()).toMatchObject({ month: '2026-11', clinicTimeZone: 'America/Chicago' });
    expect(nov.json<MinutesReport>().patients.find((p) => p.patientId === patientId)?.cocm).toMatchObject({
      minutes: 75,
      firstMonth: true,
      crossed: [{ code: 'G2214' }, { code: '99492' }],
    });

    f.t.clock.set(Date.UTC(2026, 11, 20, 15, 0));
    as = await f.sessions();
    await call(
      f.t.app,
      as.careManager,
      'POST',
      url(patientId),
      contact({ minutes: 60, contactedAt: Date.UTC(2026, 11, 20, 14, 0) }),
    );
    const dec = await call(f.t.app, as.careManager, 'GET', '/api/care-minutes?month=2026-12');
    expect(dec.json<MinutesReport>().patients.find((p) => p.patientId === patientId)?.cocm).toMatchObject({
      minutes: 60,
      firstMonth: false,
      crossed: [{ code: 'G2214' }, { code: '99493' }],
    });
    expect((await call(f.t.app, as.careManager, 'GET', '/api/care-minutes?month=2026-13')).statusCode).toBe(
      400,
    );
  });

  it('the monthly CSV is for the admin (whole clinic) and the care manager (their caseload) only', async () => {
    const admin = await buildUser(f.t.deps, f.clinic, 'admin', 'Ada Admin');
    const adminSession = await signIn(f.t.app, admin.email, PASSWORD);
    expect(
      (await call(f.t.app, as.therapist, 'GET', '/api/care-minutes/report.csv?month=2026-11')).statusCode,
    ).toBe(403);
    const csv = await call(f.t.app, adminSession, 'GET', '/api/care-minutes/report.csv?month=2026-11');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('care-minutes-2026-11.csv');
    expect(csv.body.split('\r\n')[1]).toBe(
      '2026-11,America/Chicago,Contacted,Pat,3,75,first,70,"G2214 (30 min), 99492 (70 min)"',
    );
    expect(csv.body.split('\r\n')).toHaveLength(3);
    const pdf = await f.t.app.inject({
      method: 'GET',
      url: '/api/care-minutes/report.pdf?month=2026-11&paper=Letter',
      headers: { cookie: adminSession.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const [page] = await pdfPages(pdf.rawPayload);
    expect(page).toContain('Care-manager minutes, 2026-11');
    expect(page).toContain('Contacted, Pat');
    expect(page).toContain('G2214 (30 min), 99492 (70 min)');
    expect(page).toContain('it does not bill');
    const mine = await call(f.t.app, as.careManager, 'GET', '/api/care-minutes/report.csv?month=2026-11');
    expect(mine.statusCode).toBe(200);
    expect(mine.body.split('\r\n')).toHaveLength(3);
  });
});

describe('care-manager contacts at enrolment (issue 15)', () => {
  it('a contact in the minute the patient was enrolled is accepted (the form gives minutes); one earlier is not', async () => {
    const enrolledAt = TEST_NOW - DAY / 2 + 30_000; // 30 s into a minute
    f.t.clock.set(enrolledAt);
    const justEnrolled = await f.patient('Just enrolled');
    f.t.clock.set(TEST_NOW);
    const minuteOf = enrolledAt - 30_000;
    const sameMinute = await call(
      f.t.app,
      as.careManager,
      'POST',
      url(justEnrolled),
      contact({ contactedAt: minuteOf }),
    );
    expect(sameMinute.statusCode).toBeLessThan(300);
    const before = await call(
      f.t.app,
      as.careManager,
      'POST',
      url(justEnrolled),
      contact({ contactedAt: minuteOf - MIN }),
    );
    expect(before.statusCode).toBe(400);
    expect(pathsOf(before.body)).toEqual(['body.contactedAt']);
  });
});
