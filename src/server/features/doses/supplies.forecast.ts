import type { Db } from '../../db/database.js';
import { forecastRefill, isLowSupply } from '../../../shared/doses/refill.js';
import type { RefillForecast } from '../../../shared/doses/schemas.js';
import type { Regimen } from '../../../shared/medications/schedule.js';
import * as supplies from './supplies.repository.js';

export function toForecast(
  row: supplies.SupplyRow,
  regimen: Regimen,
  today: string,
  timeZone: string,
): RefillForecast {
  const outlook = forecastRefill(
    regimen,
    {
      quantity: row.quantity,
      unitStrength: row.unit_strength === null ? null : row.unit_strength,
      countedOn: row.counted_on,
    },
    today,
    timeZone,
  );
  return {
    medicationId: row.medication_id,
    name: regimen.displayName,
    supplyId: row.id,
    quantity: row.quantity,
    unitStrength: row.unit_strength === null ? null : row.unit_strength,
    countedOn: row.counted_on,
    ...outlook,
    lowSupply: isLowSupply(outlook),
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
  };
}

/** The refill forecast of each medication of one patient that has a recorded supply. */
export async function forecastsFor(
  trx: Db,
  clinicId: string,
  schedule: { patientId: string; timeZone: string; regimens: Regimen[] },
  today: string,
): Promise<RefillForecast[]> {
  const rows = await supplies.latestSupplies(trx, clinicId, [schedule.patientId]);
  const out: RefillForecast[] = [];
  for (const row of rows) {
    const regimen = schedule.regimens.find((r) => r.medicationId === row.medication_id);
    if (regimen) out.push(toForecast(row, regimen, today, schedule.timeZone));
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
