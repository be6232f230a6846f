// Issue 19: one path for audited reads. The patient-record GETs switched to `readPatientRecord` take no write
// transaction of their own (no BEGIN IMMEDIATE, no commit per read): each read's audit event goes through the
// shared commit of audited reads, and is there, once per read, when the answer comes.
// Runs on SQLite here and on PostgreSQL in CI (DUET_TEST_DATABASE_URL).
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

let t: TestContext;
let therapist: BuiltUser;
let session: Session;
let patientSession: Session;
let patient: BuiltPatient;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinic, 'therapist');
  patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }]);
  session = await signIn(t.app, therapist.email, PASSWORD);
  patientSession = await signIn(t.app, patient.user.email, PASSWORD);
});
afterAll(() => t.close());

async function eventsOf(action: string, actorId: string = therapist.id): Promise<number> {
  const row = await t.deps.database.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('action', '=', action)
    .where('patient_id', '=', patient.overview.id)
    .where('actor_id', '=', actorId)
    .where('outcome', '=', 'allowed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts write transactions by kind: `transaction` (a use case's own) and `durableTransaction` (shared). */
function countTransactions() {
  const database = t.deps.database;
  const original = { transaction: database.transaction, durable: database.durableTransaction };
  const n = { own: 0, shared: 0 };
  database.transaction = (fn) => {
    n.own++;
    return original.transaction(fn);
  };
  database.durableTransaction = (fn) => {
    n.shared++;
    return original.durable(fn);
  };
  return {
    n,
    restore: () => {
      database.transaction = original.transaction;
      database.durableTransaction = original.durable;
    },
  };
}

const reads = [
  { path: 'care-contacts', action: 'care_contact.read' },
  { path: 'measures', action: 'measure.list' },
  { path: 'measures/due', action: 'measure.due' },
  { path: 'measure-baselines', action: 'measure.baseline.read' },
  { path: 'documents/medication-list.pdf', action: 'document.medication_list' },
  { path: 'medications', action: 'medication.list' },
  { path: 'medication-monitoring', action: 'medication_monitoring.read' },
  { path: 'progress-notes', action: 'progress_note.list' },
  { path: 'team-summaries', action: 'team_summary.read' },
  { path: 'side-effects', action: 'side_effect.list' },
  { path: 'crisis-resources', action: 'crisis_resources.read' },
  { path: 'session-feedback', action: 'feedback.list' },
  { path: 'treatment-ratings', action: 'treatment_rating.list' },
  { path: 'consults', action: 'consult.list' },
  { path: 'case-review', action: 'case_review.read' },
  { path: 'appointments', action: 'appointment.list' },
  { path: 'risk-assessments', action: 'risk_assessment.list' },
  { path: 'agenda-items', action: 'agenda.read' },
  { path: 'alerts', action: 'alerts.read' },
  { path: 'practice', action: 'practice.overview' },
  { path: 'access-report', action: 'access_report.read' },
  { path: 'plan', action: 'plan.read' },
  { path: 'plan/history', action: 'plan.read_history' },
  { path: 'plan/reviews', action: 'plan.read_reviews' },
  { path: 'safety-plan', action: 'safety_plan.read' },
  { path: 'prescribing-context', action: 'medication.prescribing_context' },
  { path: 'side-effects/form', action: 'side_effect.form' },
  // The team thread exists from the first list on (made by the warm-up read below).
  { path: 'conversations', action: 'conversation.list' },
] as const;

/** Read-only GETs the patient makes of their own record. */
const patientReads = [
  { path: 'calendar-feed', action: 'calendar_feed.status' },
  { path: 'plan/patient-view', action: 'plan.patient_view' },
  { path: 'conversations', action: 'conversation.list' },
] as const;

async function fourConcurrentReads(as: Session, path: string) {
  const commits = countTransactions();
  try {
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => call(t.app, as, 'GET', `/api/patients/${patient.overview.id}/${path}`)),
    );
    return { answers, n: { ...commits.n } };
  } finally {
    commits.restore();
  }
}

describe('patient-record reads on the one path (readPatientRecord)', () => {
  it('the first conversations list by the care team makes the team thread once; later lists only read', async () => {
    const first = await fourConcurrentReads(session, 'conversations');
    for (const res of first.answers) expect(res.statusCode).toBe(200);
    const teams = first.answers.map(
      (res) => res.json<{ conversations: { kind: string; id: string }[] }>().conversations[0],
    );
    expect(teams.every((c) => c?.kind === 'team' && c.id === teams[0]?.id)).toBe(true);
    expect(first.n.own).toBeGreaterThan(0);
    const later = await fourConcurrentReads(session, 'conversations');
    expect(later.n.own).toBe(0);
    expect(
      later.answers.map((res) => res.json<{ conversations: { id: string }[] }>().conversations[0]?.id),
    ).toEqual(teams.map((c) => c?.id));
  });

  it.each(patientReads)(
    'the patient, GET …/$path: no write transaction of its own, one audit event per read',
    async (read) => {
      const before = await eventsOf(read.action, patient.user.id);
      const { answers, n } = await fourConcurrentReads(patientSession, read.path);
      for (const res of answers) expect(res.statusCode).toBe(200);
      expect(n.own).toBe(0);
      expect(n.shared).toBeGreaterThan(0);
      expect(n.shared).toBeLessThanOrEqual(4);
      expect(await eventsOf(read.action, patient.user.id)).toBe(before + 4);
    },
  );

  it('GET /api/inbox: one snapshot, its events in the shared commit', async () => {
    const inboxEvents = async () =>
      Number(
        (
          await t.deps.database.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('action', '=', 'inbox.read')
            .where('actor_id', '=', therapist.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await inboxEvents();
    const commits = countTransactions();
    let answers;
    try {
      answers = await Promise.all(Array.from({ length: 4 }, () => call(t.app, session, 'GET', '/api/inbox')));
    } finally {
      commits.restore();
    }
    for (const res of answers) expect(res.statusCode).toBe(200);
    expect(commits.n.own).toBe(0);
    expect(commits.n.shared).toBeGreaterThan(0);
    expect(await inboxEvents()).toBe(before + 4);
  });

  it.each(reads)('GET …/$path: no write transaction of its own, one audit event per read', async (read) => {
    const before = await eventsOf(read.action);
    const commits = countTransactions();
    let answers;
    try {
      answers = await Promise.all(
        Array.from({ length: 4 }, () =>
          call(t.app, session, 'GET', `/api/patients/${patient.overview.id}/${read.path}`),
        ),
      );
    } finally {
      commits.restore();
    }
    for (const res of answers) expect(res.statusCode).toBe(200);
    expect(commits.n.own).toBe(0);
    expect(commits.n.shared).toBeGreaterThan(0);
    expect(commits.n.shared).toBeLessThanOrEqual(4);
    expect(await eventsOf(read.action)).toBe(before + 4);
  });
});
