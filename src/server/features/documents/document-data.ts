// What each document holds, read inside the caller's withPatientRecord transaction (no access check here).
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { PatientBasics } from '../../platform/patients/patient-basics.js';
import { userNames } from '../../platform/users/user-names.repository.js';
import { describeSchedule, periodInEffect } from '../../../shared/medications/schedule.js';
import { findInstrument, instrumentIds, type InstrumentId } from '../../../shared/measures/instruments.js';
import {
  measurementSummary,
  type MeasurementSummary,
} from '../../../shared/documents/measurement-summary.js';
import { diaryCardSchema } from '../../../shared/practice/content.js';
import { diaryGrid, weekStart, type DiaryGrid } from '../../../shared/practice/review.js';
import { planContentSchema, type PlanContent } from '../../../shared/treatment-plans/schemas.js';
import { addDays } from '../../../shared/time/index.js';
import { loadRegimens } from '../medications/index.js';
import * as repo from './documents.repository.js';

/** Whose practice a document may hold: the therapist both sharings; everyone else (the patient included,
 *  issue 14) only what was shared with the whole team. */
export function practiceVisibility(actor: Actor): 'therapist' | 'team' {
  return actor.role === 'therapist' ? 'therapist' : 'team';
}

export interface MedicationLine {
  name: string;
  form: string;
  route: string;
  instructions: string;
  status: string;
  startDate: string;
  endDate: string | null;
  prescriber: string;
  dose: { amount: number; unit: string; schedule: string; paused: boolean } | null;
  history: { day: string; change: string; summary: string; reason: string }[];
}

export interface AllergyLine {
  substance: string;
  reaction: string | null;
  severity: string | null;
  confirmed: boolean;
}

export interface MedicationData {
  current: MedicationLine[];
  past: MedicationLine[];
  allergies: AllergyLine[];
}

/** A medicine is current when it has not stopped and its last day (if any) is not before today. */
const isCurrent = (m: { status: string; end_date: string | null }, today: string) =>
  m.status !== 'stopped' && (m.end_date === null || m.end_date >= today);

export async function medicationData(trx: Db, basics: PatientBasics, today: string): Promise<MedicationData> {
  const c = basics.clinicId;
  const [meds, changes, allergies, regimens] = await Promise.all([
    repo.medicationRows(trx, c, basics.id),
    repo.medicationChangeRows(trx, c, basics.id),
    repo.allergyRows(trx, c, basics.id),
    loadRegimens(trx, c, [basics.id]),
  ]);
  const names = await userNames(
    trx,
    c,
    meds.map((m) => m.prescribed_by),
  );
  const regimenOf = new Map((regimens.get(basics.id) ?? []).map((r) => [r.medicationId, r]));
  const lines = meds.map((m): MedicationLine & { current: boolean } => {
    const regimen = regimenOf.get(m.id);
    const onDay = isCurrent(m, today) ? today : (m.end_date ?? today);
    const period = regimen ? periodInEffect(regimen, onDay < m.start_date ? m.start_date : onDay) : null;
    return {
      current: isCurrent(m, today),
      name: m.name,
      form: m.form,
      route: m.route,
      instructions: m.instructions,
      status: m.status,
      startDate: m.start_date,
      endDate: m.end_date,
      prescriber: names.get(m.prescribed_by) ?? 'Unknown',
      dose: period
        ? {
            amount: period.doseAmount,
            unit: period.doseUnit,
            schedule: describeSchedule(period.schedule),
            paused: period.paused,
          }
        : null,
      history: changes
        .filter((x) => x.medication_id === m.id)
        .map((x) => ({ day: x.effective_on, change: x.kind, summary: x.summary, reason: x.reason })),
    };
  });
  const strip = ({ current: _current, ...line }: MedicationLine & { current: boolean }) => line;
  return {
    current: lines.filter((l) => l.current).map(strip),
    past: lines.filter((l) => !l.current).map(strip),
    allergies: allergies.map((a) => ({
      substance: a.name,
      reaction: a.reaction,
      severity: a.severity,
      confirmed: a.status === 'confirmed',
    })),
  };
}

