// Display wording for notes. Labels of interventions and the risk check live in src/shared/notes.
import type { NoteFormat, ProgressNoteContent } from '../../../shared/notes/schemas';

export const formatLabels: Record<NoteFormat, string> = {
  soap: 'SOAP (subjective, objective, assessment, plan)',
  dap: 'DAP (data, assessment, plan)',
};

export const shortFormat: Record<NoteFormat, string> = { soap: 'SOAP', dap: 'DAP' };

type Section = keyof Pick<ProgressNoteContent, 'subjective' | 'objective' | 'data' | 'assessment' | 'plan'>;

/** The sections of each format, in order, with a hint of what belongs there. */
export const sectionsOf: Record<NoteFormat, { key: Section; label: string; hint: string }[]> = {
  soap: [
    {
      key: 'subjective',
      label: 'Subjective',
      hint: 'What the patient reported, in their words where it helps.',
    },
    { key: 'objective', label: 'Objective', hint: 'What you observed; scores reviewed.' },
    {
      key: 'assessment',
      label: 'Assessment',
      hint: 'Your clinical view of progress and the current picture.',
    },
    { key: 'plan', label: 'Plan', hint: 'Next steps, next session, anything to tell the team.' },
  ],
  dap: [
    { key: 'data', label: 'Data', hint: 'What was reported and observed in the session.' },
    {
      key: 'assessment',
      label: 'Assessment',
      hint: 'Your clinical view of progress and the current picture.',
    },
    { key: 'plan', label: 'Plan', hint: 'Next steps, next session, anything to tell the team.' },
  ],
};

/** Today in the browser's zone as YYYY-MM-DD (the clinician writes about a session they just had). */
export function todayLocal(now: Date = new Date()): string {
  const y = String(now.getFullYear());
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
