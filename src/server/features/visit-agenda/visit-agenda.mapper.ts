import type { AgendaItem } from '../../../shared/visit-agenda/api.js';
import {
  patientMayChange,
  type AgendaAddressee,
  type AgendaStatus,
} from '../../../shared/visit-agenda/rules.js';
import type { AgendaRow } from './visit-agenda.repository.js';

export function toAgendaItem(row: AgendaRow, names: ReadonlyMap<string, string>, now: number): AgendaItem {
  const status = row.status as AgendaStatus;
  const appointmentStartsAt = row.appointment_id === null ? null : (row.appointment_starts_at ?? null);
  return {
    id: row.id,
    patientId: row.patient_id,
    addressedTo: row.addressed_to as AgendaAddressee,
    appointmentId: row.appointment_id,
    appointmentStartsAt,
    text: row.text,
    status,
    discussedByName: row.discussed_by === null ? null : (names.get(row.discussed_by) ?? null),
    discussedAt: row.discussed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    changeable: patientMayChange({ status, appointmentStartsAt }, now),
  };
}
