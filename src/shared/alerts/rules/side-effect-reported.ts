import { interferenceLabel } from '../../side-effects/interference.js';
import { symptomLabels } from '../../side-effects/symptoms.js';
import { urgentReasonLabels, urgentReasons } from '../../side-effects/urgency.js';
import { defineRule } from './rule.js';

/**
 * A side-effect report goes to the prescriber: URGENT when it is severe, says "I want to stop or change",
 * or names a symptom the catalogue lists as urgent for the suspected medication (any rash on lamotrigine);
 * ROUTINE otherwise (care-rules.md "Side effects"; issue 4). Answering the report resolves the alert.
 * With no prescriber on the team the alert goes to the whole team (raiseAlert never routes to no one).
 */
export const sideEffectReported = defineRule({
  name: 'side-effect-reported',
  on: 'side_effect.reported',
  evaluate: (event) => {
    const p = event.payload;
    const reasons = urgentReasons({
      severity: p.severity,
      wantsToStop: p.wantsToStop,
      urgentSymptoms: p.urgentSymptoms,
    });
    const medication = p.medicationName ?? 'medication not named';
    const symptoms = p.symptoms.map((s) => symptomLabels[s].toLowerCase());
    const details =
      `Side effects (${p.severity}) on ${medication}` +
      (p.doseText ? ` ${p.doseText}` : '') +
      `: ${symptoms.length > 0 ? symptoms.join(', ') : 'described in their own words'}. ` +
      `Gets in the way of daily life: ${String(p.interference)}/6 (${interferenceLabel(p.interference).toLowerCase()}).` +
      (p.wantsToStop ? ' The patient wants to stop or change this medication.' : '') +
      (p.urgentSymptoms.length > 0
        ? ` Urgent for this medication: ${p.urgentSymptoms.map((s) => symptomLabels[s].toLowerCase()).join(', ')}.`
        : '');
    return [
      {
        type: 'side_effect_report',
        severity: reasons.length > 0 ? 'urgent' : 'routine',
        title:
          reasons.length > 0
            ? `Side-effect report: ${reasons.map((r) => urgentReasonLabels[r].toLowerCase()).join(', ')}`
            : 'Side-effect report',
        details,
        routeToRoles: ['prescriber'],
        subjectId: p.reportId,
      },
    ];
  },
});
