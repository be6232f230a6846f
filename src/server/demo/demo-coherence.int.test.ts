// The demo clinic tells one story (issue 15): visits on weekdays inside each patient's daytime and the
// clinicians' working day, agreed plans carry their signatures (and no alert asks to sign them), and the
// plan, consult and messages name only the medicines each patient actually takes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, localTime, minutesOf, weekdayOf } from '../../shared/time/index.js';
import { catalogueSeed } from '../../shared/medications/catalogue-seed.js';
import { planContentSchema } from '../../shared/treatment-plans/schemas.js';
import { createTestContext, type TestContext } from '../testing/test-app.js';
import { deliverPendingEvents } from '../platform/outbox/worker.js';
import { seedDemoClinic } from './seed-demo.js';
import { differencesOf, medicationRecordsNow } from '../features/treatment-plans/plan-medications.js';
import { DEMO_CLINICIAN_ZONE, DEMO_WORKING_HOURS, PATIENT_DAYTIME } from './demo-hours.js';

/** Class words a text might use for a drug, and the catalogue classes they stand for. */
const CLASS_WORDS: Record<string, string[]> = {
  ssri: ['SSRI'],
  snri: ['SNRI'],
  benzodiazepine: ['benzodiazepine'],
  antipsychotic: ['second-generation antipsychotic'],
  stimulant: ['stimulant'],
  'mood stabiliser': ['mood stabilizer'],
  'mood stabilizer': ['mood stabilizer'],
};

const inside = (instant: number, zone: string, span: { from: string; to: string }) => {
  const t = minutesOf(localTime(instant, zone));
  return t >= minutesOf(span.from) && t <= minutesOf(span.to);
};

// Two start days: a Sunday evening in Chicago (already Monday in Berlin), the start the issue saw; and a
// Saturday in the weeks when the US has moved its clocks and Europe has not (Berlin 6 hours ahead).
const STARTS = [
  { name: 'Sunday evening', now: Date.UTC(2026, 11, 6, 23, 30) },
  { name: 'Saturday in March', now: Date.UTC(2027, 2, 20, 12, 0) },
];

