import { localDate } from '../../../shared/time/index.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { readPatientRecord } from '../../platform/access/patient-access.js';
import { expandScheduledDoses, periodInEffect } from '../../../shared/medications/schedule.js';
import { isDueNow, TODAY_AS_NEEDED_LOGS_MAX } from '../../../shared/doses/today.js';
import type { AsNeededToday, Today, TodayDose } from '../../../shared/doses/schemas.js';
import * as repo from './doses.repository.js';
import { toDoseLog } from './doses.mapper.js';
import { patientSchedule } from './patient-schedule.js';
import { forecastsFor } from './supplies.forecast.js';
import { readReminderSettings } from './reminder-settings.repository.js';

/**
 * Today for the patient (own) and the care team (read): the scheduled doses of the patient's local day with
 * their state, the as-needed medications with today's count against the maximum, and supplies running low.
 */
export function today(deps: AppDeps, actor: Actor, patientId: string): Promise<Today> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'dose.today', resourceType: 'dose_log' },
    async (trx) => {
      const schedule = await patientSchedule(trx, actor.clinicId, patientId);
      const now = deps.clock.now();
      const tz = schedule.timeZone;
      const day = localDate(now, tz);
      const logs = (await repo.logsOnDays(trx, actor.clinicId, patientId, day, day)).map(toDoseLog);
      const byKey = new Map(logs.filter((l) => l.doseKey !== null).map((l) => [l.doseKey, l]));
      const names = new Map(schedule.regimens.map((r) => [r.medicationId, r.displayName]));

      const doses: TodayDose[] = schedule.regimens
        .flatMap((r) => expandScheduledDoses(r, day, day, tz))
        .sort((a, b) => a.dueAt - b.dueAt || a.doseKey.localeCompare(b.doseKey))
        .map((d) => {
          const log = byKey.get(d.doseKey) ?? null;
          const state = log ? log.status : 'due';
          return {
            doseKey: d.doseKey,
            medicationId: d.medicationId,
            name: names.get(d.medicationId) ?? '',
            localDate: d.localDate,
            localTime: d.localTime,
            dueAt: d.dueAt,
            doseAmount: d.doseAmount,
            doseUnit: d.doseUnit,
            state,
            dueNow: state === 'due' && isDueNow(d.dueAt, now),
            log,
          };
        });

      const asNeeded: AsNeededToday[] = [];
      for (const r of schedule.regimens) {
        const period = periodInEffect(r, day);
        if (!period || period.paused || period.schedule.kind !== 'as_needed') continue;
        const mine = logs.filter((l) => l.asNeeded && l.medicationId === r.medicationId);
        // Bounded (issue 19): the latest logs only, and the answer says when earlier ones exist.
        const shown = mine.slice(-TODAY_AS_NEEDED_LOGS_MAX);
        asNeeded.push({
          medicationId: r.medicationId,
          name: r.displayName,
          doseAmount: period.doseAmount,
          doseUnit: period.doseUnit,
          maxPerDay: period.schedule.maxPerDay,
          countToday: mine.filter((l) => l.status === 'taken').length,
          logs: shown,
          hasMoreLogs: shown.length < mine.length,
        });
      }
      const supplies = await forecastsFor(trx, actor.clinicId, schedule, day);
      const settings = await readReminderSettings(trx, actor.clinicId, patientId);
      return {
        today: day,
        timeZone: tz,
        now,
        doses,
        asNeeded,
        lowSupplies: supplies.filter((s) => s.lowSupply),
        reminders: { inApp: settings.inApp },
      };
    },
  );
}
