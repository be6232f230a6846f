import { defineRule } from './rule.js';

/**
 * "Current smoker" came off the record of a patient taking clozapine: smoking induces CYP1A2, so clozapine
 * levels rise when it stops (medication-safety.md section 2, clozapine label "Drug Interactions": monitor;
 * a dose reduction may be needed). High, to the prescriber. Without clozapine, nothing to raise.
 */
export const smokingStoppedOnClozapine = defineRule({
  name: 'smoking-stopped-on-clozapine',
  on: 'medication_safety.smoking_stopped',
  evaluate: ({ payload: p }) =>
    p.clozapineNames.length === 0
      ? []
      : [
          {
            type: 'smoking_stopped_on_clozapine',
            severity: 'high',
            title: 'Stopped smoking while on clozapine',
            details: `"Current smoker" was taken off the record while the patient takes ${p.clozapineNames.join(', ')}. Clozapine levels rise when smoking stops (clozapine label): monitor for sedation, fainting and seizures; a dose reduction may be needed.`,
            routeToRoles: ['prescriber'],
            fallbackRoles: ['therapist', 'care_manager'],
            subjectId: p.entryId,
          },
        ],
});
