import { addDays, instantAt, localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { readPatientRecord } from '../../platform/access/patient-access.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';
import { AppError, notFound } from '../../platform/errors.js';
import { TIMELINE_MAX_DAYS } from '../../../shared/lists/limits.js';
import { countedDoses } from '../../../shared/adherence/adherence.js';
import { byMedication } from '../../../shared/adherence/per-medication.js';
import { practiceLibrary } from '../../../shared/practice/library.js';
import { missedStretches, weeklyRates } from '../../../shared/timeline/adherence-weeks.js';
import { wallClockDoses } from '../../../shared/timeline/wall-doses.js';
import { progressSentences } from '../../../shared/timeline/progress-words.js';
import type { Progress, Timeline } from '../../../shared/timeline/api.js';
import { loadRegimens } from '../medications/index.js';
import { toDosePeriods, toPlanMarks, toScore, toWhatHelps } from './timeline.mapper.js';
import * as repo from './timeline.repository.js';

/** Before any record Duet keeps: the window "all" starts here and the answer names its first event's day. */
const ALL_FROM = '1970-01-01';

/** The window asked for; without `to`, today; without `from`, everything up to TIMELINE_MAX_DAYS back (the
 *  answer then starts on the day of the first event, or enrolment when earlier, never before that bound; issue
 *  19). A window asked longer than the bound is refused (400), never cut. */
async function windowOf(
  db: Db,
  actor: Actor,
  patientId: string,
  now: number,
  q: { from?: string; to?: string },
) {
  const basics = await patientBasics(db, actor.clinicId, patientId);
  if (!basics) throw notFound('Patient');
  const zone = basics.timeZone;
  const today = localDate(now, zone);
  const to = q.to ?? today;
  const earliest = addDays(to, -(TIMELINE_MAX_DAYS - 1));
  const from = q.from ?? (earliest > ALL_FROM ? earliest : ALL_FROM);
  if (from > to)
    throw new AppError('validation_failed', 'The start of the window must not be after its end', [
      {
        path: q.from ? 'query.from' : 'query.to',
        message: `The window ends on ${to}, before it starts (${from})`,
      },
    ]);
  if (q.from !== undefined && q.from < earliest)
    throw new AppError('validation_failed', `A window holds at most ${String(TIMELINE_MAX_DAYS)} days.`, [
      { path: 'query.from', message: `At most ${String(TIMELINE_MAX_DAYS)} days before ${to}` },
    ]);
  const fromAt = instantAt(from, '00:00', zone);
  const toAt = instantAt(addDays(to, 1), '00:00', zone);
  const enrolledDay = localDate(basics.enrolledAt, zone);
  /** The day the answer says the window starts: `from` as asked, else the earliest of these days (in the window). */
  const shownFrom = (days: readonly string[]) => {
    if (q.from !== undefined) return q.from;
    const first = days.reduce((a, b) => (b < a ? b : a), enrolledDay);
    return first < from ? from : first;
  };
  /** Without `from`, the record starts before the bounded window (issue 19). */
  const hasMore = q.from === undefined && enrolledDay < from;
  return { zone, today, shownFrom, hasMore, window: { from, to, fromAt, toAt } };
}

/** Who reads practice entries: the patient all their own, a therapist both sharings, the rest team-shared. */
function practiceVisibility(actor: Actor): 'own' | 'therapist' | 'team' {
  if (actor.role === 'patient') return 'own';
  return actor.role === 'therapist' ? 'therapist' : 'team';
}

const practiceNames = new Map(practiceLibrary.map((k) => [k.type as string, k.patientName]));

/** Medication lanes: dose periods, changes, weekly adherence and missed stretches in the window. */
async function medicationLanes(
  trx: Db,
  clinicId: string,
  patientId: string,
  w: repo.Window,
  zone: string,
  today: string,
) {
  const [rows, changes, logs, regimens] = await Promise.all([
    repo.medicationRows(trx, clinicId, patientId, w),
    repo.medicationChangeRows(trx, clinicId, patientId, w),
    repo.doseLogRows(trx, clinicId, patientId, w),
    loadRegimens(trx, clinicId, [patientId]),
  ]);
  const regimenOf = new Map((regimens.get(patientId) ?? []).map((r) => [r.medicationId, r]));
  const last = w.to < today ? w.to : today;
  const scheduled =
    w.from > last ? [] : [...regimenOf.values()].flatMap((r) => wallClockDoses(r, w.from, last, zone));
  const counted = byMedication(
    countedDoses(
      scheduled,
      logs.flatMap((l) =>
        l.dose_key === null
          ? []
          : [
              {
                doseKey: l.dose_key,
                status: l.status === 'taken' ? ('taken' as const) : ('skipped' as const),
              },
            ],
      ),
      today,
    ),
  );
  return rows.map((m) => {
    const doses = counted.get(m.id) ?? [];
    return {
      id: m.id,
      name: m.name,
      startDate: m.start_date,
      endDate: m.end_date,
      status: m.status,
      periods: toDosePeriods(regimenOf.get(m.id), w),
      changes: changes
        .filter((c) => c.medication_id === m.id)
        .map((c) => ({ id: c.id, kind: c.kind, summary: c.summary, reason: c.reason, day: c.effective_on })),
      weeks: weeklyRates(doses),
      missedStretches: missedStretches(doses),
    };
  });
}

/**
 * The clinician's timeline of one patient for a window: every kind of event in one answer, read in one
 * transaction (a fixed set of queries, never one per event). The care team only; audited as a read.
 * Practice entries follow the patient's sharing choice; psychotherapy notes are never read.
 */
export function patientTimeline(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  query: { from?: string; to?: string },
): Promise<Timeline> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'timeline.read', resourceType: 'timeline' },
    (trx) => readTimeline(trx, actor, patientId, deps.clock.now(), query),
  );
}

