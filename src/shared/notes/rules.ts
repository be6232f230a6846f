import type { TeamSummaryKind } from './schemas.js';
import type { NoteFormat, ProgressNoteContent } from './schemas.js';
import type { Role } from '../access/roles.js';

export interface Missing {
  path: string;
  message: string;
}

const blank = (s: string) => s.trim().length === 0;

/**
 * What a progress note still needs before it can be signed. A signed note is locked for good, so the
 * record it leaves must be complete: the focus, the risk check (with what was discussed when risk was
 * discussed), the format's own sections and the plan. Interventions and practice may be empty: not
 * every session uses a named technique or assigns practice.
 */
export function missingForSignature(format: NoteFormat, c: ProgressNoteContent): Missing[] {
  const missing: Missing[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) missing.push({ path: `content.${path}`, message });
  };
  need(!blank(c.focus), 'focus', 'Say what the session focused on.');
  need(c.risk.status !== null, 'risk.status', 'Record the risk check.');
  need(
    c.risk.status !== 'risk_discussed' || !blank(c.risk.details),
    'risk.details',
    'Say what was discussed about risk.',
  );
  if (format === 'soap') {
    need(!blank(c.subjective), 'subjective', 'Write the subjective section.');
    need(!blank(c.objective), 'objective', 'Write the objective section.');
  } else {
    need(!blank(c.data), 'data', 'Write the data section.');
  }
  need(!blank(c.assessment), 'assessment', 'Write the assessment.');
  need(!blank(c.plan), 'plan', 'Write the plan.');
  return missing;
}

/** Who keeps each team summary: therapy by the therapist, medication by the prescriber. */
export const summaryKeeper: Record<TeamSummaryKind, Role> = {
  therapy: 'therapist',
  medication: 'prescriber',
};

export function canWriteSummary(role: Role, kind: TeamSummaryKind): boolean {
  return summaryKeeper[kind] === role;
}
