import { describe, expect, it } from 'vitest';
import { alertLink } from './alert-link.js';

describe('alertLink', () => {
  it.each([
    {
      alert: { type: 'message_from_patient', patientId: 'p1', subjectId: 'c1' },
      to: '/patients/p1/messages/c1',
    },
    { alert: { type: 'message_from_patient', patientId: 'p1', subjectId: null }, to: null },
    { alert: { type: 'measure_worsening', patientId: 'p1', subjectId: 'x' }, to: null },
    {
      alert: { type: 'message_from_patient', patientId: 'p/1', subjectId: 'c 1' },
      to: '/patients/p%2F1/messages/c%201',
    },
  ])('$alert.type with subject $alert.subjectId leads to $to', ({ alert, to }) => {
    expect(alertLink(alert)?.to ?? null).toBe(to);
  });

  it('names the place for the link text', () => {
    expect(alertLink({ type: 'message_from_patient', patientId: 'p', subjectId: 'c' })?.label).toBe(
      'Open the conversation',
    );
  });
});
