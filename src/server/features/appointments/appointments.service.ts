import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { readPatientRecord, withPatientRecord } from '../../platform/access/patient-access.js';
import { newId } from '../../platform/ids.js';
import { clinicSettings } from '../clinic/index.js';
import { appointmentSettings } from '../../../shared/appointments/settings.js';
import { expandBooking, occurrenceAt, shiftOccurrence } from '../../../shared/appointments/recurrence.js';
import { isLateCancellation } from '../../../shared/appointments/attendance.js';
import {
  attendanceTypes,
  bookableTypes,
  canManage,
  defaultTypeFor,
  ownerRoleOf,
} from '../../../shared/appointments/permissions.js';
import {
  newAppointmentSchema,
  type Appointment,
  type AppointmentList,
  type AppointmentType,
  type CancelRequest,
  type NewAppointment,
  type Reschedule,
} from '../../../shared/appointments/schemas.js';
import * as repo from './appointments.repository.js';
import { appointmentOf, forbidden, patientOf, stale } from './appointment-guards.js';
import { toAppointment } from './appointments.mapper.js';
import { APPOINTMENTS_MAX } from '../../../shared/lists/limits.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

/** A patient's appointments (all, upcoming or past), with what the caller may do with them. */
export function listAppointments(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  when: 'all' | 'upcoming' | 'past',
): Promise<AppointmentList> {
  return readPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'appointment.list', resourceType: 'appointment' },
    async (trx) => {
      const patient = await patientOf(trx, actor, patientId);
      const now = deps.clock.now();
      const found = await repo.appointmentsOfPatientBounded(
        trx,
        actor.clinicId,
        patientId,
        when,
        now,
        APPOINTMENTS_MAX + 1,
      );
      const rows = found
        .slice(0, APPOINTMENTS_MAX)
        .sort((a, b) => a.starts_at - b.starts_at || a.id.localeCompare(b.id));
      return {
        timeZone: patient.timeZone,
        canBook: bookableTypes(actor.role),
        canSetAttendance: attendanceTypes(actor.role),
        appointments: rows.map(toAppointment),
        hasMore: found.length > rows.length,
      };
    },
  );
}

async function existingBooking(trx: Db, actor: Actor, patientId: string, id: string) {
  const single = await repo.findAppointment(trx, actor.clinicId, id);
  const series = single ? undefined : await repo.findSeries(trx, actor.clinicId, id);
  if (!single && !series) return null;
  if ((single ?? series)?.patient_id !== patientId)
    throw new AppError('conflict', 'This booking id is already used. Send a new id.', [
      { path: 'body.id', message: 'Already used' },
    ]);
  if (single) return [toAppointment(single)];
  const rows = await repo.seriesFrom(trx, actor.clinicId, id, Number.MIN_SAFE_INTEGER);
  return rows.map(toAppointment);
}

/**
 * Books a single appointment or a weekly/fortnightly series in the patient's time zone. The type follows
 * the caller's role (shared/appointments/permissions.ts). Idempotent on the client's id: a retry answers
 * the first booking.
 */
