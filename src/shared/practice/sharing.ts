import { z } from 'zod';
import type { iptProblemAreas } from '../treatment-plans/schemas.js';

export type IptProblemArea = (typeof iptProblemAreas)[number];

/**
 * Who may read a completed entry besides the patient:
 * - team: everyone on the care team;
 * - therapist: the therapist(s) on the care team only. The prescriber and the care manager never see it:
 *   its id answers 404 and lists leave it out. Completion counts still count it (they say "done", never
 *   what was written), and the patient is told so where they choose.
 * Drafts are the patient's alone, whatever the choice.
 */
export const sharingChoices = ['team', 'therapist'] as const;
export const sharingSchema = z.enum(sharingChoices);
export type Sharing = z.infer<typeof sharingSchema>;

export type Viewer = 'patient' | 'therapist' | 'prescriber' | 'care_manager';

/** Whether a viewer on the team may read an entry (the patient's own record is checked before this). */
export function canViewEntry(viewer: Viewer, entry: { status: 'draft' | 'done'; sharing: Sharing }): boolean {
  if (viewer === 'patient') return true;
  if (entry.status !== 'done') return false;
  if (viewer === 'therapist') return true;
  return entry.sharing === 'team';
}

/** The patient-facing words for each choice. */
export const sharingWords: Record<Sharing, { label: string; explains: string }> = {
  team: {
    label: 'My whole care team',
    explains: 'Your therapist, prescriber and care manager can read it.',
  },
  therapist: {
    label: 'My therapist only',
    explains:
      'Only your therapist can read it. Your prescriber and care manager see that you did it, not what you wrote.',
  },
};
