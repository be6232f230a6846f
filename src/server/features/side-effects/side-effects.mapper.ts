import type { SideEffectReportTable } from '../../db/schema-side-effects.js';
import { guideKeys, type GuideKey } from '../../../shared/medication-guides/guides.js';
import type { AnswerKind, ReportAnswer, SideEffectReport } from '../../../shared/side-effects/schemas.js';
import { symptomCodesFrom } from '../../../shared/side-effects/symptoms.js';
import type { AnswerRow } from './side-effects.repository.js';

const guideKeyOf = (key: string | null): GuideKey =>
  key && (guideKeys as readonly string[]).includes(key) ? (key as GuideKey) : 'general';

export function toAnswer(row: AnswerRow): ReportAnswer {
  return {
    id: row.id,
    kind: row.kind as AnswerKind,
    note: row.note,
    conversationId: row.conversation_id,
    medicationChangeId: row.medication_change_id,
    changeSummary: row.change_summary,
    byUserId: row.answered_by,
    byName: row.answered_by_name,
    answeredAt: row.answered_at,
  };
}

export function toReport(
  row: SideEffectReportTable,
  answers: AnswerRow[],
  changeOptions: SideEffectReport['changeOptions'] = [],
): SideEffectReport {
  return {
    id: row.id,
    patientId: row.patient_id,
    medication:
      row.medication_id === null
        ? null
        : {
            id: row.medication_id,
            name: row.medication_name ?? 'Medication',
            doseAmount: row.dose_amount === null ? null : row.dose_amount,
            doseUnit: row.dose_unit,
            guideKey: guideKeyOf(row.guide_key),
          },
    symptoms: symptomCodesFrom(row.symptoms),
    otherText: row.other_text,
    severity: row.severity as SideEffectReport['severity'],
    interference: row.interference,
    wantsToStop: row.wants_to_stop === 1,
    urgentSymptoms: symptomCodesFrom(row.urgent_symptoms),
    urgent: row.urgent === 1,
    reportedAt: row.reported_at,
    reportedDay: row.reported_day,
    state: row.state as SideEffectReport['state'],
    answers: answers.filter((a) => a.report_id === row.id).map(toAnswer),
    changeOptions,
  };
}

/** "50 mg" for the alert and the lists. */
export function doseText(amount: number | null, unit: string | null): string | null {
  if (amount === null || unit === null) return null;
  return `${String(amount)} ${unit}`;
}
