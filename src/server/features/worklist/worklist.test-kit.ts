import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { insertAppointment } from '../appointments/index.js';
import { localDateTime } from '../../../shared/time/index.js';

/** Builders the worklist and schedule tests share: rows as their owning features write them. */
export async function anAppointment(
  db: Db,
  a: {
    clinicId: string;
    patientId: string;
    clinicianId: string;
    startsAt: number;
    zone?: string;
    status?: 'scheduled' | 'attended' | 'no_show' | 'cancelled';
    type?: 'therapy_session' | 'medication_review';
    room?: string | null;
    telehealthUrl?: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  const zone = a.zone ?? 'UTC';
  const { date, time } = localDateTime(a.startsAt, zone);
  await insertAppointment(db, {
    id,
    clinic_id: a.clinicId,
    patient_id: a.patientId,
    series_id: null,
    type: a.type ?? 'therapy_session',
    clinician_id: a.clinicianId,
    mode: 'in_person',
    local_day: date,
    local_time: time,
    time_zone: zone,
    starts_at: a.startsAt,
    ends_at: a.startsAt + 50 * 60_000,
    duration_minutes: 50,
    location: null,
    ...(a.room !== undefined ? { room: a.room } : {}),
    ...(a.telehealthUrl !== undefined ? { telehealth_url: a.telehealthUrl } : {}),
    status: a.status ?? 'scheduled',
    cancelled_by: null,
    cancelled_late: null,
    cancel_reason: null,
    status_set_by: null,
    status_set_at: null,
    created_by: a.clinicianId,
    created_at: a.startsAt - 86_400_000,
    updated_at: a.startsAt - 86_400_000,
    version: 1,
  });
  return id;
}

/** A message in a new conversation with the patient, written by `authorId`. */
export async function aMessage(db: Db, clinicId: string, patientId: string, authorId: string, at: number) {
  const conversationId = randomUUID();
  await db
    .insertInto('conversations')
    .values({
      id: conversationId,
      clinic_id: clinicId,
      patient_id: patientId,
      kind: 'patient',
      team_key: null,
      subject: 'A question',
      started_by: authorId,
      created_at: at,
      last_message_at: at,
      awaiting_message_id: null,
      awaiting_since: null,
      unanswered_emitted_for: null,
    })
    .execute();
  await db
    .insertInto('messages')
    .values({
      id: randomUUID(),
      clinic_id: clinicId,
      patient_id: patientId,
      conversation_id: conversationId,
      author_id: authorId,
      body: 'Hello',
      mentions: '[]',
      created_at: at,
      sort_key: String(at).padStart(15, '0'),
    })
    .execute();
  return conversationId;
}

/** A completed practice entry (and its assignment), optionally already commented on. */
export async function aPracticeEntry(
  db: Db,
  e: {
    clinicId: string;
    patientId: string;
    therapistId: string;
    completedAt: number;
    sharing: 'team' | 'therapist';
    commented?: boolean;
  },
) {
  const assignment = randomUUID();
  const day = localDateTime(e.completedAt, 'UTC').date;
  await db
    .insertInto('practice_assignments')
    .values({
      id: assignment,
      clinic_id: e.clinicId,
      patient_id: e.patientId,
      type: 'thought_record',
      library_version: '1',
      instructions: '',
      frequency: '{"kind":"daily"}',
      start_day: day,
      due_day: day,
      ipt_problem_area: null,
      status: 'active',
      ended_at: null,
      ended_by: null,
      ended_day: null,
      assigned_by: e.therapistId,
      created_at: e.completedAt,
      updated_at: e.completedAt,
      version: 1,
    })
    .execute();
  const entry = randomUUID();
  await db
    .insertInto('practice_entries')
    .values({
      id: entry,
      clinic_id: e.clinicId,
      patient_id: e.patientId,
      assignment_id: assignment,
      type: 'thought_record',
      sharing: e.sharing,
      status: 'done',
      content: '{}',
      day,
      started_at: e.completedAt,
      updated_at: e.completedAt,
      completed_at: e.completedAt,
      version: 1,
    })
    .execute();
  if (e.commented)
    await db
      .insertInto('practice_comments')
      .values({
        id: randomUUID(),
        clinic_id: e.clinicId,
        patient_id: e.patientId,
        entry_id: entry,
        author_id: e.therapistId,
        text: 'Well done',
        created_at: e.completedAt + 1,
      })
      .execute();
}
