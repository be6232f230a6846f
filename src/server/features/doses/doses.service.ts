import { localDate } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { expandScheduledDoses, periodInEffect } from '../../../shared/medications/schedule.js';
import {
  canCorrect,
  CLOCK_SKEW_MS,
  correctableUntil,
  HOUR_MS,
  isLateEntry,
  parseDoseKey,
} from '../../../shared/doses/rules.js';
import type { DoseCorrection, DoseLog, LogResult, NewDoseLogParsed } from '../../../shared/doses/schemas.js';
import * as repo from './doses.repository.js';
import { emitEvent } from '../../platform/outbox/emit.js';
import { toDoseLog } from './doses.mapper.js';
import { patientSchedule, regimenOf } from './patient-schedule.js';

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, [{ path, message }]);

/** "Taken at" may not be in the future, nor more than a day before the dose was due. */
function checkTakenAt(takenAt: number, now: number, dueAt: number | null): void {
  if (takenAt > now + CLOCK_SKEW_MS) throw invalid('body.takenAt', 'The time taken is in the future.');
  if (dueAt !== null && takenAt < dueAt - 24 * HOUR_MS)
    throw invalid('body.takenAt', 'The time taken is more than a day before the dose was due.');
}

export interface LogOutcome extends LogResult {
  created: boolean;
}

/**
 * Logs a dose taken or skipped. Idempotent: a retry with the same id returns the first log (200); a second
 * log for a dose that already has one (a double tap with two ids) is refused with 409 and the existing log
 * in details.current, so the phone shows what is recorded and a correction goes through PATCH.
 * As-needed doses above the prescribed maximum per day are recorded (the log is a record of what
 * happened, not a permission) and answered with a warning to contact the prescriber.
 */
export function logDose(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  input: NewDoseLogParsed,
): Promise<LogOutcome> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'dose.log', resourceType: 'dose_log', resourceId: input.id },
    async (trx) => {
      const retry = async (): Promise<LogOutcome | null> => {
        const existing = await repo.findLog(trx, actor.clinicId, input.id);
        if (!existing) return null;
        if (existing.patient_id !== patientId)
          throw new AppError('conflict', 'This log id is already used. Send a new id.', [
            { path: 'body.id', message: 'Already used' },
          ]);
        const log = toDoseLog(existing);
        const { aboveMaxPerDay, warning } = await asNeededWarning(log);
        return { log, aboveMaxPerDay, warning, created: false };
      };
      const asNeededWarning = async (log: DoseLog) => {
        if (!log.asNeeded) return { aboveMaxPerDay: false, warning: null, count: 0, max: Infinity };
        const period = periodInEffect(regimenOf(schedule, log.medicationId), log.localDate);
        const max = period?.schedule.kind === 'as_needed' ? period.schedule.maxPerDay : Infinity;
        const count = await repo.countAsNeededOnDay(
          trx,
          actor.clinicId,
          patientId,
          log.medicationId,
          log.localDate,
        );
        return count > max
          ? {
              aboveMaxPerDay: true,
              warning: `This is more than the ${String(max)} a day your prescriber set. It is recorded, and your prescriber will be told; please contact your care team if you need more.`,
              count,
              max,
            }
          : { aboveMaxPerDay: false, warning: null, count, max };
      };
      /**
       * Above the maximum reaches the prescriber as well as the patient (issue 11): one event per medication
       * per local day (the dedupe key), in the same transaction as the log.
       */
      const tellPrescriberAboveMax = async (log: DoseLog, w: { count: number; max: number }) => {
        await emitEvent(trx, deps.clock, {
          type: 'dose.as_needed_above_max',
          clinicId: actor.clinicId,
          patientId,
          payload: {
            medicationId: log.medicationId,
            medicationName: regimenOf(schedule, log.medicationId).displayName,
            localDate: log.localDate,
            count: w.count,
            maxPerDay: w.max,
          },
          dedupeKey: `as-needed-above-max:${log.medicationId}:${log.localDate}`,
        });
      };
      const doubleTap = async (doseKey: string): Promise<never> => {
        const current = await repo.findLogByDoseKey(trx, actor.clinicId, patientId, doseKey);
        throw new AppError('conflict', 'This dose is already logged. Correct the existing entry instead.', {
          current: current ? toDoseLog(current) : null,
        });
      };

      const schedule = await patientSchedule(trx, actor.clinicId, patientId);
      const first = await retry();
      if (first) return first;
      const regimen = regimenOf(schedule, input.medicationId);
      const now = deps.clock.now();
      const tz = schedule.timeZone;
      const today = localDate(now, tz);
      const base = {
        id: input.id,
        clinic_id: actor.clinicId,
        patient_id: patientId,
        medication_id: input.medicationId,
        status: input.status,
        skip_reason: input.status === 'skipped' ? (input.skipReason ?? null) : null,
        note: input.note && input.note.length > 0 ? input.note : null,
        logged_by: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      };

      let row: repo.DoseLogRow;
      if (input.doseKey !== null) {
        const key = parseDoseKey(input.doseKey);
        if (key?.medicationId !== input.medicationId)
          throw invalid('body.doseKey', 'This is not a dose of this medication.');
        if (key.localDate > today)
          throw invalid('body.doseKey', 'A dose on a later day cannot be logged yet.');
        const dose = expandScheduledDoses(regimen, key.localDate, key.localDate, tz).find(
          (d) => d.doseKey === input.doseKey,
        );
        if (!dose) throw invalid('body.doseKey', 'This dose is not on the schedule.');
        if (await repo.findLogByDoseKey(trx, actor.clinicId, patientId, dose.doseKey))
          return doubleTap(dose.doseKey);
        const takenAt = input.status === 'taken' ? (input.takenAt ?? now) : null;
        if (takenAt !== null) checkTakenAt(takenAt, now, dose.dueAt);
        row = {
          ...base,
          dose_key: dose.doseKey,
          taken_at: takenAt === null ? null : Math.min(takenAt, now),
          scheduled_for: dose.dueAt,
          local_date: dose.localDate,
          dose_amount: dose.doseAmount,
          dose_unit: dose.doseUnit,
          as_needed: 0,
          late_entry: isLateEntry(now, dose.dueAt) ? 1 : 0,
        };
      } else {
        const takenAt = Math.min(input.takenAt ?? now, now + CLOCK_SKEW_MS);
        checkTakenAt(input.takenAt ?? now, now, null);
        const day = localDate(takenAt, tz);
        const period = periodInEffect(regimen, day);
        if (period?.paused !== false || period.schedule.kind !== 'as_needed')
          throw invalid(
            'body.doseKey',
            'This medication is not taken as needed on that day: log a scheduled dose.',
          );
        row = {
          ...base,
          dose_key: null,
          taken_at: Math.min(takenAt, now),
          scheduled_for: null,
          local_date: day,
          dose_amount: period.doseAmount,
          dose_unit: period.doseUnit,
          as_needed: 1,
          late_entry: isLateEntry(now, takenAt) ? 1 : 0,
        };
      }
      if (!(await repo.insertLog(trx, row))) {
        const again = await retry();
        if (again) return again;
        if (row.dose_key) return doubleTap(row.dose_key);
        throw new Error('dose log insert refused without a conflicting row');
      }
      const stored = await repo.findLog(trx, actor.clinicId, input.id);
      if (!stored) throw new Error('dose log vanished inside its transaction');
      const log = toDoseLog(stored);
      const { count, max, ...answer } = await asNeededWarning(log);
      if (answer.aboveMaxPerDay) await tellPrescriberAboveMax(log, { count, max });
      return { log, ...answer, created: true };
    },
  );
}

