import { UNANSWERED_AFTER_WORKING_DAYS } from '../../messaging/working-days.js';
import { defineRule } from './rule.js';

/**
 * A patient's message has had no clinician answer for 2 working days (issue 3). High, because a patient
 * left without an answer may stop writing; routed to the care manager (who coordinates) and the therapist.
 */
export const messageUnanswered = defineRule({
  name: 'message-unanswered',
  on: 'message.unanswered',
  evaluate: (event) => [
    {
      type: 'message_unanswered',
      severity: 'high',
      title: 'Patient message unanswered',
      details: `A message from the patient has waited ${String(UNANSWERED_AFTER_WORKING_DAYS)} working days without an answer from the care team.`,
      routeToRoles: ['care_manager', 'therapist'],
      subjectId: event.payload.messageId,
    },
  ],
});
