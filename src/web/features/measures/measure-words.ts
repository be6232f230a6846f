// Words for questionnaires: display only. Bands, totals and interpretation come from the server, which
// computes them with the pure functions in src/shared/measures.
import type {
  ContactMethod,
  MeasureResponse,
  MeasureSource,
  RiskAction,
  RiskOutcome,
} from '../../../shared/measures/api';

export const SOURCE_LABELS: Record<MeasureSource, string> = {
  patient: 'Patient',
  in_session: 'In session',
};

/** A kind sentence for the patient about a band code (the band itself is the instrument's, from the server). */
const KIND_BAND_WORDS: Record<string, string> = {
  minimal: 'Your answers suggest few or no symptoms right now.',
  mild: 'Your answers suggest mild symptoms.',
  moderate:
    'Your answers suggest moderate symptoms. This is common, and it is what your care is here to help with.',
  moderately_severe:
    'Your answers suggest your symptoms are weighing on you quite a lot. Your care team will look at this with you.',
  severe:
    'Your answers suggest your symptoms are heavy right now. You do not have to carry this alone: your care team will look at this with you soon.',
};

export function kindBandWords(code: string | null | undefined): string {
  return (code && KIND_BAND_WORDS[code]) || 'Your care team will go through your answers with you.';
}

/** "Response", "Remission"… for the clinician table, from the server's interpretation flags. */
export function interpretationWords(response: MeasureResponse): string[] {
  const i = response.interpretation;
  const words: string[] = [];
  if (i.remission) words.push('Remission');
  if (i.response) words.push('Response');
  else if (i.partialResponse) words.push('Partial response');
  if (i.reliableImprovement) words.push('Reliable improvement');
  if (i.reliableDeterioration) words.push('Reliable deterioration');
  return words;
}

/** "−6 (−40%)" style change from baseline; null without a baseline. */
export function changeWords(response: MeasureResponse): string | null {
  const { changePoints, changePercent } = response.interpretation;
  if (changePoints === null) return null;
  const sign = (n: number) => (n > 0 ? `+${String(n)}` : n < 0 ? `−${String(Math.abs(n))}` : '0');
  return changePercent === null ? sign(changePoints) : `${sign(changePoints)} (${sign(changePercent)}%)`;
}

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  phone: 'Phone call',
  video: 'Video call',
  in_person: 'In person',
  message: 'Secure message',
  could_not_reach: 'Could not reach the patient',
};

export const RISK_OUTCOME_LABELS: Record<RiskOutcome, string> = {
  no_immediate_risk: 'No immediate risk',
  risk_managed_in_outpatient_care: 'Risk managed in outpatient care',
  urgent_evaluation_arranged: 'Urgent evaluation arranged',
  emergency_services_contacted: 'Emergency services contacted',
  not_reached_follow_up_planned: 'Not reached, follow-up planned',
};

export const RISK_ACTION_LABELS: Record<RiskAction, string> = {
  safety_plan_reviewed: 'Safety plan reviewed',
  safety_plan_updated: 'Safety plan updated',
  crisis_resources_given: 'Crisis resources given',
  means_safety_discussed: 'Access to lethal means discussed',
  follow_up_scheduled: 'Follow-up scheduled',
  team_informed: 'Care team informed',
  medication_reviewed: 'Medication reviewed',
  emergency_services_contacted: 'Emergency services contacted',
};
