import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors.js';
import { readPatientRecord } from '../../platform/access/patient-access.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';
import { paperFor, renderPdf, type Paper } from '../../platform/pdf/index.js';
import { readTimeline } from '../timeline/index.js';
import { practiceLibrary } from '../../../shared/practice/library.js';
import { symptomLabels } from '../../../shared/side-effects/symptoms.js';
import type { VisitSummary } from '../../../shared/visit-agenda/visit-summary-schema.js';
import { adherenceOver, otherClinicianEntries, sinceOf } from '../../../shared/visit-agenda/visit-summary.js';
import { agendaItemsFor } from './visit-agenda.service.js';
import { drawVisitSummary } from './visit-summary.pdf.js';
import * as repo from './visit-summary.repository.js';

const instruments = [
  { id: 'phq9', label: 'PHQ-9' },
  { id: 'gad7', label: 'GAD-7' },
] as const;
const practiceNames = new Map(practiceLibrary.map((k) => [k.type as string, k.name]));

/**
 * "Since last visit" for the appointment's clinician, read in the caller's transaction: the timeline of the
 * window (scores, medicines and adherence, side effects, sessions, practice the reader may see, feedback,
 * plan) with the side-effect answers, open alerts and the patient's agenda items for this appointment.
 * Psychotherapy notes are never read (the timeline never reads them).
 */
async function summaryIn(
  trx: Db,
  actor: Actor,
  patientId: string,
  appointmentId: string,
  now: number,
): Promise<VisitSummary> {
  const c = actor.clinicId;
  const basics = await patientBasics(trx, c, patientId);
  const appointment = await repo.appointmentWithClinician(trx, c, patientId, appointmentId);
  if (!basics || !appointment) throw notFound('Appointment');
  const today = localDate(now, basics.timeZone);
  const history = await repo.attendedBefore(
    trx,
    c,
    patientId,
    appointment.clinician_id,
    appointment.starts_at,
  );
  const since = sinceOf(
    { id: appointment.id, clinicianId: appointment.clinician_id, startsAt: appointment.starts_at },
    history.map((h) => ({
      id: h.id,
      clinicianId: h.clinician_id,
      day: h.local_day,
      startsAt: h.starts_at,
      status: h.status,
    })),
    localDate(basics.enrolledAt, basics.timeZone),
  );
  const to = appointment.local_day < today ? appointment.local_day : today;
  const from = since.day <= to ? since.day : to;
  const t = await readTimeline(trx, actor, patientId, now, { from, to });
  const [answers, alerts, agenda] = await Promise.all([
    repo.sideEffectAnswers(
      trx,
      c,
      patientId,
      t.sideEffects.map((s) => s.id),
    ),
    repo.openAlerts(trx, c, patientId),
    agendaItemsFor(trx, actor, patientId, now, {
      onlyOpen: false,
      appointment: { id: appointment.id, type: appointment.type },
    }),
  ]);
  const practice = new Map<string, { type: string; label: string; done: number; lastDay: string }>();
  for (const p of t.practice) {
    const entry = practice.get(p.type) ?? {
      type: p.type,
      label: practiceNames.get(p.type) ?? p.type,
      done: 0,
      lastDay: p.day,
    };
    entry.done += 1;
    if (p.day > entry.lastDay) entry.lastDay = p.day;
    practice.set(p.type, entry);
  }
  return {
    patient: { id: patientId, name: basics.displayName, birthDate: basics.birthDate },
    appointment: {
      id: appointment.id,
      type: appointment.type,
      day: appointment.local_day,
      time: appointment.local_time,
      status: appointment.status,
      clinicianName: appointment.clinician_name,
    },
    since,
    to,
    scores: instruments.map(({ id, label }) => {
      const scored = t.scores.filter((s) => s.instrument === id);
      const first = scored[0];
      const last = scored.length > 1 ? scored[scored.length - 1] : undefined;
      const at = (s: typeof first) => (s ? { day: s.day, total: s.total, severity: s.severity } : null);
      return {
        instrument: id,
        label,
        first: at(first),
        last: at(last),
        change: first?.total != null && last?.total != null ? last.total - first.total : null,
        answers: scored.length,
      };
    }),
    medications: t.medications.map((m) => {
      const inEffect = m.periods.find((p) => p.from <= to && (p.to === null || p.to >= to));
      return {
        id: m.id,
        name: m.name,
        dose:
          inEffect && !inEffect.paused && (m.endDate === null || m.endDate >= to)
            ? `${String(inEffect.doseAmount)} ${inEffect.doseUnit}`
            : null,
        adherence: adherenceOver(m.weeks),
        missedStretches: m.missedStretches.length,
        changes: m.changes,
      };
    }),
    sideEffects: t.sideEffects.map((s) => ({
      id: s.id,
      day: s.day,
      severity: s.severity,
      medicationName: s.medicationName,
      symptoms: s.symptoms.map((code) => (symptomLabels as Record<string, string>)[code] ?? code),
      answers: answers
        .filter((a) => a.report_id === s.id)
        .map((a) => ({ day: localDate(a.answered_at, basics.timeZone), kind: a.kind, note: a.note })),
    })),
    practice: [...practice.values()],
    feedback: {
      sessionRatings: t.sessionRatings.map((r) => ({
        day: r.day,
        goalsRating: r.goalsRating,
        heardRating: r.heardRating,
      })),
      whatHelps: t.whatHelps.map((w) => ({
        day: w.day,
        parts: w.parts.map((p) => ({ label: p.label, score: p.score })),
      })),
    },
    openAlerts: alerts.map((a) => ({
      id: a.id,
      title: a.title,
      severity: a.severity,
      state: a.state,
      day: localDate(a.created_at, basics.timeZone),
    })),
    agenda,
    otherClinician: otherClinicianEntries(appointment.type, {
      sessions: t.sessions,
      changes: t.medications.flatMap((m) => m.changes.map((ch) => ({ ...ch, medicationName: m.name }))),
      plan: t.plan,
    }),
  };
}

/** The visit summary on screen: one audited read of the patient's record (the care team only). */
export function visitSummary(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  appointmentId: string,
): Promise<VisitSummary> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'visit_summary.read', resourceType: 'appointment', resourceId: appointmentId },
    (trx) => summaryIn(trx, actor, patientId, appointmentId, deps.clock.now()),
  );
}

/**
 * The visit summary as a PDF (platform/pdf: the patient's name and date of birth, generation time and the
 * "Confidential" footer on every page). Its generation is one audited event, in the patient's access report.
 */
export async function visitSummaryPdf(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  appointmentId: string,
  paper: Paper | undefined,
): Promise<{ pdf: Buffer; fileName: string }> {
  const now = deps.clock.now();
  const { summary, clinic, zone, country } = await readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'visit_summary.pdf', resourceType: 'appointment', resourceId: appointmentId },
    async (trx) => {
      const s = await summaryIn(trx, actor, patientId, appointmentId, now);
      const basics = await patientBasics(trx, actor.clinicId, patientId);
      return {
        summary: s,
        clinic: await repo.clinicName(trx, actor.clinicId),
        zone: basics?.timeZone ?? 'UTC',
        country: basics?.country ?? null,
      };
    },
  );
  const pdf = await renderPdf(
    {
      title: 'Visit summary: since last visit',
      clinicName: clinic,
      patient: { name: summary.patient.name, birthDate: summary.patient.birthDate },
      generatedAt: now,
      zone,
      paper: paperFor(paper, country),
    },
    (writer) => {
      drawVisitSummary(writer, summary);
    },
  );
  return { pdf, fileName: `visit-summary-${summary.appointment.day}.pdf` };
}
