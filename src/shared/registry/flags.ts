import type { RegistryStatus } from './status.js';

/**
 * Registry flags: what makes a patient need attention (care-rules.md, "Systematic caseload review": the
 * registry ranks patients who are not improving, have had no recent contact, or are at safety risk).
 */
export const registryFlags = [
  'safety_risk',
  'worsening',
  'not_improving',
  'overdue',
  'case_review',
  'no_recent_contact',
  'low_adherence',
  /** An antidepressant started or changed under 25, until week 4 (medication-safety.md section 5; issue 11). */
  'early_treatment_watch',
] as const;
export type RegistryFlag = (typeof registryFlags)[number];

export interface FlagInputs {
  status: RegistryStatus;
  /** An open (or acknowledged, not resolved) self-harm alert. */
  openSafetyAlert: boolean;
  measureDaysOverdue: number | null;
  overdueAfterDays: number;
  markedForCaseReview: boolean;
  daysSinceContact: number | null;
  noContactDays: number;
  /** Adherence over the alert window (null: no scheduled doses) and the clinic's threshold (care-rules.md: 80%). */
  adherencePercent?: number | null;
  adherenceBelow?: number;
  /** An early-treatment watch is in force (shared/measures/early-treatment-watch.ts). */
  earlyTreatmentWatch?: boolean;
}

export function registryFlagsFor(i: FlagInputs): RegistryFlag[] {
  const flags: RegistryFlag[] = [];
  if (i.openSafetyAlert) flags.push('safety_risk');
  if (i.status === 'worsening') flags.push('worsening');
  if (i.status === 'not_improving') flags.push('not_improving');
  if (i.measureDaysOverdue !== null && i.measureDaysOverdue > i.overdueAfterDays) flags.push('overdue');
  if (i.markedForCaseReview) flags.push('case_review');
  if (i.daysSinceContact === null || i.daysSinceContact > i.noContactDays) flags.push('no_recent_contact');
  if (
    i.adherencePercent !== undefined &&
    i.adherencePercent !== null &&
    i.adherenceBelow !== undefined &&
    i.adherencePercent < i.adherenceBelow
  )
    flags.push('low_adherence');
  if (i.earlyTreatmentWatch === true) flags.push('early_treatment_watch');
  return flags;
}
