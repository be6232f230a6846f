import { daysBetween, localDate } from '../../../shared/time/index.js';
import {
  fallPercent,
  registryStatus,
  weeksSince,
  type ScoreSeries,
  type TargetInstrument,
} from '../../../shared/registry/status.js';
import { registryFlagsFor } from '../../../shared/registry/flags.js';
import { isSafetyAlertType } from '../../../shared/alerts/lifecycle.js';
import { attentionTier } from '../../../shared/registry/ranking.js';
import {
  measuresDue,
  type AnsweredDays,
  type DueMeasure,
  type MeasureScheduleRule,
} from '../../../shared/measures/schedule.js';
import type { TreatToTargetSettings } from '../../../shared/registry/settings.js';
import type { MeasureSummary, RegistryRow } from '../../../shared/registry/schemas.js';
import type { ScorePoint } from './registry.repository.js';
import type { PatientAdherence } from '../adherence/index.js';
import type { EarlyTreatmentWatch } from '../../../shared/measures/early-treatment-watch.js';

const DAY_MS = 86_400_000;
/** The self-harm alert type: a PHQ-9 item 9 answer, or a diary card, thought record or message at risk (issue 12). */
export const SAFETY_ALERT_TYPE = 'self_harm_answer';

export interface PatientFacts {
  id: string;
  givenName: string;
  familyName: string;
  timeZone: string;
  myRoles: string[];
  scores: ScorePoint[];
  firstAgreedPlanAt: number | null;
  /** The agreed plan's measurement plan; null → the default schedule. */
  planRules: readonly MeasureScheduleRule[] | null;
  /** The agreed plan's target questionnaire (issue 12); absent = 'both' (where both are measured). */
  target?: TargetInstrument;
  alerts: { severity: string; type: string; n: number }[];
  lastContactAt: number | null;
  marked: boolean;
  /** Adherence over the clinic's alert window; undefined/null when nothing was scheduled. */
  adherence: PatientAdherence | null;
  adherenceBelow: number;
  /** An early-treatment watch in force (issue 11): an extra PHQ-9 due and the registry flag. */
  earlyWatch?: EarlyTreatmentWatch | null;
}

function summary(points: ScorePoint[], instrument: string): { s: MeasureSummary; series: ScoreSeries } {
  const first = points.find((p) => p.instrument === instrument && p.kind === 'first');
  const last = points.find((p) => p.instrument === instrument && p.kind === 'last');
  const n = first?.n ?? 0;
  const series: ScoreSeries = {
    baseline: first?.total ?? null,
    latest: last?.total ?? null,
    followUps: Math.max(0, n - 1),
    recentBest: last?.recentBest ?? null,
    safetySameDay: last?.safetySameDay ?? false,
  };
  const point = (p: ScorePoint | undefined) =>
    p ? { total: p.total, at: p.answered_at, day: p.answered_day } : null;
  return {
    s: { baseline: point(first), latest: point(last), changePercent: fallPercent(series), count: n },
    series,
  };
}

/**
 * "Current treatment start": the earlier of the baseline PHQ-9 (the first scored one) and the first agreed
 * treatment plan. A plan change does not restart the clock (see docs/api.md).
 */
export function treatmentStartAt(scores: ScorePoint[], firstAgreedPlanAt: number | null): number | null {
  const baseline = scores.find((p) => p.instrument === 'phq9' && p.kind === 'first')?.answered_at ?? null;
  const candidates = [baseline, firstAgreedPlanAt].filter((x): x is number => x !== null);
  return candidates.length ? Math.min(...candidates) : null;
}

/**
 * The questionnaires due for one patient from the agreed plan's measurement plan (or the default plan), the
 * same rule the patient's home uses; the baseline is due on the treatment's first day.
 */
export function measuresDueOf(
  scores: ScorePoint[],
  startDay: string,
  today: string,
  planRules: readonly MeasureScheduleRule[] | null,
  earlyWatch: EarlyTreatmentWatch | null = null,
): DueMeasure[] {
  const answered: Record<string, AnsweredDays> = {};
  for (const first of scores.filter((p) => p.kind === 'first')) {
    const last = scores.find((p) => p.instrument === first.instrument && p.kind === 'last');
    if (last) answered[first.instrument] = { baselineDay: first.answered_day, lastDay: last.answered_day };
  }
  return measuresDue({ planRules, startDay, today, answered, earlyWatch });
}