/**
 * The timeline's answer, read inside a transaction already on the patient's record (readPatientRecord or withPatientRecord):
 * for use cases that show part of it under their own audited read (the visit summary).
 */
export async function readTimeline(
  trx: Db,
  actor: Actor,
  patientId: string,
  now: number,
  query: { from?: string; to?: string },
): Promise<Timeline> {
  const c = actor.clinicId;
  const { zone, today, shownFrom, hasMore, window: w } = await windowOf(trx, actor, patientId, now, query);
  const [scores, baselines, medications, sessions, sideEffects, practice, ratings, helps, versions, reviews] =
    await Promise.all([
      repo.scoreRows(trx, c, patientId, w),
      repo.baselineRows(trx, c, patientId),
      medicationLanes(trx, c, patientId, w, zone, today),
      repo.sessionRows(trx, c, patientId, w),
      repo.sideEffectRows(trx, c, patientId, w),
      repo.practiceRows(trx, c, patientId, w, practiceVisibility(actor)),
      repo.sessionRatingRows(trx, c, patientId, w),
      repo.whatHelpsRows(trx, c, patientId, w),
      repo.planVersionRows(trx, c, patientId, w),
      repo.planReviewRows(trx, c, patientId, w),
    ]);
  const baseline = (id: string) => {
    const b = baselines.find((x) => x.instrument === id);
    return b ? (b.chosen_total ?? b.first_total) : null;
  };
  const timeline: Timeline = {
    patientId,
    hasMore,
    from: w.from,
    to: w.to,
    today,
    baselines: { phq9: baseline('phq9'), gad7: baseline('gad7') },
    scores: scores.flatMap((s) => toScore(s) ?? []),
    medications,
    sessions: sessions.map((s) => ({
      id: s.id,
      type: s.type,
      day: s.local_day,
      at: s.starts_at,
      status: s.status as 'scheduled' | 'attended' | 'no_show' | 'cancelled',
    })),
    sideEffects: sideEffects.map((r) => ({
      id: r.id,
      day: r.reported_day,
      severity: r.severity as 'mild' | 'moderate' | 'severe',
      medicationName: r.medication_name,
      symptoms: JSON.parse(r.symptoms) as string[],
    })),
    practice: practice.map((p) => ({
      id: p.id,
      assignmentId: p.assignment_id,
      type: p.type,
      day: p.day,
      sharing: p.sharing as 'team' | 'therapist',
    })),
    sessionRatings: ratings.map((r) => ({
      id: r.id,
      appointmentId: r.appointment_id,
      day: r.session_day,
      goalsRating: r.goals_rating,
      heardRating: r.heard_rating,
    })),
    whatHelps: toWhatHelps(helps),
    plan: toPlanMarks(versions, reviews, w, zone),
  };
  timeline.from = shownFrom([
    ...timeline.scores.map((x) => x.day),
    ...medications.flatMap((m) => [m.startDate, ...m.changes.map((x) => x.day)]),
    ...[timeline.sessions, timeline.sideEffects, timeline.practice].flat().map((x) => x.day),
    ...[timeline.sessionRatings, timeline.whatHelps, timeline.plan].flat().map((x) => x.day),
  ]);
  return timeline;
}

/**
 * "My progress": the patient's own scores, medicines and practice for a window, with plain-words
 * sentences (shared/timeline/progress-words.ts). No clinician-only data: no item 9 answers, no notes,
 * no clinicians' reasons. The patient themself only; audited as a read of their own record.
 */
export function myProgress(
  deps: AppDeps,
  actor: Actor,
  query: { from?: string; to?: string },
): Promise<Progress> {
  const patientId = actor.patientId ?? '';
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'progress.read', resourceType: 'timeline' },
    async (trx) => {
      const c = actor.clinicId;
      const {
        today,
        shownFrom,
        hasMore,
        window: w,
      } = await windowOf(trx, actor, patientId, deps.clock.now(), query);
      const [scores, medications, regimens, practice, starts] = await Promise.all([
        repo.scoreRows(trx, c, patientId, w),
        repo.medicationRows(trx, c, patientId, w),
        loadRegimens(trx, c, [patientId]),
        repo.practiceRows(trx, c, patientId, w, 'own'),
        repo.practiceStartRows(trx, c, patientId),
      ]);
      const regimenOf = new Map((regimens.get(patientId) ?? []).map((r) => [r.medicationId, r]));
      const marks = scores.flatMap((s) => toScore(s) ?? []);
      const sentences = progressSentences(marks, [
        ...medications.map((m) => ({ kind: 'medicine' as const, name: m.name, day: m.start_date })),
        ...starts.map((s) => ({
          kind: 'practice' as const,
          name: practiceNames.get(s.type) ?? s.type,
          day: s.first_day,
        })),
      ]);
      return {
        hasMore,
        from: shownFrom([
          ...marks.map((x) => x.day),
          ...medications.map((m) => m.start_date),
          ...practice.map((x) => x.day),
        ]),
        to: w.to,
        today,
        scores: marks.map(({ item9: _item9, ...rest }) => rest),
        medications: medications.map((m) => ({
          id: m.id,
          name: m.name,
          startDate: m.start_date,
          endDate: m.end_date,
          periods: toDosePeriods(regimenOf.get(m.id), w),
        })),
        practice: practice.map((p) => ({
          id: p.id,
          type: p.type,
          label: practiceNames.get(p.type) ?? p.type,
          day: p.day,
        })),
        sentences,
      };
    },
  );
}
