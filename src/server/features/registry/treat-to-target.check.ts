import { daysBetween, localDate } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { timeSlices, yieldToEventLoop, type TimeSlices } from '../../platform/single-flight.js';
import {
  isNotImproving,
  fallPercent,
  targetsOf,
  weeksSince,
  type TargetInstrument,
} from '../../../shared/registry/status.js';
import { treatToTargetSettingsOf } from '../../../shared/registry/settings.js';
import { everyClinicSettings } from '../clinic/index.js';
import * as repo from './registry.repository.js';
import * as checks from './treat-to-target.repository.js';
import { measuresDueOf, treatmentStartAt } from './registry-rows.js';
import { agreedPlanContents, planRulesOf, planTargetOf } from '../measures/index.js';
import type { EventPayload, EventType } from '../../../shared/alerts/events.js';

interface Pending<T extends EventType> {
  type: T;
  clinicId: string;
  patientId: string;
  payload: EventPayload<T>;
  dedupeKey: string;
}

/** Events per transaction when emitting (issue 19: a short slice each, a turn between them). */
const EMIT_BATCH = 100;

/** Emits each new event once: keys already in the outbox are skipped before any write. */
async function emitNew(deps: AppDeps, events: Pending<EventType>[], slices: TimeSlices): Promise<void> {
  const seen = await checks.existingDedupeKeys(
    deps.database.db,
    events.map((e) => e.dedupeKey),
  );
  const fresh = events.filter((e) => !seen.has(e.dedupeKey));
  for (let i = 0; i < fresh.length; i += EMIT_BATCH) {
    const batch = fresh.slice(i, i + EMIT_BATCH);
    await slices.yieldNow();
    // The commit's disk flush runs off the event loop (issue 19); this resolves once it is durable.
    await deps.database.durableTransaction(async (trx) => {
      for (const e of batch) await emitEvent(trx, deps.clock, e);
    });
  }
}

/** Patients per page (issue 19): a page's queries and rules run in slices of at most ~8 ms each. */
export const TREAT_TO_TARGET_PAGE_SIZE = 250;

/**
 * Each patient's agreed measurement plan (null → the default schedule) and its target questionnaire
 * (issue 12; absent → 'both').
 */
async function agreedPlanRules(deps: AppDeps, clinicId: string, patientIds: readonly string[]) {
  const rules = new Map<string, ReturnType<typeof planRulesOf>>();
  const targets = new Map<string, TargetInstrument>();
  for (const r of await agreedPlanContents(deps.database.db, clinicId, patientIds))
    if (!rules.has(r.patient_id)) {
      rules.set(r.patient_id, planRulesOf(r.content));
      targets.set(r.patient_id, planTargetOf(r.content));
    }
  return { rules, targets };
}

/**
 * Scheduled treat-to-target checks (issue 5), set-based per clinic:
 * - not improving: week >= 10 (clinic setting) of the current treatment with a follow-up of a target
 *   questionnaire (the plan's: PHQ-9, GAD-7 or both where both are measured; issue 12) under a 50% fall from
 *   baseline → `treatment.not_improving`, once per patient, questionnaire and baseline answer;
 * - overdue: a PHQ-9 or GAD-7 of the patient's agreed measurement plan (else the default schedule) more
 *   than 7 days (setting) past its due date → `measure.overdue`, once per
 *   patient, questionnaire and due date. Patients count once treatment has started (a baseline or an agreed plan).
 */
