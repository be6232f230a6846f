import { defineRule } from './rule.js';

/**
 * "New or worse thoughts of suicide" ticked on a side-effect report (issue 11; medication-safety.md
 * section 4: antidepressants under 25 or early in treatment → crisis line and the self-harm path;
 * care-rules.md "Safety": a sign of self-harm must reach a clinician the same day). Urgent, to every
 * clinician on the care team. The type is the self-harm type, so the risk-assessment, escalation and
 * closing rules treat it like a PHQ-9 item 9 alert. Its subject is not the report itself, so answering the
 * side-effect report (which resolves the report's own alert) never closes it.
 */
export const sideEffectSelfHarm = defineRule({
  name: 'side-effect-self-harm',
  on: 'side_effect.self_harm_reported',
  evaluate: ({ payload: p }) => [
    {
      type: 'self_harm_answer',
      severity: 'urgent',
      title: 'Side-effect report: new or worse thoughts of suicide',
      details:
        `On a side-effect report (${p.severity}) the patient ticked new or worse thoughts of suicide or of harming themselves` +
        (p.medicationNames.length > 0 ? ` while taking ${p.medicationNames.join(', ')}.` : '.') +
        ' They were shown their crisis line. Contact the patient today and record a risk assessment.',
      routeToRoles: ['therapist', 'prescriber', 'care_manager'],
      subjectId: `side-effect-self-harm:${p.reportId}`,
    },
  ],
});
