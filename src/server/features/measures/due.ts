import { localDate } from '../../../shared/time/index.js';
import type { TargetInstrument } from '../../../shared/registry/status.js';
import type { Db } from '../../db/database.js';
import { planContentSchema } from '../../../shared/treatment-plans/schemas.js';
import {
  measuresDue,
  type AnsweredDays,
  type DueMeasure,
  type MeasureScheduleRule,
} from '../../../shared/measures/schedule.js';
import * as repo from './measures.repository.js';
import { earlyTreatmentWatches } from './early-treatment-watch.js';
import type { EarlyTreatmentWatch } from '../../../shared/measures/early-treatment-watch.js';

export interface PatientDue {
  patientId: string;
  today: string;
  timeZone: string;
  scheduleFrom: 'plan' | 'default';
  measures: DueMeasure[];
  /** An antidepressant started or changed under 25: extra PHQ-9s until week 4 (issue 11). */
  earlyTreatmentWatch: EarlyTreatmentWatch | null;
}

/** The agreed plan's measurement plan, or null when it has none (or the content cannot be read). */
export function planRulesOf(content: string): MeasureScheduleRule[] | null {
  try {
    const parsed = planContentSchema.safeParse(JSON.parse(content));
    const rules = parsed.success ? parsed.data.measurement.questionnaires : [];
    return rules.length > 0 ? rules : null;
  } catch {
    return null;
  }
}

/** The agreed plan's target questionnaire for treat-to-target (issue 12); unreadable or absent = 'both'. */
export function planTargetOf(content: string): TargetInstrument {
  try {
    const parsed = planContentSchema.safeParse(JSON.parse(content));
    return (parsed.success ? parsed.data.measurement.target : undefined) ?? 'both';
  } catch {
    return 'both';
  }
}

const CHUNK = 500;

/**
 * What is due for many patients at once (the registry's "next measure due"): one query per table per
 * 500 patients. Days are counted in each patient's time zone; the treatment starts on the enrolment day.
 * Unknown ids (or patients of another clinic) are left out.
 */
export async function measuresDueFor(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
  now: number,
): Promise<Map<string, PatientDue>> {
  const out = new Map<string, PatientDue>();
  for (let i = 0; i < patientIds.length; i += CHUNK) {
    const ids = patientIds.slice(i, i + CHUNK);
    const [patients, days, plans] = await Promise.all([
      repo.zonesAndEnrolment(db, clinicId, ids),
      repo.answeredDays(db, clinicId, ids),
      repo.agreedPlanContents(db, clinicId, ids),
    ]);
    const watches = await earlyTreatmentWatches(db, clinicId, ids, now);
    const answered = new Map<string, Record<string, AnsweredDays>>();
    for (const d of days) {
      const byInstrument = answered.get(d.patient_id) ?? {};
      byInstrument[d.instrument] = { baselineDay: d.first_day, lastDay: d.last_day };
      answered.set(d.patient_id, byInstrument);
    }
    const planRules = new Map<string, MeasureScheduleRule[] | null>();
    for (const p of plans)
      if (!planRules.has(p.patient_id)) planRules.set(p.patient_id, planRulesOf(p.content));
    for (const p of patients) {
      const rules = planRules.get(p.id) ?? null;
      const today = localDate(now, p.time_zone);
      out.set(p.id, {
        patientId: p.id,
        today,
        timeZone: p.time_zone,
        scheduleFrom: rules ? 'plan' : 'default',
        earlyTreatmentWatch: watches.get(p.id) ?? null,
        measures: measuresDue({
          planRules: rules,
          startDay: localDate(p.created_at, p.time_zone),
          today,
          answered: answered.get(p.id) ?? {},
          earlyWatch: watches.get(p.id) ?? null,
        }),
      });
    }
  }
  return out;
}

/** The earliest due measure of each patient (null when nothing is scheduled). */
export async function nextMeasureDueFor(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
  now: number,
): Promise<Map<string, DueMeasure | null>> {
  const all = await measuresDueFor(db, clinicId, patientIds, now);
  const out = new Map<string, DueMeasure | null>();
  for (const [id, due] of all) {
    const sorted = [...due.measures].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    out.set(id, sorted[0] ?? null);
  }
  return out;
}
