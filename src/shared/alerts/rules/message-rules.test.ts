import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events.js';
import { alertRules } from './index.js';
import { messageFromPatient } from './message-from-patient.js';
import { messageUnanswered } from './message-unanswered.js';

const base = { id: 'ev1', clinicId: 'c1', patientId: 'p1', createdAt: 0 };

describe('message-from-patient', () => {
  it.each([
    ['conv-1', 'msg-1'],
    ['conv-2', 'msg-9'],
  ])(
    'conversation %s → one routine alert about the conversation for the whole team',
    (conversationId, messageId) => {
      const event: DomainEvent<'message.from_patient'> = {
        ...base,
        type: 'message.from_patient',
        payload: { conversationId, messageId },
      };
      const specs = messageFromPatient.evaluate(event);
      expect(specs).toHaveLength(1);
      expect(specs[0]).toMatchObject({
        type: 'message_from_patient',
        severity: 'routine',
        subjectId: conversationId,
        routeToRoles: ['therapist', 'prescriber', 'care_manager'],
      });
      expect(JSON.stringify(specs)).not.toContain(messageId);
    },
  );
});

describe('message-unanswered', () => {
  it.each([
    ['conv-1', 'msg-1', 1],
    ['conv-3', 'msg-7', 1_800_000_000_000],
  ])(
    '%s/%s → one high alert about the message, to care manager and therapist',
    (conversationId, messageId, sentAt) => {
      const specs = messageUnanswered.evaluate({
        ...base,
        type: 'message.unanswered',
        payload: { conversationId, messageId, sentAt },
      });
      expect(specs).toEqual([
        expect.objectContaining({
          type: 'message_unanswered',
          severity: 'high',
          subjectId: messageId,
          routeToRoles: ['care_manager', 'therapist'],
        }),
      ]);
    },
  );
});

describe('registry', () => {
  it.each(['message-from-patient', 'message-unanswered', 'consult-requested'])(
    '%s is registered once',
    (name) => {
      expect(alertRules.filter((r) => r.name === name)).toHaveLength(1);
    },
  );
});
