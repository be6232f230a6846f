import { interferenceLabel } from '../../side-effects/interference.js';
import { symptomLabels } from '../../side-effects/symptoms.js';
import { reportAlertSeverity, urgentReasonLabels, urgentReasons } from '../../side-effects/urgency.js';
import { defineRule } from './rule.js';

const adviceWords: Record<string, string> = {
  emergency: 'emergency',
  crisis_line: 'crisis line',
  stop_and_call_today: 'do not take the next dose, contact the prescriber today',
  call_prescriber_today: 'contact the prescriber today',
  call_prescriber: 'contact the prescriber',
};

/**
 * A side-effect report goes to the prescriber: URGENT when it is severe, says "I want to stop or change",
 * or names a symptom urgent for one of the patient's medications (medication-safety.md section 4: any rash
 * on lamotrigine, fever or sore throat on clozapine, coarse shaking on lithium …); HIGH when the only
 * finding is a 'high' row of section 4 (thirst on a second-generation antipsychotic, fainting on
 * prazosin); ROUTINE otherwise (care-rules.md "Side effects"; issues 4 and 11). The details name each
 * medication, its urgent symptoms and the advice the patient was given. Answering the report resolves it.
 * With no prescriber on the team the alert goes to the whole team (raiseAlert never routes to no one).
 */
export const sideEffectReported = defineRule({
  name: 'side-effect-reported',
  on: 'side_effect.reported',
  evaluate: (event) => {
    const p = event.payload;
    const input = {
      severity: p.severity,
      wantsToStop: p.wantsToStop,
      urgentSymptoms: p.urgentSymptoms,
      ...(p.symptomAlert !== undefined ? { symptomAlert: p.symptomAlert } : {}),
    };
    const reasons = urgentReasons(input);
    const severity = reportAlertSeverity(input);
    const medication = p.medicationName ?? 'medication not named';
    const words = (codes: readonly (keyof typeof symptomLabels)[]) =>
      codes.map((s) => symptomLabels[s].toLowerCase()).join(', ');
    const symptoms = words(p.symptoms);
    const advice = (p.advice ?? []).filter((a) => a.medicationName !== null);
    const urgentPart =
      advice.length > 0
        ? ' ' +
          advice
            .map(
              (a) =>
                `Urgent for ${a.medicationName ?? ''}: ${words(a.symptoms)} (patient told: ${adviceWords[a.kind] ?? a.kind}).`,
            )
            .join(' ')
        : p.urgentSymptoms.length > 0
          ? ` Urgent for this medication: ${words(p.urgentSymptoms)}.`
          : '';
    const details =
      `Side effects (${p.severity}) on ${medication}` +
      (p.doseText ? ` ${p.doseText}` : '') +
      `: ${symptoms.length > 0 ? symptoms : 'described in their own words'}. ` +
      `Gets in the way of daily life: ${String(p.interference)}/6 (${interferenceLabel(p.interference).toLowerCase()}).` +
      (p.wantsToStop ? ' The patient wants to stop or change this medication.' : '') +
      urgentPart;
    const named = [...new Set(advice.map((a) => a.medicationName ?? ''))];
    const title =
      reasons.length > 0
        ? `Side-effect report: ${reasons.map((r) => urgentReasonLabels[r].toLowerCase()).join(', ')}`
        : severity === 'high'
          ? 'Side-effect report: symptom to check'
          : 'Side-effect report';
    return [
      {
        type: 'side_effect_report',
        severity,
        title: named.length > 0 ? `${title} (${named.join(', ')})` : title,
        details,
        routeToRoles: ['prescriber'],
        subjectId: p.reportId,
      },
    ];
  },
});
