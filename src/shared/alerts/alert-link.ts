/**
 * Where an alert leads in the clinician's app (issue 15): a message alert opens the conversation it is
 * about, so "Message from patient" is one click from the answer. Pure; the web inbox renders it. Null when
 * the alert has no place of its own beyond the patient page.
 */
export interface AlertLink {
  to: string;
  label: string;
}

export function alertLink(alert: {
  type: string;
  patientId: string;
  subjectId: string | null;
}): AlertLink | null {
  if (alert.subjectId === null) return null;
  const patient = encodeURIComponent(alert.patientId);
  switch (alert.type) {
    case 'message_from_patient':
      // The rule's subject is the conversation (shared/alerts/rules/message-from-patient.ts).
      return {
        to: `/patients/${patient}/messages/${encodeURIComponent(alert.subjectId)}`,
        label: 'Open the conversation',
      };
    default:
      return null;
  }
}
