import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestContext,
  signIn,
  TEST_NOW,
  type Session,
  type TestContext,
} from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';
import { raiseTestAlert } from '../../testing/alerts.js';
import type { AccessReport, AccessTimes } from '../../../shared/audit/access-report-schemas.js';
import { ACCESS_PAGE_DAYS, ACCESS_TIMES_PAGE } from './access-report.service.js';

// Issue 13 (V4): "who has seen my record", grouped and paged, refusals apart, lists that show the patient.

let t: TestContext;
let therapist: BuiltUser;
let prescriber: BuiltUser;
let outsider: BuiltUser;
let as: Record<'therapist' | 'prescriber' | 'outsider', Session>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinic, 'therapist', 'Tess Therapist');
  prescriber = await buildUser(t.deps, clinic, 'prescriber', 'Pete Prescriber');
  outsider = await buildUser(t.deps, clinic, 'therapist', 'Otto Outsider');
  as = {
    therapist: await signIn(t.app, therapist.email, PASSWORD),
    prescriber: await signIn(t.app, prescriber.email, PASSWORD),
    outsider: await signIn(t.app, outsider.email, PASSWORD),
  };
});
afterAll(() => t.close());

/** A patient of Tess and Pete, in Chicago, with nothing in their report but their enrolment. */
async function freshPatient(): Promise<{ patient: BuiltPatient; session: Session; id: string }> {
  const patient = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
  ]);
  return { patient, session: await signIn(t.app, patient.user.email, PASSWORD), id: patient.overview.id };
}