export function bookAppointments(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  raw: NewAppointment,
): Promise<{ created: boolean; appointments: Appointment[] }> {
  const input = newAppointmentSchema.parse(raw);
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'appointment.book', resourceType: 'appointment', resourceId: input.id },
    async (trx) => {
      const first = await existingBooking(trx, actor, patientId, input.id);
      if (first) return { created: false, appointments: first };

      const type: AppointmentType | null = input.type ?? defaultTypeFor(actor.role);
      if (!type || !bookableTypes(actor.role).includes(type))
        throw forbidden(
          type === 'medication_review'
            ? 'Medication reviews are booked by the prescriber (or the care manager).'
            : 'Therapy sessions are booked by the therapist (or the care manager).',
          'appointment_type_not_yours',
        );
      let clinicianId = actor.userId;
      if (actor.role !== ownerRoleOf[type]) {
        // The first team member in the owner's role, in the order they joined the team.
        const owner = (await patientBasics(trx, actor.clinicId, patientId))?.careTeam.find(
          (m) => m.role === ownerRoleOf[type],
        )?.userId;
        if (!owner)
          throw new AppError(
            'conflict',
            `This patient has no ${ownerRoleOf[type]} on the care team to hold this appointment.`,
            [{ path: 'body.type', message: 'no_clinician_for_type' }],
          );
        clinicianId = owner;
      }

      const patient = await patientOf(trx, actor, patientId);
      const now = deps.clock.now();
      const occurrences = expandBooking({
        day: input.day,
        time: input.time,
        timeZone: patient.timeZone,
        durationMinutes: input.durationMinutes,
        recurrence: input.recurrence,
      });
      if (occurrences.length === 0)
        throw new AppError('validation_failed', 'The end date is before the first appointment.', [
          { path: 'body.recurrence.untilDay', message: 'Before the first appointment' },
        ]);
      if ((occurrences[0]?.startsAt ?? 0) <= now)
        throw new AppError('validation_failed', 'The first appointment is in the past.', [
          { path: 'body.day', message: 'In the past' },
        ]);

      const seriesId = input.recurrence ? input.id : null;
      if (input.recurrence) {
        const inserted = await repo.insertSeries(trx, {
          id: input.id,
          clinic_id: actor.clinicId,
          patient_id: patientId,
          frequency: input.recurrence.frequency,
          count: input.recurrence.count ?? null,
          until_day: input.recurrence.untilDay ?? null,
          created_by: actor.userId,
          created_at: now,
        });
        if (!inserted) throw new AppError('conflict', 'This booking is being saved already. Try again.');
      }
      const ids: string[] = [];
      for (const o of occurrences) {
        const id = seriesId === null ? input.id : newId();
        ids.push(id);
        const inserted = await repo.insertAppointment(trx, {
          id,
          clinic_id: actor.clinicId,
          patient_id: patientId,
          series_id: seriesId,
          type,
          clinician_id: clinicianId,
          mode: input.mode,
          local_day: o.day,
          local_time: o.time,
          time_zone: patient.timeZone,
          starts_at: o.startsAt,
          ends_at: o.endsAt,
          duration_minutes: input.durationMinutes,
          location: input.location === '' ? null : input.location,
          room: input.room === '' ? null : input.room,
          telehealth_url: input.telehealthUrl,
          status: 'scheduled',
          cancelled_by: null,
          cancelled_late: null,
          cancel_reason: null,
          status_set_by: null,
          status_set_at: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        if (!inserted) throw new AppError('conflict', 'This booking id is already used. Send a new id.');
      }
      const rows = await repo.appointmentsOfPatient(trx, actor.clinicId, patientId, {
        from: (occurrences[0]?.startsAt ?? now) - 1,
      });
      const made = new Set(ids);
      return { created: true, appointments: rows.filter((r) => made.has(r.id)).map(toAppointment) };
    },
  );
}

/** The appointments an edit touches: this one, or this one and the later ones of its series still scheduled. */
async function targetsOf(
  trx: Db,
  actor: Actor,
  row: repo.AppointmentRow,
  scope: 'one' | 'this_and_following',
) {
  if (scope === 'one' || row.series_id === null) return [row];
  const rows = await repo.seriesFrom(trx, actor.clinicId, row.series_id, row.starts_at);
  return rows.filter((r) => r.id === row.id || r.status === 'scheduled');
}

async function saveAll(
  trx: Db,
  actor: Actor,
  targets: repo.AppointmentRow[],
  patchOf: (r: repo.AppointmentRow) => Parameters<typeof repo.updateAppointment>[4],
): Promise<Appointment[]> {
  const out: Appointment[] = [];
  for (const t of targets) {
    const ok = await repo.updateAppointment(trx, actor.clinicId, t.id, t.version, patchOf(t));
    if (!ok) throw new AppError('conflict', 'An appointment of this series changed meanwhile. Try again.');
    const fresh = await repo.findAppointment(trx, actor.clinicId, t.id);
    if (fresh) out.push(toAppointment(fresh));
  }
  return out;
}