export async function checkTreatToTarget(
  deps: AppDeps,
  slicing: { pageSize?: number; giveTurn?: () => Promise<void> } = {},
): Promise<void> {
  const now = deps.clock.now();
  const pageSize = slicing.pageSize ?? TREAT_TO_TARGET_PAGE_SIZE;
  const slices = timeSlices(undefined, undefined, slicing.giveTurn ?? yieldToEventLoop);
  for (const clinic of await everyClinicSettings(deps.database.db)) {
    const t = treatToTargetSettingsOf(clinic.settings);
    const pending: Pending<EventType>[] = [];
    // Issue 19: the clinic in keyset pages of patients, a turn for the event loop before each page and
    // whenever a slice has run for its time budget, so the check never stalls requests for long.
    let afterId: string | null = null;
    for (;;) {
      await slices.yieldNow();
      const page = await checks.patientsPage(deps.database.db, clinic.id, afterId, pageSize);
      if (page.length > 0) await evaluatePage(deps, { clinicId: clinic.id, t, now }, page, pending, slices);
      if (page.length < pageSize) break;
      afterId = page.at(-1)?.id ?? null;
    }
    await emitNew(deps, pending, slices);
  }
}

/** One page of patients: their scores and plans, then the rules; what is due is added to `pending`. */
async function evaluatePage(
  deps: AppDeps,
  run: { clinicId: string; t: ReturnType<typeof treatToTargetSettingsOf>; now: number },
  patients: readonly { id: string; time_zone: string }[],
  pending: Pending<EventType>[],
  slices: TimeSlices,
): Promise<void> {
  const { clinicId, t, now } = run;
  const ids = patients.map((p) => p.id);
  const scores = await repo.firstAndLatestScores(deps.database.db, clinicId, ids);
  const plans = await checks.firstAgreedPlansOf(deps.database.db, clinicId, ids);
  const { rules: rulesOf, targets } = await agreedPlanRules(deps, clinicId, ids);
  const scoresOf = new Map<string, repo.ScorePoint[]>();
  for (const s of scores) scoresOf.set(s.patient_id, [...(scoresOf.get(s.patient_id) ?? []), s]);
  const planOf = new Map(plans.map((p) => [p.patient_id, p.agreed_at]));
  for (const p of patients) {
    await slices.maybeYield();
    const own = scoresOf.get(p.id) ?? [];
    const startAt = treatmentStartAt(own, planOf.get(p.id) ?? null);
    if (startAt === null) continue;
    const weeks = weeksSince(startAt, now) ?? 0;
    const gad7Measured = own.some((s) => s.instrument === 'gad7' && s.kind === 'first');
    for (const instrument of targetsOf(targets.get(p.id) ?? 'both', gad7Measured)) {
      const first = own.find((s) => s.instrument === instrument && s.kind === 'first');
      const last = own.find((s) => s.instrument === instrument && s.kind === 'last');
      if (!first || !last) continue;
      const series = { baseline: first.total, latest: last.total, followUps: first.n - 1 };
      if (isNotImproving(series, weeks, t, instrument))
        pending.push({
          type: 'treatment.not_improving',
          clinicId,
          patientId: p.id,
          payload: {
            instrument,
            weeksInTreatment: weeks,
            baselineTotal: first.total,
            latestTotal: last.total,
            changePercent: fallPercent(series) ?? 0,
          },
          // PHQ-9 keeps its key from before issue 12, so an event already emitted is not emitted again.
          dedupeKey:
            instrument === 'phq9'
              ? `not-improving:${p.id}:${String(first.answered_at)}`
              : `not-improving:${instrument}:${p.id}:${String(first.answered_at)}`,
        });
    }
    const startDay = localDate(startAt, p.time_zone);
    const today = localDate(now, p.time_zone);
    for (const m of measuresDueOf(own, startDay, today, rulesOf.get(p.id) ?? null)) {
      if (m.instrument !== 'phq9' && m.instrument !== 'gad7') continue;
      const daysOverdue = daysBetween(m.dueDate, today);
      if (daysOverdue > t.measureOverdueDays)
        pending.push({
          type: 'measure.overdue',
          clinicId,
          patientId: p.id,
          payload: { instrument: m.instrument, dueDate: m.dueDate, daysOverdue },
          dedupeKey: `measure-overdue:${p.id}:${m.instrument}:${m.dueDate}`,
        });
    }
  }
}
