import type { Communication } from '@medplum/fhirtypes';
import { instant, ref } from './common.js';

/** A message in a conversation between the patient and their care team (never the team-only thread). */
export interface PatientMessageInput {
  id: string;
  patientId: string;
  conversationId: string;
  subject: string;
  authorId: string;
  /** 'patient' or the clinician's role. */
  authorRole: string | null;
  body: string;
  createdAt: number;
}

/** A message as a Communication: sent by the patient or a clinician, the conversation's subject as its topic. */
export function toCommunication(m: PatientMessageInput): Communication {
  const fromPatient = m.authorRole === 'patient';
  return {
    resourceType: 'Communication',
    id: m.id,
    meta: { lastUpdated: instant(m.createdAt) },
    status: 'completed',
    subject: ref('Patient', m.patientId),
    topic: { text: m.subject },
    sent: instant(m.createdAt),
    sender: fromPatient ? ref('Patient', m.patientId) : ref('Practitioner', m.authorId),
    ...(fromPatient ? {} : { recipient: [ref('Patient', m.patientId)] }),
    payload: [{ contentString: m.body }],
  };
}
