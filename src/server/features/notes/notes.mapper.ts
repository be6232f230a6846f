import type { Role } from '../../../shared/access/roles.js';
import {
  progressNoteContentSchema,
  type Addendum,
  type NoteFormat,
  type ProgressNote,
  type PsychotherapyNote,
  type TeamSummary,
  type TeamSummaryKind,
} from '../../../shared/notes/schemas.js';
import type { PsychotherapyNoteTable } from '../../db/schema-notes.js';
import type { AddendumRow, ProgressNoteRow, TeamSummaryRow } from './notes.repository.js';

export function toAddendum(r: AddendumRow): Addendum {
  return {
    id: r.id,
    text: r.text,
    writtenBy: { id: r.written_by, name: r.writer_name, role: r.writer_role as Role },
    writtenAt: r.written_at,
  };
}

export function toProgressNote(r: ProgressNoteRow, addenda: AddendumRow[]): ProgressNote {
  return {
    id: r.id,
    patientId: r.patient_id,
    appointmentId: r.appointment_id,
    sessionDate: r.session_date,
    format: r.format as NoteFormat,
    // Parsed with defaults, so a field added later reads as empty on older notes.
    content: progressNoteContentSchema.parse(JSON.parse(r.content)),
    status: r.status as 'draft' | 'signed',
    author: { id: r.author_id, name: r.author_name, role: r.author_role as Role },
    version: r.version,
    signedBy:
      r.signed_by && r.signer_name
        ? { id: r.signed_by, name: r.signer_name, role: r.signer_role as Role }
        : null,
    signedAt: r.signed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    addenda: addenda.filter((a) => a.note_id === r.id).map(toAddendum),
  };
}

export function toPsychotherapyNote(r: PsychotherapyNoteTable): PsychotherapyNote {
  return {
    id: r.id,
    patientId: r.patient_id,
    sessionDate: r.session_date,
    text: r.text,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toTeamSummary(r: TeamSummaryRow): TeamSummary {
  return {
    kind: r.kind as TeamSummaryKind,
    version: r.version,
    text: r.text,
    writtenBy: { id: r.written_by, name: r.writer_name, role: r.writer_role as Role },
    writtenAt: r.written_at,
  };
}