/** Next due questionnaire (the earliest of the plan's), null before treatment starts. */
export function nextMeasureDue(
  scores: ScorePoint[],
  startDay: string | null,
  today: string,
  planRules: readonly MeasureScheduleRule[] | null,
  earlyWatch: EarlyTreatmentWatch | null = null,
): string | null {
  if (startDay === null) return null;
  return (
    measuresDueOf(scores, startDay, today, planRules, earlyWatch)
      .map((m) => m.dueDate)
      .sort()[0] ?? null
  );
}

/** "Today" in each zone for one request: a caseload shares a few zones, and each lookup goes through Intl. */
export class DayCache {
  private readonly days = new Map<string, string>();
  constructor(private readonly now: number) {}
  todayIn(zone: string): string {
    let day = this.days.get(zone);
    if (day === undefined) this.days.set(zone, (day = localDate(this.now, zone)));
    return day;
  }
}

/**
 * The local day of a treatment start. The instant is the same on every request (a baseline or a plan
 * agreement), so the answer is remembered; bounded, and simply started afresh when full.
 */
const startDays = new Map<string, string>();
function startDayOf(at: number, zone: string): string {
  const key = `${zone} ${String(at)}`;
  let day = startDays.get(key);
  if (day === undefined) {
    if (startDays.size >= 50_000) startDays.clear();
    startDays.set(key, (day = localDate(at, zone)));
  }
  return day;
}

/** One registry row from the facts the repository gathered; pure. */
export function buildRow(
  f: PatientFacts,
  now: number,
  t: TreatToTargetSettings,
  days: DayCache = new DayCache(now),
): RegistryRow {
  const phq9 = summary(f.scores, 'phq9');
  const gad7 = summary(f.scores, 'gad7');
  const startAt = treatmentStartAt(f.scores, f.firstAgreedPlanAt);
  const weeks = weeksSince(startAt, now);
  // An open self-harm alert counts as a safety concern too: no green "Remission" beside it (issue 12).
  // Any safety alert type (shared/alerts/lifecycle.ts) stays open until someone reached the patient.
  const openSafety = f.alerts.some((a) => a.type === SAFETY_ALERT_TYPE || isSafetyAlertType(a.type));
  const concern = (x: ScoreSeries): ScoreSeries => (openSafety ? { ...x, safetySameDay: true } : x);
  const status = registryStatus(concern(phq9.series), concern(gad7.series), weeks, t, f.target ?? 'both');
  const startDay = startAt === null ? null : startDayOf(startAt, f.timeZone);
  const today = days.todayIn(f.timeZone);
  const due = nextMeasureDue(f.scores, startDay, today, f.planRules, f.earlyWatch ?? null);
  const openAlerts = { urgent: 0, high: 0, routine: 0, total: 0 };
  for (const a of f.alerts) {
    if (a.severity === 'urgent' || a.severity === 'high' || a.severity === 'routine')
      openAlerts[a.severity] += a.n;
    openAlerts.total += a.n;
  }
  const flags = registryFlagsFor({
    status,
    openSafetyAlert: openSafety,
    measureDaysOverdue: due === null ? null : daysBetween(due, today),
    overdueAfterDays: t.measureOverdueDays,
    markedForCaseReview: f.marked,
    daysSinceContact: f.lastContactAt === null ? null : Math.floor((now - f.lastContactAt) / DAY_MS),
    noContactDays: t.noContactDays,
    adherencePercent: f.adherence?.percent ?? null,
    adherenceBelow: f.adherenceBelow,
    earlyTreatmentWatch: (f.earlyWatch ?? null) !== null,
  });
  return {
    patientId: f.id,
    givenName: f.givenName,
    familyName: f.familyName,
    myRoles: f.myRoles,
    treatmentStart: startDay,
    weeksInTreatment: weeks,
    phq9: phq9.s,
    gad7: gad7.s,
    status,
    lastClinicianContactAt: f.lastContactAt,
    nextMeasureDue: due,
    adherence:
      f.adherence && f.adherence.scheduled > 0
        ? {
            percent: f.adherence.percent,
            taken: f.adherence.taken,
            scheduled: f.adherence.scheduled,
            days: f.adherence.days,
          }
        : null,
    openAlerts,
    flags,
    markedForCaseReview: f.marked,
    attentionTier: attentionTier({ flags, openAlerts }),
  };
}