/**
 * Corrects a log (status, time, reason, note) within 48 hours of logging it, with If-Match. After the
 * window the log is history and the correction is refused (409 with the deadline in details).
 */
export function correctDose(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  logId: string,
  expectedVersion: number,
  input: DoseCorrection,
): Promise<DoseLog> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'dose.correct', resourceType: 'dose_log', resourceId: logId },
    async (trx) => {
      const row = await repo.findLog(trx, actor.clinicId, logId);
      if (row?.patient_id !== patientId) throw notFound('Dose log');
      const now = deps.clock.now();
      if (!canCorrect(row.created_at, now))
        throw new AppError('conflict', 'Entries can be corrected for 48 hours after they were logged.', {
          reason: 'correction_window_closed',
          correctableUntil: correctableUntil(row.created_at),
        });
      if (row.version !== expectedVersion)
        throw new AppError(
          'precondition_failed',
          'This entry was changed meanwhile. Check it and try again.',
          {
            current: toDoseLog(row),
          },
        );
      const asNeeded = row.as_needed === 1;
      if (asNeeded && input.status === 'skipped')
        throw invalid('body.status', 'An as-needed dose is only logged when taken.');
      let takenAt: number | null = null;
      let doseDate = row.local_date;
      if (input.status === 'taken') {
        const previous = row.taken_at === null ? null : row.taken_at;
        takenAt = input.takenAt ?? previous ?? now;
        const dueAt = row.scheduled_for === null ? null : row.scheduled_for;
        checkTakenAt(takenAt, now, dueAt);
        takenAt = Math.min(takenAt, now);
        if (asNeeded) {
          const { timeZone } = await patientSchedule(trx, actor.clinicId, patientId);
          doseDate = localDate(takenAt, timeZone);
        }
      }
      const note =
        input.note === undefined ? row.note : input.note && input.note.length > 0 ? input.note : null;
      const updated = await repo.updateLog(trx, actor.clinicId, logId, expectedVersion, {
        status: input.status,
        skip_reason: input.status === 'skipped' ? (input.skipReason ?? null) : null,
        note,
        taken_at: takenAt,
        local_date: doseDate,
        updated_at: now,
      });
      const fresh = await repo.findLog(trx, actor.clinicId, logId);
      if (!fresh) throw notFound('Dose log');
      if (!updated)
        throw new AppError(
          'precondition_failed',
          'This entry was changed meanwhile. Check it and try again.',
          {
            current: toDoseLog(fresh),
          },
        );
      return toDoseLog(fresh);
    },
  );
}

/** A patient's logs on local days from..to (the patient and the care team; at most a year at a time). */
export function listLogs(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  from: string,
  to: string,
): Promise<DoseLog[]> {
  if (to < from) throw invalid('query.to', 'The end day is before the start day.');
  if (Date.parse(to) - Date.parse(from) > 366 * 24 * HOUR_MS)
    throw invalid('query.to', 'Ask for at most a year at a time.');
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'dose.list', resourceType: 'dose_log' },
    async (trx) => (await repo.logsOnDays(trx, actor.clinicId, patientId, from, to)).map(toDoseLog),
  );
}