async function report(session: Session, patientId: string, before?: string): Promise<AccessReport> {
  const q = before === undefined ? '' : `?before=${before}`;
  const res = await call(t.app, session, 'GET', `/api/patients/${patientId}/access-report${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AccessReport>();
}

async function times(
  session: Session,
  patientId: string,
  query: Record<string, string>,
): Promise<AccessTimes> {
  const res = await call(
    t.app,
    session,
    'GET',
    `/api/patients/${patientId}/access-report/times?${new URLSearchParams(query).toString()}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AccessTimes>();
}

/** Moves the clock and signs everyone in again (a session ends after 30 idle minutes). */
async function at(ms: number, patient?: BuiltPatient): Promise<Session | undefined> {
  t.clock.set(ms);
  as = {
    therapist: await signIn(t.app, therapist.email, PASSWORD),
    prescriber: await signIn(t.app, prescriber.email, PASSWORD),
    outsider: await signIn(t.app, outsider.email, PASSWORD),
  };
  return patient ? signIn(t.app, patient.user.email, PASSWORD) : undefined;
}

const openRecord = (session: Session, patientId: string) =>
  call(t.app, session, 'GET', `/api/patients/${patientId}`);

describe('the access report', () => {
  it('groups one line per person, action and local day, with a count, first and last time, times on demand', async () => {
    const { patient, id } = await freshPatient();
    // 2026-11-03 in Chicago (UTC-6): five opens by Tess between 10:00 and 10:04, one by Pete at 11:00.
    const morning = Date.UTC(2026, 10, 3, 16, 0);
    await at(morning);
    for (let i = 0; i < 5; i++) {
      t.clock.set(morning + i * 60_000);
      expect((await openRecord(as.therapist, id)).statusCode).toBe(200);
    }
    await at(morning + HOUR);
    await openRecord(as.prescriber, id);
    // 23:30 in Chicago is still the 3rd there (05:30 UTC on the 4th).
    await at(Date.UTC(2026, 10, 4, 5, 30));
    await openRecord(as.therapist, id);
    // The next local day.
    const session = (await at(Date.UTC(2026, 10, 4, 15, 0), patient)) as Session;
    await openRecord(as.therapist, id);

    const r = await report(session, id);
    expect(r.timeZone).toBe('America/Chicago');
    expect(r.days.map((d) => d.day)).toEqual(['2026-11-04', '2026-11-03', '2026-11-02']);
    const [nov4, nov3] = r.days;
    expect(nov4?.reads).toEqual([
      expect.objectContaining({ who: 'Tess Therapist', words: 'opened your record', count: 1 }),
    ]);
    const tess = nov3?.reads.find((l) => l.who === 'Tess Therapist' && l.action === 'patient.read');
    expect(tess).toMatchObject({
      whoRole: 'therapist',
      words: 'opened your record',
      count: 6,
      firstAt: morning,
      lastAt: Date.UTC(2026, 10, 4, 5, 30),
    });
    expect(nov3?.reads.find((l) => l.who === 'Pete Prescriber')).toMatchObject({ count: 1 });
    expect(nov3?.refusals).toEqual([]);
    // The patient never sees their own lines (signing in and reading this report are theirs).
    expect(
      r.days.flatMap((d) => [...d.reads, ...d.refusals]).some((l) => l.actorId === patient.user.id),
    ).toBe(false);

    const shown = await times(session, id, {
      day: '2026-11-03',
      actorId: tess?.actorId ?? '',
      action: 'patient.read',
      outcome: 'allowed',
    });
    expect(shown.times.map((x) => x.at)).toEqual([
      Date.UTC(2026, 10, 4, 5, 30),
      morning + 4 * 60_000,
      morning + 3 * 60_000,
      morning + 2 * 60_000,
      morning + 60_000,
      morning,
    ]);
    expect(shown.times[0]?.words).toBe('opened your record');
    expect(shown.nextCursor).toBeNull();
  });

  it('shows the team the same report, their own lines as "You"', async () => {
    const { id } = await freshPatient();
    await at(TEST_NOW + 10 * DAY);
    await openRecord(as.prescriber, id);
    const r = await report(as.therapist, id);
    const lines = r.days.flatMap((d) => d.reads);
    expect(lines.find((l) => l.who === 'Pete Prescriber')?.words).toBe('opened the record');
    // Tess enrolled the patient; her own lines read "You".
    expect(lines.some((l) => l.who === 'You' && l.words === 'enrolled the patient in Duet')).toBe(true);
    expect((await call(t.app, as.outsider, 'GET', `/api/patients/${id}/access-report`)).statusCode).toBe(404);
  });

  it('summarises refused attempts apart, one line per person and day', async () => {
    const { patient, id } = await freshPatient();
    const session = (await at(Date.UTC(2026, 11, 6, 18, 0), patient)) as Session;
    for (let i = 0; i < 3; i++) expect((await openRecord(as.outsider, id)).statusCode).toBe(404);
    await call(t.app, as.outsider, 'GET', `/api/patients/${id}/medications`);
    const r = await report(session, id);
    const [day] = r.days;
    expect(day?.day).toBe('2026-12-06');
    expect(day?.refusals).toEqual([
      expect.objectContaining({
        who: 'Otto Outsider',
        count: 4,
        words: 'tried to see or change your record and was refused',
      }),
    ]);
    expect(day?.reads.some((l) => l.who === 'Otto Outsider')).toBe(false);
    const refused = await times(session, id, {
      day: '2026-12-06',
      actorId: day?.refusals[0]?.actorId ?? '',
      outcome: 'denied',
    });
    expect(refused.times).toHaveLength(4);
  });

  it('keeps a real read in view after a flood of 510 refused attempts (V4)', async () => {
    const { patient, id } = await freshPatient();
    const start = Date.UTC(2026, 11, 8, 15, 0);
    const session = (await at(start, patient)) as Session;
    await openRecord(as.therapist, id);
    for (let i = 0; i < 510; i++) {
      t.clock.set(start + 60_000 + i * 2);
      await openRecord(as.outsider, id);
    }
    const r = await report(session, id);
    const [today] = r.days;
    expect(today?.reads).toContainEqual(
      expect.objectContaining({ who: 'Tess Therapist', words: 'opened your record', count: 1 }),
    );
    expect(today?.refusals).toEqual([expect.objectContaining({ who: 'Otto Outsider', count: 510 })]);
    // The line's times come a page at a time, newest first, without gaps or repeats.
    const q = { day: today?.day ?? '', actorId: today?.refusals[0]?.actorId ?? '', outcome: 'denied' };
    const seen: number[] = [];
    let before: string | null = null;
    do {
      const page: AccessTimes = await times(session, id, before === null ? q : { ...q, before });
      expect(page.times.length).toBeLessThanOrEqual(ACCESS_TIMES_PAGE);
      seen.push(...page.times.map((x) => x.at));
      before = page.nextCursor;
    } while (before !== null);
    expect(seen).toHaveLength(510);
    expect(new Set(seen).size).toBe(510);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  }, 120_000);

  it('pages by whole days, newest first, with no day repeated or skipped', async () => {
    const { patient, id } = await freshPatient();
    const first = Date.UTC(2027, 0, 1, 18, 0);
    const read = { action: 'patient.read', resourceType: 'patient', resourceId: id, patientId: id } as const;
    for (let d = 0; d < 40; d++) {
      t.clock.set(first + d * DAY);
      await t.deps.database.transaction(async (trx) => {
        await t.deps.audit.record(trx, therapist.clinicId, therapist.actor, { ...read, outcome: 'allowed' });
        if (d % 3 === 0)
          await t.deps.audit.record(trx, prescriber.clinicId, prescriber.actor, {
            ...read,
            outcome: 'allowed',
          });
      });
    }
    const session = (await at(first + 40 * DAY, patient)) as Session;
    const days: string[] = [];
    let before: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await report(session, id, before);
      pages++;
      expect(page.days.length).toBeLessThanOrEqual(ACCESS_PAGE_DAYS);
      days.push(...page.days.map((d) => d.day));
      if (page.nextCursor === null) break;
      before = page.nextCursor;
    }
    expect(pages).toBeGreaterThan(2);
    expect(new Set(days).size).toBe(days.length);
    expect([...days].sort().reverse()).toEqual(days);
    // 40 days of reads plus the day of enrolment.
    expect(days).toHaveLength(41);
    expect(days[0]).toBe('2027-02-09');
    expect(days).toContain('2027-01-01');
  });

  it('refuses a malformed cursor or day at its field', async () => {
    const { session, id } = await freshPatient();
    const bad = await call(t.app, session, 'GET', `/api/patients/${id}/access-report?before=yesterday`);
    expect(bad.statusCode).toBe(400);
    const badDay = await call(
      t.app,
      session,
      'GET',
      `/api/patients/${id}/access-report/times?day=6.12.2026&actorId=x&outcome=allowed`,
    );
    expect(badDay.statusCode).toBe(400);
    expect(JSON.stringify(badDay.json())).toContain('day');
  });
});

describe('lists that show the patient', () => {
  it('caseload, registry and inbox reads appear in the report as one grouped line each', async () => {
    const { id, patient } = await freshPatient();
    const session = (await at(Date.UTC(2027, 2, 10, 15, 0), patient)) as Session;
    await raiseTestAlert(t.deps, id, patient.user.clinicId);
    for (let i = 0; i < 3; i++) {
      expect((await call(t.app, as.therapist, 'GET', '/api/patients')).statusCode).toBe(200);
      expect((await call(t.app, as.therapist, 'GET', '/api/registry')).statusCode).toBe(200);
      expect((await call(t.app, as.therapist, 'GET', '/api/inbox')).statusCode).toBe(200);
    }
    const [day] = (await report(session, id)).days;
    const line = (words: string) => day?.reads.find((l) => l.who === 'Tess Therapist' && l.words === words);
    expect(line('saw you in their list of patients')).toMatchObject({ count: 3 });
    expect(line('saw you in their caseload overview')).toMatchObject({ count: 3 });
    expect(line('saw an alert about your care in their inbox')).toMatchObject({ count: 3 });
  });
});
