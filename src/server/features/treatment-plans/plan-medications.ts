import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';
import { loadRegimens, medicationsOfPatient } from '../medications/index.js';
import {
  differenceWords,
  medicationDifferences,
  takeSnapshot,
  type MedicationRecordNow,
} from '../../../shared/treatment-plans/medication-agreement.js';
import type { MedicationDifferenceView } from '../../../shared/treatment-plans/api-schemas.js';
import type { LinkedMedication, PlanContent } from '../../../shared/treatment-plans/schemas.js';

type MedicationPart = PlanContent['medication'];

/** The patient's medication records as they are now (read through the medications face) and their today. */
export async function medicationRecordsNow(
  trx: Db,
  deps: Pick<AppDeps, 'clock'>,
  clinicId: string,
  patientId: string,
): Promise<{ records: MedicationRecordNow[]; today: string }> {
  const zone = (await patientBasics(trx, clinicId, patientId))?.timeZone ?? 'UTC';
  const today = localDate(deps.clock.now(), zone);
  const [rows, regimens] = await Promise.all([
    medicationsOfPatient(trx, clinicId, patientId),
    loadRegimens(trx, clinicId, [patientId]),
  ]);
  const periods = new Map((regimens.get(patientId) ?? []).map((r) => [r.medicationId, r.periods]));
  const records = rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    startDate: r.start_date,
    endDate: r.end_date,
    periods: periods.get(r.id) ?? [],
    version: r.version,
    updatedAt: r.updated_at,
  }));
  return { records, today };
}

/**
 * The medication part as the prescriber saved it, with the server's snapshot of each linked record. A link
 * whose record still reads as its snapshot keeps it (saving again is no change); a new link, or one whose
 * record changed since, is snapshotted today. A record that is not this patient's is refused at its field.
 * An older client that sends only `medicationIds` links those of them that are this patient's records.
 */
export async function withSnapshots(
  trx: Db,
  deps: Pick<AppDeps, 'clock'>,
  clinicId: string,
  patientId: string,
  part: MedicationPart,
  before: MedicationPart,
): Promise<MedicationPart> {
  const { records, today } = await medicationRecordsNow(trx, deps, clinicId, patientId);
  const byId = new Map(records.map((r) => [r.id, r]));
  const asked: LinkedMedication[] =
    part.linked.length === 0 && part.medicationIds.length > 0
      ? part.medicationIds
          .filter((id) => byId.has(id))
          .map((medicationId) => ({ medicationId, intent: 'continue', note: '', snapshot: null }))
      : part.linked;
  const prior = new Map(before.linked.map((l) => [l.medicationId, l.snapshot]));
  const linked = asked.map((link, i) => {
    const record = byId.get(link.medicationId);
    if (!record)
      throw new AppError('validation_failed', 'The plan can only link this patient’s medication records.', [
        {
          path: `body.medication.linked[${String(i)}].medicationId`,
          message: 'Not one of this patient’s medications',
        },
      ]);
    const kept = prior.get(link.medicationId) ?? null;
    const unchanged =
      kept !== null &&
      medicationDifferences({ ...part, linked: [{ ...link, snapshot: kept }], toStart: [] }, [record], today)
        .length === 0;
    return { ...link, snapshot: unchanged ? kept : takeSnapshot(record, today) };
  });
  return { ...part, linked, medicationIds: linked.map((l) => l.medicationId) };
}

/** What differs between a version's medication part and the patient's records now, in plain words. */
export function differencesOf(
  content: PlanContent,
  now: { records: MedicationRecordNow[]; today: string },
): MedicationDifferenceView[] {
  return medicationDifferences(content.medication, now.records, now.today).map((d) => ({
    kind: d.kind,
    medicationId: d.medicationId,
    name: d.name,
    words: differenceWords(d),
  }));
}
