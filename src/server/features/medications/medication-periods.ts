import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { MedicationPeriodTable } from '../../db/schema-medications.js';
import { describeSchedule, type DosePeriod } from '../../../shared/medications/schedule.js';
import type { StepInput } from '../../../shared/medications/schemas.js';

// The periods of a medication record (every start, change, step or pause is one) and their words in the history.

export const doseText = (amount: number, unit: string) => `${String(amount)} ${unit}`;
export const periodText = (p: { doseAmount: number; doseUnit: string; schedule: DosePeriod['schedule'] }) =>
  `${doseText(p.doseAmount, p.doseUnit)} ${describeSchedule(p.schedule)}`;

/**
 * Steps as periods, each defaulting to the schedule in effect just before it. Kept in the order given
 * (issue 11: never re-sorted); the prescribing checks refuse steps out of order before this runs.
 */
export function stepPeriods(before: DosePeriod, steps: StepInput[]): DosePeriod[] {
  const out: DosePeriod[] = [];
  let previous = before;
  for (const s of steps) {
    if (out.some((p) => p.from === s.from))
      throw new AppError('validation_failed', 'Two steps start on the same day.', [
        { path: 'body.steps', message: `Two steps on ${s.from}` },
      ]);
    const period: DosePeriod = {
      from: s.from,
      doseAmount: s.doseAmount,
      doseUnit: s.doseUnit,
      schedule: s.schedule ?? previous.schedule,
      paused: false,
    };
    out.push(period);
    previous = period;
  }
  return out;
}

export const stepsText = (steps: DosePeriod[]) =>
  steps.map((s) => `${doseText(s.doseAmount, s.doseUnit)} from ${s.from}`).join('; ');

export function periodRows(
  clinicId: string,
  medicationId: string,
  changeId: string,
  periods: DosePeriod[],
  now: number,
) {
  return periods.map((p): MedicationPeriodTable => ({
    id: newId(),
    clinic_id: clinicId,
    medication_id: medicationId,
    starts_on: p.from,
    dose_amount: p.doseAmount,
    dose_unit: p.doseUnit,
    schedule: JSON.stringify(p.schedule),
    paused: p.paused ? 1 : 0,
    created_at: now,
    change_id: changeId,
  }));
}