/** Moves one appointment, or it and the rest of its series (each shifts by the same days, at the new time). */
export function rescheduleAppointment(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  appointmentId: string,
  version: number,
  input: Reschedule,
): Promise<Appointment[]> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'appointment.reschedule', resourceType: 'appointment', resourceId: appointmentId },
    async (trx) => {
      const row = await appointmentOf(trx, actor, patientId, appointmentId);
      const type = toAppointment(row).type;
      if (!canManage(actor.role, type))
        throw forbidden(
          'Only the clinician who holds this kind of appointment (or the care manager) can move it.',
          'appointment_type_not_yours',
        );
      if (row.version !== version) throw stale(toAppointment(row));
      if (row.status !== 'scheduled')
        throw new AppError('conflict', 'Only a scheduled appointment can be moved.', [
          { path: 'status', message: row.status },
        ]);
      const patient = await patientOf(trx, actor, patientId);
      const now = deps.clock.now();
      const duration = input.durationMinutes ?? row.duration_minutes;
      const moved = occurrenceAt(input.day, input.time, patient.timeZone, duration);
      if (moved.startsAt <= now)
        throw new AppError('validation_failed', 'The new time is in the past.', [
          { path: 'body.day', message: 'In the past' },
        ]);
      const targets = await targetsOf(trx, actor, row, input.scope ?? 'one');
      return saveAll(trx, actor, targets, (t) => {
        const o =
          t.id === row.id
            ? moved
            : shiftOccurrence(
                { day: t.local_day },
                { fromDay: row.local_day, toDay: input.day, time: input.time },
                patient.timeZone,
                input.durationMinutes ?? t.duration_minutes,
              );
        return {
          local_day: o.day,
          local_time: o.time,
          time_zone: patient.timeZone,
          starts_at: o.startsAt,
          ends_at: o.endsAt,
          duration_minutes: (o.endsAt - o.startsAt) / 60_000,
          ...(input.mode === undefined ? {} : { mode: input.mode }),
          ...(input.location === undefined
            ? {}
            : { location: input.location === '' ? null : input.location }),
          ...(input.room === undefined ? {} : { room: input.room === '' ? null : input.room }),
          ...(input.telehealthUrl === undefined ? {} : { telehealth_url: input.telehealthUrl }),
          updated_at: now,
        };
      });
    },
  );
}

/**
 * Cancels one appointment (the patient, their own upcoming one) or it and the rest of its series (the
 * clinician). Recorded: who cancelled and whether it was late (less than the clinic's notice, default 24 h).
 */
export function cancelAppointment(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  appointmentId: string,
  version: number,
  input: CancelRequest,
): Promise<Appointment[]> {
  return withPatientRecord(
    deps,
    actor,
    patientId,
    { action: 'appointment.cancel', resourceType: 'appointment', resourceId: appointmentId },
    async (trx) => {
      const row = await appointmentOf(trx, actor, patientId, appointmentId);
      const byPatient = actor.role === 'patient';
      const now = deps.clock.now();
      if (!byPatient && !canManage(actor.role, toAppointment(row).type))
        throw forbidden(
          'Only the clinician who holds this kind of appointment (or the care manager) can cancel it.',
          'appointment_type_not_yours',
        );
      if (row.status === 'cancelled') return [toAppointment(row)]; // a double tap
      if (row.version !== version) throw stale(toAppointment(row));
      if (row.status !== 'scheduled')
        throw new AppError(
          'conflict',
          'This appointment already happened or was missed; it cannot be cancelled.',
        );
      if (byPatient && row.starts_at <= now)
        throw new AppError('conflict', 'This appointment has already started.');
      if (byPatient && input.scope === 'this_and_following')
        throw forbidden(
          'You can cancel one appointment at a time; ask your care team to change a series.',
          'patient_cancels_one',
        );
      const notice = appointmentSettings(await clinicSettings(trx, actor.clinicId)).lateCancellationHours;
      const targets = await targetsOf(trx, actor, row, input.scope ?? 'one');
      return saveAll(trx, actor, targets, (t) => ({
        status: 'cancelled',
        cancelled_by: byPatient ? 'patient' : 'clinician',
        cancelled_late: isLateCancellation(t.starts_at, now, notice) ? 1 : 0,
        cancel_reason: input.reason ?? null,
        status_set_by: actor.userId,
        status_set_at: now,
        updated_at: now,
      }));
    },
  );
}
