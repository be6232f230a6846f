/**
 * What a person can be told by push (issue 17). Patients choose among the first four; clinicians may opt in
 * to urgent alerts only. Nothing here is clinical: the kinds name a reason to open Duet, never the content.
 */
export const patientPushKinds = ['doses', 'questionnaires', 'appointments', 'replies'] as const;
export const clinicianPushKinds = ['urgentAlerts'] as const;
export const pushKinds = [...patientPushKinds, ...clinicianPushKinds] as const;
export type PushKind = (typeof pushKinds)[number];

/** The labels of the settings toggles. */
export const pushKindLabels: Record<PushKind, string> = {
  doses: 'Dose reminders',
  questionnaires: 'Check-ins to fill in',
  appointments: 'Appointments coming up',
  replies: 'Messages from my care team',
  urgentAlerts: 'Urgent alerts for patients on my team',
};

/** A dose reminder can be put off once at a time by this long ("Snooze 15 min"). */
export const SNOOZE_MINUTES = 15;
