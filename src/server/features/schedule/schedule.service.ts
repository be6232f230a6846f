import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { clinicSettings } from '../clinic/index.js';
import { addDays, instantAt } from '../../../shared/time/index.js';
import { outsidePatientDaytime } from '../../../shared/schedule/daytime.js';
import type { ScheduleQuery, ScheduleResponse } from '../../../shared/schedule/schemas.js';
import {
  appointmentModeSchema,
  appointmentStatusSchema,
  appointmentTypeSchema,
} from '../../../shared/appointments/schemas.js';
import * as repo from './schedule.repository.js';

const onTeam = (v: unknown) => v === true || Number(v) === 1;

/**
 * The day or week schedule (issue 15): one clinician's appointments (default the caller's own) or the
 * clinic's (`clinician=all`) over local days in the viewer's zone. The patient is named only where the
 * viewer is on the care team (a clinician reaches only their own teams' records); others show as booked
 * time. Audited like the lists: one `schedule.read` event per patient named (none named: one event).
 */
export async function readSchedule(
  deps: AppDeps,
  actor: Actor,
  query: ScheduleQuery,
): Promise<ScheduleResponse> {
  const db = deps.database.db;
  const { clinicId } = actor;
  const zone = query.zone ?? (await clinicSettings(db, clinicId)).clinicTimeZone ?? 'UTC';
  const clinician = query.clinician ?? actor.userId;
  const clinicians = await repo.cliniciansOf(db, clinicId);
  if (clinician !== 'all' && !clinicians.some((c) => c.id === clinician))
    throw new AppError('validation_failed', 'No active clinician with this id in the clinic.', [
      { path: 'querystring.clinician', message: 'Choose a clinician of this clinic.' },
    ]);
  const from = instantAt(query.from, '00:00', zone);
  const to = instantAt(addDays(query.to, 1), '00:00', zone);
  const rows = await repo.appointmentsBetween(db, clinicId, actor.userId, {
    from,
    to,
    clinicianId: clinician === 'all' ? null : clinician,
  });
  const appointments = rows.map((r) => {
    const named = onTeam(r.on_team);
    return {
      appointmentId: r.id,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      type: appointmentTypeSchema.parse(r.type),
      mode: appointmentModeSchema.parse(r.mode),
      status: appointmentStatusSchema.parse(r.status),
      room: r.room ?? null,
      telehealthUrl: named ? (r.telehealth_url ?? null) : null,
      location: named ? r.location : null,
      clinicianId: r.clinician_id,
      clinicianName: r.clinician_name,
      patient: named
        ? { id: r.patient_id, givenName: r.given_name, familyName: r.family_name, timeZone: r.time_zone }
        : null,
      outsidePatientDaytime: named && outsidePatientDaytime(r.starts_at, r.ends_at, r.time_zone).outside,
    };
  });
  // One list event naming the patients shown (issue 19: in each one's access report).
  await deps.audit.recordListRead(clinicId, actor, {
    action: 'schedule.read',
    resourceType: 'schedule',
    resourceId: null,
    patientIds: appointments.flatMap((a) => (a.patient ? [a.patient.id] : [])),
  });
  return {
    zone,
    from: query.from,
    to: query.to,
    clinician,
    clinicians: clinicians.map((c) => ({ id: c.id, name: c.name, role: c.role })),
    appointments,
  };
}
