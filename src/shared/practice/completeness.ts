import { entryRisk } from './risk.js';
import type { PracticeContentByType, PracticeType } from './content.js';

export interface Missing {
  path: string;
  message: string;
}

/**
 * What an entry needs before the patient can mark it done. Drafts may be anything the schema allows;
 * "done" asks only for the heart of each exercise, so a tired patient is not blocked by an empty box.
 */
export function missingForDone<T extends PracticeType>(
  type: T,
  content: PracticeContentByType[T],
): Missing[] {
  // An entry at risk of self-harm can always be sent: the alert must never wait for the rest of the form
  // (issue 12, risk.ts).
  if (entryRisk(type, content).length > 0) return [];
  const out: Missing[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) out.push({ path, message });
  };
  switch (type) {
    case 'thought_record': {
      const c = content as PracticeContentByType['thought_record'];
      need(c.situation !== '', 'situation', 'Say briefly what happened.');
      need(
        c.moods.some((m) => m.intensity !== null),
        'moods',
        'Name at least one mood and rate how strong it was.',
      );
      need(c.thoughts.length > 0, 'thoughts', 'Write down at least one thought that went through your mind.');
      need(c.balancedThought !== '', 'balancedThought', 'Write a more balanced thought.');
      break;
    }
    case 'behavioural_activation': {
      const c = content as PracticeContentByType['behavioural_activation'];
      need(
        c.blocks.some((b) => b.actual !== '' || b.done !== null),
        'blocks',
        'Note at least one thing you did.',
      );
      break;
    }
    case 'diary_card': {
      const c = content as PracticeContentByType['diary_card'];
      need(
        c.emotions.some((e) => e.rating !== null) || c.distress !== null,
        'emotions',
        'Rate at least one feeling or your distress.',
      );
      break;
    }
    case 'ipt_log': {
      const c = content as PracticeContentByType['ipt_log'];
      need(c.whatHappened !== '', 'whatHappened', 'Say briefly what happened.');
      break;
    }
    case 'free_form': {
      const c = content as PracticeContentByType['free_form'];
      need(c.response !== '', 'response', 'Write your response.');
      break;
    }
  }
  return out;
}