describe.each(STARTS)('the demo clinic started on a $name tells one story', ({ now: START }) => {
  let t: TestContext;
  let clinicId = '';
  let patients: { id: string; given_name: string; time_zone: string }[] = [];
  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set(START);
    expect(await seedDemoClinic(t.deps)).toBe(true);
    patients = await t.deps.database.db
      .selectFrom('patients')
      .select(['id', 'clinic_id', 'given_name', 'time_zone'])
      .orderBy('given_name')
      .execute()
      .then((rows) =>
        rows.map((r) => {
          clinicId = r.clinic_id;
          return r;
        }),
      );
  }, 120_000);
  afterAll(() => t.close());

  it('has every visit on a weekday, in the patient’s daytime and the clinician’s working day', async () => {
    expect(weekdayOf(localDate(START, DEMO_CLINICIAN_ZONE))).toBeGreaterThan(5);
    const rows = await t.deps.database.db
      .selectFrom('appointments')
      .select(['patient_id', 'type', 'starts_at', 'ends_at', 'time_zone'])
      .execute();
    expect(rows.length).toBeGreaterThan(40);
    const wrong = rows.flatMap((a) => {
      const patientZone = patients.find((p) => p.id === a.patient_id)?.time_zone ?? 'missing';
      const problems: string[] = [];
      for (const zone of [patientZone, DEMO_CLINICIAN_ZONE]) {
        const day = localDate(a.starts_at, zone);
        if (weekdayOf(day) > 5) problems.push(`weekend in ${zone}`);
        if (localDate(a.ends_at, zone) !== day) problems.push(`crosses midnight in ${zone}`);
      }
      if (
        !inside(a.starts_at, patientZone, PATIENT_DAYTIME) ||
        !inside(a.ends_at, patientZone, PATIENT_DAYTIME)
      )
        problems.push('outside the patient’s daytime');
      if (
        !inside(a.starts_at, DEMO_CLINICIAN_ZONE, DEMO_WORKING_HOURS) ||
        !inside(a.ends_at, DEMO_CLINICIAN_ZONE, DEMO_WORKING_HOURS)
      )
        problems.push('outside the clinician’s working hours');
      return problems.map(
        (p) =>
          `${a.type} ${localDate(a.starts_at, patientZone)} ${localTime(a.starts_at, patientZone)}: ${p}`,
      );
    });
    expect(wrong).toEqual([]);
    // Each patient still has four upcoming weekly sessions and a history behind them.
    for (const p of patients) {
      const sessions = rows.filter((a) => a.patient_id === p.id && a.type === 'therapy_session');
      expect(sessions.filter((a) => a.starts_at > START)).toHaveLength(4);
      expect(sessions.filter((a) => a.starts_at <= START)).toHaveLength(10);
    }
    const reviews = await t.deps.database.db
      .selectFrom('case_review_sessions')
      .select('review_date')
      .execute();
    expect(reviews).toHaveLength(1);
    for (const r of reviews) expect(weekdayOf(r.review_date)).toBeLessThanOrEqual(5);
  });

  it('agrees a plan only with both signatures, and asks only for the signatures still missing', async () => {
    const db = t.deps.database.db;
    const versions = await db
      .selectFrom('treatment_plan_versions')
      .select(['id', 'status', 'version'])
      .execute();
    const signatures = await db
      .selectFrom('treatment_plan_signatures')
      .select(['version_id', 'role', 'signed_version', 'invalidated_at'])
      .execute();
    const signedBy = (v: { id: string; version: number }) =>
      new Set(
        signatures
          .filter((s) => s.version_id === v.id && s.invalidated_at === null && s.signed_version === v.version)
          .map((s) => s.role),
      );
    const agreed = versions.filter((v) => v.status === 'agreed');
    expect(agreed).toHaveLength(1);
    for (const v of agreed) expect([...signedBy(v)].sort()).toEqual(['prescriber', 'therapist']);
    for (const v of versions.filter((x) => x.status === 'awaiting_signatures'))
      expect(signedBy(v).size).toBeLessThan(2);

    await deliverPendingEvents(t.deps);
    const open = await db
      .selectFrom('alerts')
      .innerJoin('alert_recipients', 'alert_recipients.alert_id', 'alerts.id')
      .select(['alerts.subject_id', 'alert_recipients.role'])
      .where('alerts.type', '=', 'plan_awaiting_signature')
      .where('alerts.state', '=', 'open')
      .execute();
    // Maya's plan waits for the prescriber alone: the therapist has signed it.
    const waiting = open.map((a) => {
      const v = versions.find((x) => x.id === a.subject_id);
      return { status: v?.status, role: a.role, signed: v ? signedBy(v).has(a.role) : null };
    });
    expect(waiting).toEqual([{ status: 'awaiting_signatures', role: 'prescriber', signed: false }]);
  });

  it('links every medication record in each plan; the agreed plan agrees with the prescriptions', async () => {
    const db = t.deps.database.db;
    const versions = await db
      .selectFrom('treatment_plan_versions')
      .select(['patient_id', 'content', 'status'])
      .where('clinic_id', '=', clinicId)
      .execute();
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) {
      const content = planContentSchema.parse(JSON.parse(v.content));
      const now = await medicationRecordsNow(db, t.deps, clinicId, v.patient_id);
      expect(now.records.length).toBeGreaterThan(0);
      expect(content.medication.linked.map((l) => l.medicationId).sort()).toEqual(
        now.records.map((r) => r.id).sort(),
      );
      // The demo story has no prescription change after the plans were written (issue 15).
      expect(differencesOf(content, now)).toEqual([]);
    }
  });

  it('names in plans, consults and messages only the medicines the patient takes', async () => {
    const db = t.deps.database.db;
    const meds = await db
      .selectFrom('medications')
      .select(['patient_id', 'name', 'drug_class'])
      .where('clinic_id', '=', clinicId)
      .execute();
    const plans = await db
      .selectFrom('treatment_plan_versions')
      .select(['patient_id', 'content', 'number'])
      .orderBy('number')
      .execute();
    const comments = await db
      .selectFrom('treatment_plan_comments')
      .innerJoin('treatment_plans', 'treatment_plans.id', 'treatment_plan_comments.plan_id')
      .select(['treatment_plans.patient_id', 'treatment_plan_comments.body as text'])
      .execute();
    const texts = [
      ...comments,
      ...(await db.selectFrom('consults').select(['patient_id', 'question as text']).execute()),
      ...(await db.selectFrom('messages').select(['patient_id', 'body as text']).execute()),
      ...(await db.selectFrom('side_effect_answers').select(['patient_id', 'note as text']).execute()),
      ...(await db.selectFrom('side_effect_reports').select(['patient_id', 'other_text as text']).execute()),
      ...(await db.selectFrom('visit_agenda_items').select(['patient_id', 'text']).execute()),
      ...(await db.selectFrom('team_summaries').select(['patient_id', 'text']).execute()),
    ];
    const problems: string[] = [];
    for (const p of patients) {
      const own = meds.filter((m) => m.patient_id === p.id);
      expect(own.length).toBeGreaterThan(0);
      const latest = plans.filter((v) => v.patient_id === p.id).at(-1);
      const strategy = latest
        ? planContentSchema.parse(JSON.parse(latest.content)).medication.strategy.toLowerCase()
        : '';
      // The plan's medication part names each of the patient's medicines.
      for (const m of own)
        if (!strategy.includes(m.name.toLowerCase())) problems.push(`${p.given_name}'s plan lacks ${m.name}`);
      const names = new Set(own.map((m) => m.name.toLowerCase()));
      const classes = new Set(own.map((m) => m.drug_class ?? ''));
      const said = [strategy, ...texts.filter((x) => x.patient_id === p.id).map((x) => x.text.toLowerCase())];
      expect(said.length).toBeGreaterThan(1);
      for (const text of said) {
        for (const entry of catalogueSeed)
          if (new RegExp(`\\b${entry.genericName}\\b`).test(text) && !names.has(entry.genericName))
            problems.push(`${p.given_name}: "${text}" names ${entry.genericName}`);
        for (const [word, meant] of Object.entries(CLASS_WORDS))
          if (new RegExp(`\\b${word}s?\\b`).test(text) && !meant.some((c) => classes.has(c)))
            problems.push(`${p.given_name}: "${text}" names ${word}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
