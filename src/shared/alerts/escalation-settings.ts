import { isValidTimeZone } from '../time/index.js';
import { z } from 'zod';
import type { ClinicHours } from './clinic-hours.js';

/**
 * Clinic settings for the life of an urgent alert (issue 12), optional keys of the clinic settings JSON
 * (shared/clinic/settings.ts) with their defaults here. All product policy unless a source is named:
 * - escalationHours 4: care-rules.md "Safety" ("default 4 hours in clinic hours"); the key itself lives in
 *   shared/clinic/settings.ts.
 * - acknowledgePauseMinutes 60: "I'm on it" holds escalation back for an hour only (product policy).
 * - safetyFollowUpHours 24: a patient at risk who was not reached gets a follow-up due within 24 hours
 *   (issue 12, product default).
 * - clinic hours Monday to Friday 09:00-17:00 in clinicTimeZone (default UTC until the clinic sets its own).
 * - outOfHoursEscalation 'on_call_now': while the clinic is closed an unresolved urgent alert goes straight
 *   to the on-call clinician (issue 12 default); 'wait_for_clinic_hours' lets the clock wait for opening.
 */
export const escalationDefaults = {
  acknowledgePauseMinutes: 60,
  safetyFollowUpHours: 24,
  clinicTimeZone: 'UTC',
  clinicOpenDays: [1, 2, 3, 4, 5] as number[],
  clinicOpensAt: '09:00',
  clinicClosesAt: '17:00',
  outOfHoursEscalation: 'on_call_now' as OutOfHoursEscalation,
};

export const outOfHoursRules = ['on_call_now', 'wait_for_clinic_hours'] as const;
export type OutOfHoursEscalation = (typeof outOfHoursRules)[number];

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time as HH:MM (24 hours).');

export const escalationSettingsShape = {
  clinicalLeadUserId: z.string().max(64).nullable().optional(),
  acknowledgePauseMinutes: z.number().int().min(5).max(1440).optional(),
  safetyFollowUpHours: z.number().min(1).max(168).optional(),
  clinicTimeZone: z.string().max(64).refine(isValidTimeZone, 'Not a time zone this server knows.').optional(),
  clinicOpenDays: z
    .array(z.number().int().min(1).max(7))
    .min(1, 'Choose at least one open day.')
    .max(7)
    .refine((d) => new Set(d).size === d.length, 'Each day once.')
    .optional(),
  clinicOpensAt: clockTime.optional(),
  clinicClosesAt: clockTime.optional(),
  outOfHoursEscalation: z.enum(outOfHoursRules).optional(),
};

type Stored = { [K in keyof typeof escalationSettingsShape]?: z.infer<(typeof escalationSettingsShape)[K]> };

export interface EscalationSettings {
  escalationHours: number;
  acknowledgePauseMinutes: number;
  safetyFollowUpHours: number;
  onCallUserId: string | null;
  clinicalLeadUserId: string | null;
  hours: ClinicHours;
  outOfHours: OutOfHoursEscalation;
}

/** The settings with defaults applied (the clinic settings parser already checked each value). */
export function escalationSettingsOf(
  s: Stored & { escalationHours: number; onCallUserId: string | null },
): EscalationSettings {
  const d = escalationDefaults;
  return {
    escalationHours: s.escalationHours,
    acknowledgePauseMinutes: s.acknowledgePauseMinutes ?? d.acknowledgePauseMinutes,
    safetyFollowUpHours: s.safetyFollowUpHours ?? d.safetyFollowUpHours,
    onCallUserId: s.onCallUserId,
    clinicalLeadUserId: s.clinicalLeadUserId ?? null,
    hours: {
      timeZone: s.clinicTimeZone ?? d.clinicTimeZone,
      openDays: s.clinicOpenDays ?? d.clinicOpenDays,
      opensAt: s.clinicOpensAt ?? d.clinicOpensAt,
      closesAt: s.clinicClosesAt ?? d.clinicClosesAt,
    },
    outOfHours: s.outOfHoursEscalation ?? d.outOfHoursEscalation,
  };
}

/** A settings change whose opening time is not before its closing time, as a field error (or null). */
export function clinicHoursProblem(s: Stored): { path: string; message: string } | null {
  const opens = s.clinicOpensAt ?? escalationDefaults.clinicOpensAt;
  const closes = s.clinicClosesAt ?? escalationDefaults.clinicClosesAt;
  return opens < closes
    ? null
    : { path: 'body.clinicClosesAt', message: 'The clinic must close after it opens (same day).' };
}
