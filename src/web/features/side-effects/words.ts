import type { AnswerKind } from '../../../shared/side-effects/schemas';
import { symptomLabels, type SymptomCode } from '../../../shared/side-effects/symptoms';

export const severityOptions = [
  { value: 'mild', label: 'Mild', hint: 'I notice it, but it is easy to live with' },
  { value: 'moderate', label: 'Moderate', hint: 'It bothers me' },
  { value: 'severe', label: 'Severe', hint: 'It is very hard to bear' },
] as const;
export type SeverityValue = (typeof severityOptions)[number]['value'];

export const severityLabel = (s: SeverityValue): string =>
  severityOptions.find((o) => o.value === s)?.label ?? s;

export const severityColor: Record<SeverityValue, string> = {
  mild: 'gray',
  moderate: 'yellow',
  severe: 'red',
};

export const answerKindLabels: Record<AnswerKind, string> = {
  message: 'Message to the patient',
  dose_change: 'Dose change',
  advice: 'Advice / no change',
};

/** What the patient reads for each answer kind. */
export const answerKindForPatient: Record<AnswerKind, string> = {
  message: 'Sent you a message',
  dose_change: 'Changed your dose',
  advice: 'Advice',
};

export const symptomList = (codes: readonly SymptomCode[]): string =>
  codes.map((c) => symptomLabels[c]).join(', ');

export function doseWords(m: { doseAmount: number | null; doseUnit: string | null }): string | null {
  return m.doseAmount === null || m.doseUnit === null ? null : `${String(m.doseAmount)} ${m.doseUnit}`;
}