export interface ScoreLine {
  instrument: InstrumentId;
  name: string;
  day: string;
  total: number | null;
  severity: string | null;
}

export interface MeasurementData {
  scores: ScoreLine[];
  summaries: MeasurementSummary[];
}

export async function measurementData(trx: Db, basics: PatientBasics): Promise<MeasurementData> {
  const [rows, chosen] = await Promise.all([
    repo.scoreRows(trx, basics.clinicId, basics.id),
    repo.chosenBaselineRows(trx, basics.clinicId, basics.id),
  ]);
  const scores = rows.flatMap((r): ScoreLine[] => {
    const def = findInstrument(r.instrument);
    if (!def) return [];
    const band =
      r.total === null
        ? undefined
        : def.severityBands.find((b) => r.total !== null && r.total >= b.min && r.total <= b.max);
    return [
      {
        instrument: def.id as InstrumentId,
        name: def.name,
        day: r.answered_day,
        total: r.total,
        severity: band?.label ?? null,
      },
    ];
  });
  const summaries = instrumentIds.map((id) =>
    measurementSummary(
      id,
      scores.flatMap((s, i) =>
        s.instrument === id && s.total !== null
          ? [{ id: rows[i]?.id ?? '', day: s.day, total: s.total }]
          : [],
      ),
      chosen.find((b) => b.instrument === id)?.response_id ?? null,
    ),
  );
  return { scores, summaries };
}

export interface DiaryData {
  grid: DiaryGrid;
  /** The cards' notes by day (the grid has no room for them). */
  notes: { day: string; note: string }[];
}

/** The diary-card week holding `day` (Monday first), from the cards this reader may read. */
export async function diaryData(
  trx: Db,
  basics: PatientBasics,
  actor: Actor,
  day: string,
): Promise<DiaryData> {
  const monday = weekStart(day);
  const rows = await repo.practiceEntryRows(trx, basics.clinicId, basics.id, practiceVisibility(actor), {
    type: 'diary_card',
    from: monday,
    to: addDays(monday, 6),
  });
  const entries = rows.map((r) => ({
    id: r.id,
    day: r.day,
    status: 'done' as const,
    content: diaryCardSchema.parse(JSON.parse(r.content)),
  }));
  return {
    grid: diaryGrid(monday, entries),
    notes: entries
      .filter((e) => e.content.note.trim() !== '')
      .map((e) => ({ day: e.day, note: e.content.note })),
  };
}

export interface PlanData {
  number: number;
  agreedAt: number;
  reviewDate: string | null;
  content: PlanContent;
  signatures: { name: string; role: string; signedAt: number }[];
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  medicationNames: string[];
}

/** The plan as agreed: the version agreed most recently, its standing signatures and acknowledgement. */
export async function planData(trx: Db, basics: PatientBasics): Promise<PlanData | null> {
  const version = await repo.agreedPlanRow(trx, basics.clinicId, basics.id);
  if (!version || version.agreed_at === null) return null;
  const [signatures, meds] = await Promise.all([
    repo.signatureRows(trx, basics.clinicId, version.id),
    repo.medicationRows(trx, basics.clinicId, basics.id),
  ]);
  const names = await userNames(trx, basics.clinicId, [
    ...signatures.map((s) => s.user_id),
    ...(version.acknowledged_by ? [version.acknowledged_by] : []),
  ]);
  const content = planContentSchema.parse(JSON.parse(version.content));
  return {
    number: version.number,
    agreedAt: version.agreed_at,
    reviewDate: version.review_date,
    content,
    signatures: signatures.map((s) => ({
      name: names.get(s.user_id) ?? 'Unknown',
      role: s.role,
      signedAt: s.signed_at,
    })),
    acknowledgedAt: version.acknowledged_at,
    acknowledgedBy: version.acknowledged_by
      ? (names.get(version.acknowledged_by) ?? basics.displayName)
      : null,
    medicationNames: meds.filter((m) => content.medication.medicationIds.includes(m.id)).map((m) => m.name),
  };
}
