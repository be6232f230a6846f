import { defineRule } from './rule.js';

/** A patient wrote to their care team: a routine alert to every clinician on the team (issue 3). */
export const messageFromPatient = defineRule({
  name: 'message-from-patient',
  on: 'message.from_patient',
  evaluate: (event) => [
    {
      type: 'message_from_patient',
      severity: 'routine',
      title: 'New message from the patient',
      details: 'The patient wrote to the care team. Open the conversation to read and answer it.',
      routeToRoles: ['therapist', 'prescriber', 'care_manager'],
      subjectId: event.payload.conversationId,
    },
  ],
});
