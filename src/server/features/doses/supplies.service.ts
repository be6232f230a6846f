import { addDays, localDate } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import type { RefillForecast } from '../../../shared/doses/schemas.js';
import { boundForecasts } from '../../../shared/doses/supplies-bound.js';
import { SUPPLIES_MAX } from '../../../shared/lists/limits.js';
import type { z } from 'zod';
import type { newSupplySchema } from '../../../shared/doses/schemas.js';
import * as supplies from './supplies.repository.js';
import { forecastsFor, toForecast } from './supplies.forecast.js';
import { patientSchedule, regimenOf } from './patient-schedule.js';

/**
 * Records a counted supply for the refill forecast. The patient (they hold the box) or a prescriber on
 * the team (who knows what was dispensed) records it; other team members read. Idempotent on the id.
 */
export function recordSupply(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: z.output<typeof newSupplySchema>,
): Promise<{ supply: RefillForecast; created: boolean }> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'supply.record', resourceType: 'medication_supply', resourceId: input.id },
    async (trx) => {
      const schedule = await patientSchedule(trx, actor.clinicId, patientId);
      const now = deps.clock.now();
      const today = localDate(now, schedule.timeZone);
      const existing = await supplies.findSupply(trx, actor.clinicId, input.id);
      if (existing) {
        if (existing.patient_id !== patientId)
          throw new AppError('conflict', 'This supply id is already used. Send a new id.');
        return {
          supply: toForecast(existing, regimenOf(schedule, existing.medication_id), today, schedule.timeZone),
          created: false,
        };
      }
      const regimen = regimenOf(schedule, input.medicationId);
      const countedOn = input.countedOn ?? today;
      if (countedOn > addDays(today, 31) || countedOn < addDays(today, -366))
        throw new AppError(
          'validation_failed',
          'The day counted must be within the past year or the next month.',
          [{ path: 'body.countedOn', message: 'Out of range' }],
        );
      const row: supplies.SupplyRow = {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        medication_id: input.medicationId,
        quantity: input.quantity,
        unit_strength: input.unitStrength,
        counted_on: countedOn,
        recorded_by: actor.userId,
        created_at: now,
        reminded_at: null,
      };
      const created = await supplies.insertSupply(trx, row);
      const stored = await supplies.findSupply(trx, actor.clinicId, input.id);
      if (stored?.patient_id !== patientId) throw new AppError('conflict', 'This supply id is already used.');
      return { supply: toForecast(stored, regimen, today, schedule.timeZone), created };
    },
  );
}

/**
 * Refill forecasts of the patient's medications that have a supply (patient and care team), at most `limit`:
 * every current medication's first (issue 19, `boundForecasts`).
 */
export function listSupplies(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  limit: number = SUPPLIES_MAX,
): Promise<{ supplies: RefillForecast[]; hasMore: boolean }> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'supply.list', resourceType: 'medication_supply' },
    async (trx) => {
      const schedule = await patientSchedule(trx, actor.clinicId, patientId);
      const today = localDate(deps.clock.now(), schedule.timeZone);
      const forecasts = await forecastsFor(trx, actor.clinicId, schedule, today);
      return boundForecasts(forecasts, schedule.regimens, today, limit);
    },
  );
}
