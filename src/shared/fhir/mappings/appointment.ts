import type { Appointment } from '@medplum/fhirtypes';
import { instant, ref } from './common.js';

export interface AppointmentInput {
  id: string;
  patientId: string;
  clinicianId: string;
  /** 'therapy_session' | 'medication_review' */
  type: string;
  /** 'scheduled' | 'attended' | 'no_show' | 'cancelled' */
  status: string;
  mode: string;
  startsAt: number;
  endsAt: number;
  durationMinutes: number;
  cancelReason: string | null;
  createdAt: number;
  updatedAt: number;
  version: number;
}

const statusOf: Record<string, Appointment['status']> = {
  scheduled: 'booked',
  attended: 'fulfilled',
  no_show: 'noshow',
  cancelled: 'cancelled',
};
const typeWords: Record<string, string> = {
  therapy_session: 'Therapy session',
  medication_review: 'Medication review',
};
const modeWords: Record<string, string> = { in_person: 'In person', video: 'Video', phone: 'Phone' };

export function toAppointment(a: AppointmentInput): Appointment {
  return {
    resourceType: 'Appointment',
    id: a.id,
    meta: { versionId: String(a.version), lastUpdated: instant(a.updatedAt) },
    status: statusOf[a.status] ?? 'booked',
    ...(a.status === 'cancelled' && a.cancelReason ? { cancelationReason: { text: a.cancelReason } } : {}),
    serviceType: [{ text: typeWords[a.type] ?? a.type }],
    appointmentType: { text: modeWords[a.mode] ?? a.mode },
    start: instant(a.startsAt),
    end: instant(a.endsAt),
    minutesDuration: a.durationMinutes,
    created: instant(a.createdAt),
    participant: [
      { actor: ref('Patient', a.patientId), status: 'accepted' },
      { actor: ref('Practitioner', a.clinicianId), status: 'accepted' },
    ],
  };
}
