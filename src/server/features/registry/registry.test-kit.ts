import { localDate } from '../../../shared/time/index.js';
import { refreshMeasureSummary } from '../measures/index.js';
import { randomUUID } from 'node:crypto';
import { createTestContext, signIn, type Session } from '../../testing/test-app.js';
import { buildClinic, buildPatient, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import { blankPlan } from '../../../shared/treatment-plans/defaults.js';

export const WEEK = 7 * 86_400_000;

/** One clinic: therapist, prescriber and care manager; an outsider therapist; patients made on demand. */
export async function registryFixture() {
  const t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  const therapist = await buildUser(t.deps, clinic, 'therapist', 'Tess Therapist');
  const prescriber = await buildUser(t.deps, clinic, 'prescriber', 'Pete Prescriber');
  const careManager = await buildUser(t.deps, clinic, 'care_manager', 'Cam Manager');
  const outsider = await buildUser(t.deps, clinic, 'therapist', 'Otto Outsider');
  const users = { therapist, prescriber, careManager, outsider };
  const patientEmails = new Map<string, string>();
  /** Signs a patient made by `patient()` in. */
  const signInPatient = (patientId: string) => signIn(t.app, patientEmails.get(patientId) ?? '', PASSWORD);

  /** A patient with the whole team (or without a care manager); names sort in creation order. */
  async function patient(familyName: string, opts: { careManager?: boolean; team?: BuiltUser[] } = {}) {
    const team = opts.team
      ? opts.team.map((u) => ({ user: u, role: 'therapist' as const }))
      : [
          { user: therapist, role: 'therapist' as const },
          { user: prescriber, role: 'prescriber' as const },
          ...(opts.careManager === false ? [] : [{ user: careManager, role: 'care_manager' as const }]),
        ];
    const p = await buildPatient(t.deps, team[0]?.user ?? therapist, team, { familyName, timeZone: 'UTC' });
    patientEmails.set(p.overview.id, p.user.email);
    return p.overview.id;
  }

  /** Stores a scored questionnaire as the measures feature would (straight into its table). */
  async function score(patientId: string, instrument: 'phq9' | 'gad7', total: number | null, at: number) {
    await t.deps.database.db
      .insertInto('questionnaire_responses')
      .values({
        id: randomUUID(),
        clinic_id: clinic,
        patient_id: patientId,
        instrument,
        instrument_version: '1',
        answers: '{"items":[],"functional":null}',
        total,
        severity: null,
        item9: null,
        source: 'patient',
        answered_at: at,
        answered_day: localDate(at, 'UTC'),
        entered_by: therapist.id,
        created_at: at,
      })
      .execute();
    await refreshMeasureSummary(t.deps.database.db, clinic, patientId, instrument);
  }

  const sessions = async (): Promise<Record<keyof typeof users, Session>> => ({
    therapist: await signIn(t.app, therapist.email, PASSWORD),
    prescriber: await signIn(t.app, prescriber.email, PASSWORD),
    careManager: await signIn(t.app, careManager.email, PASSWORD),
    outsider: await signIn(t.app, outsider.email, PASSWORD),
  });

  async function alertsOf(patientId: string, type: string) {
    const rows = await t.deps.database.db
      .selectFrom('alerts as a')
      .innerJoin('alert_recipients as r', 'r.alert_id', 'a.id')
      .select(['a.id', 'a.severity', 'a.title', 'r.user_id'])
      .where('a.patient_id', '=', patientId)
      .where('a.type', '=', type)
      .execute();
    const byAlert = new Map<string, { severity: string; title: string; to: string[] }>();
    for (const r of rows) {
      const a = byAlert.get(r.id) ?? { severity: r.severity, title: r.title, to: [] };
      a.to.push(r.user_id);
      byAlert.set(r.id, a);
    }
    return [...byAlert.values()].map((a) => ({ ...a, to: a.to.sort() }));
  }

  /** Stores an agreed plan whose measurement plan asks for PHQ-9 only, every `weeks` weeks (straight into its tables). */
  async function agreedPlanAskingPhq9Every(patientId: string, weeks: number, agreedAt: number) {
    const planId = randomUUID();
    const content = blankPlan();
    content.measurement.questionnaires = [
      {
        instrument: 'PHQ-9',
        atBaseline: true,
        everyWeeksEarly: weeks,
        earlyPhaseWeeks: 12,
        everyWeeksAfter: weeks,
      },
    ];
    const db = t.deps.database.db;
    await db
      .insertInto('treatment_plans')
      .values({
        id: planId,
        clinic_id: clinic,
        patient_id: patientId,
        created_by: prescriber.id,
        created_at: agreedAt,
      })
      .execute();
    await db
      .insertInto('treatment_plan_versions')
      .values({
        id: randomUUID(),
        clinic_id: clinic,
        plan_id: planId,
        patient_id: patientId,
        number: 1,
        status: 'agreed',
        version: 1,
        content: JSON.stringify(content),
        reason: null,
        template_id: null,
        based_on_number: null,
        created_by: prescriber.id,
        created_at: agreedAt,
        updated_by: prescriber.id,
        updated_at: agreedAt,
        submitted_at: agreedAt,
        agreed_at: agreedAt,
        review_date: null,
        review_cycle: 0,
        acknowledged_at: null,
        acknowledged_by: null,
      })
      .execute();
  }

  return { t, clinic, users, patient, score, sessions, alertsOf, signInPatient, agreedPlanAskingPhq9Every };
}
export type RegistryFixture = Awaited<ReturnType<typeof registryFixture>>;
export const uuid = (): string => randomUUID();
