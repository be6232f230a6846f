import { z } from 'zod';
import { roleSchema } from '../../../shared/access/roles.js';
import { completionOf, type Frequency } from '../../../shared/practice/completion.js';
import { contentSchemas, practiceTypeSchema } from '../../../shared/practice/content.js';
import { practiceKind } from '../../../shared/practice/library.js';
import {
  frequencySchema,
  iptProblemAreaSchema,
  type PracticeAssignment,
  type PracticeComment,
  type PracticeEntry,
} from '../../../shared/practice/schemas.js';
import { sharingSchema } from '../../../shared/practice/sharing.js';
import type { AssignmentRow, CommentRow, EntryRow } from './practice.repository.js';

export const parseFrequency = (json: string): Frequency => frequencySchema.parse(JSON.parse(json));

/** A stored assignment as the API shows it, with its completion computed for today. */
export function toAssignment(
  row: AssignmentRow,
  ctx: { today: string; doneDays: readonly string[]; draftEntryId: string | null },
): PracticeAssignment {
  const type = practiceTypeSchema.parse(row.type);
  const frequency = parseFrequency(row.frequency);
  const status = z.enum(['active', 'ended']).parse(row.status);
  return {
    id: row.id,
    patientId: row.patient_id,
    type,
    libraryVersion: row.library_version,
    instructions: row.instructions,
    frequency,
    startDay: row.start_day,
    dueDay: row.due_day,
    iptProblemArea: row.ipt_problem_area === null ? null : iptProblemAreaSchema.parse(row.ipt_problem_area),
    status,
    overdue: status === 'active' && row.due_day < ctx.today,
    endedAt: row.ended_at,
    endedBy: row.ended_by === null ? null : { userId: row.ended_by, name: row.ended_by_name ?? '' },
    assignedBy: { userId: row.assigned_by, name: row.assigned_by_name },
    createdAt: row.created_at,
    version: row.version,
    defaultSharing: practiceKind(type).defaultSharing,
    completion: completionOf({
      frequency,
      startDay: row.start_day,
      dueDay: row.due_day,
      endedDay: row.ended_day,
      today: ctx.today,
      doneDays: ctx.doneDays,
    }),
    lastDoneDay: ctx.doneDays.reduce<string | null>((a, d) => (a === null || d > a ? d : a), null),
    draftEntryId: ctx.draftEntryId,
  };
}

export function toComment(row: CommentRow): PracticeComment {
  return {
    id: row.id,
    text: row.text,
    author: { userId: row.author_id, name: row.author_name, role: roleSchema.parse(row.author_role) },
    createdAt: row.created_at,
  };
}

/** A stored entry with its comments; the content is parsed with its type's schema on the way out. */
export function toEntry(row: EntryRow, comments: readonly CommentRow[]): PracticeEntry {
  const type = practiceTypeSchema.parse(row.type);
  const base = {
    id: row.id,
    patientId: row.patient_id,
    assignmentId: row.assignment_id,
    day: row.day,
    sharing: sharingSchema.parse(row.sharing),
    status: z.enum(['draft', 'done']).parse(row.status),
    version: row.version,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    comments: comments.filter((c) => c.entry_id === row.id).map(toComment),
  };
  const raw: unknown = JSON.parse(row.content);
  switch (type) {
    case 'thought_record':
      return { ...base, type, content: contentSchemas.thought_record.parse(raw) };
    case 'behavioural_activation':
      return { ...base, type, content: contentSchemas.behavioural_activation.parse(raw) };
    case 'diary_card':
      return { ...base, type, content: contentSchemas.diary_card.parse(raw) };
    case 'ipt_log':
      return { ...base, type, content: contentSchemas.ipt_log.parse(raw) };
    case 'free_form':
      return { ...base, type, content: contentSchemas.free_form.parse(raw) };
  }
}
