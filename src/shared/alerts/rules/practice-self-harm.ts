import { riskReasonWords } from '../../practice/risk.js';
import { defineRule } from './rule.js';

const what = { diary_card: 'diary card', thought_record: 'thought record', message: 'message' } as const;

/**
 * Self-harm outside questionnaires (issue 12; care-rules.md "Safety": a sign of self-harm must reach a
 * clinician the same day): a diary card, thought record or message at risk (shared/practice/risk.ts) →
 * urgent. It goes only to those who may read the entry: the patient's sharing choice decides (a
 * therapist-only entry alerts the therapist only; shared/practice/sharing.ts). The alert type is the
 * self-harm type, so the risk-assessment and escalation path treats it like a PHQ-9 item 9 alert.
 * When a therapist-only entry is later shared with the team while its alert is not resolved, a second
 * event (`sharedLater`) alerts the new readers only, about the same entry (practice/entry-risk.ts): one
 * risk assessment that reached the patient resolves both.
 */
export const practiceSelfHarm = defineRule({
  name: 'practice-self-harm',
  on: 'practice.self_harm_reported',
  evaluate: ({ payload: p }) => [
    {
      type: 'self_harm_answer',
      severity: 'urgent',
      title: `Self-harm risk on a ${what[p.entryType]}`,
      details:
        `On the ${what[p.entryType]} for ${p.day} the patient ${p.reasons.map((r) => riskReasonWords[r]).join('; ')}.` +
        (p.sharedLater === true
          ? ' The patient has now shared it with the whole care team; the therapist was alerted when it was written.'
          : '') +
        ' Contact the patient today and record a risk assessment.',
      routeToRoles:
        p.sharedLater === true
          ? ['prescriber', 'care_manager']
          : p.sharing === 'therapist'
            ? ['therapist']
            : ['therapist', 'prescriber', 'care_manager'],
      subjectId: p.entryId,
    },
  ],
});
