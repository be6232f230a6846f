import { defineRule } from './rule.js';

const kindWords = {
  allergy: 'an allergy',
  other_medicine: 'another medicine they take',
  condition: 'a condition',
} as const;

/**
 * The patient added an allergy, another medicine or a condition in their app (issue 11). It does not count
 * in the prescribing check until a clinician confirms it (product policy, docs/clinical-rules.md), so the
 * prescriber is told: routine, or high for an allergy the patient calls severe. Confirming, not confirming
 * or removing the entry resolves the alert.
 */
export const medicationSafetyEntryAdded = defineRule({
  name: 'medication-safety-entry-added',
  on: 'medication_safety.patient_entry_added',
  evaluate: ({ payload: p }) => [
    {
      type: 'medication_safety_entry',
      severity: p.severe ? 'high' : 'routine',
      title: `Patient added ${kindWords[p.kind]}: confirm or not`,
      details: `${p.summary}. It counts in the prescribing check only once a clinician on the team confirms it (patient page, "Allergies and other medicines").`,
      routeToRoles: ['prescriber'],
      fallbackRoles: ['therapist', 'care_manager'],
      subjectId: p.entryId,
    },
  ],
});
