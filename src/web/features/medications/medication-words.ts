import type { Medication, MedicationChange, MedicationPeriod } from './api';

/** "50 mg" */
export const doseText = (p: Pick<MedicationPeriod, 'doseAmount' | 'doseUnit'>): string =>
  `${String(p.doseAmount)} ${p.doseUnit}`;

/** "50 mg, 08:00 every day" or "Paused" */
export function periodText(p: MedicationPeriod | null): string {
  if (!p) return 'Not in effect today';
  if (p.paused) return 'Paused';
  return `${doseText(p)}, ${p.scheduleText}`;
}

export const statusLabel: Record<Medication['status'], string> = {
  active: 'Active',
  paused: 'Paused',
  stopped: 'Stopped',
};
export const statusColor: Record<Medication['status'], string> = {
  active: 'green',
  paused: 'yellow',
  stopped: 'gray',
};

export const changeLabel: Record<MedicationChange['kind'], string> = {
  started: 'Started',
  dose_changed: 'Dose changed',
  schedule_changed: 'Schedule changed',
  titration_planned: 'Steps planned',
  paused: 'Paused',
  resumed: 'Resumed',
  stopped: 'Stopped',
  details_changed: 'Details changed',
};

/** Current (active or paused) first, then past, each newest start first. */
export function splitCurrentPast(list: Medication[]): { current: Medication[]; past: Medication[] } {
  return {
    current: list.filter((m) => m.status !== 'stopped'),
    past: list.filter((m) => m.status === 'stopped'),
  };
}

export const NO_E_PRESCRIBING =
  'Duet records what was prescribed; it does not send prescriptions to pharmacies. Send the prescription the way your clinic does.';
