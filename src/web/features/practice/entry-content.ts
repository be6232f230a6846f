import {
  contentSchemas,
  type PracticeContent,
  type PracticeContentByType,
  type PracticeType,
} from '../../../shared/practice/content';
import { activityBlockDefaults, diaryDefaults } from '../../../shared/practice/library';
import type { PracticeAssignment } from '../../../shared/practice/schemas';

/** A new entry's starting content: the usual rows filled in, nothing rated. */
export function initialContent(a: PracticeAssignment): PracticeContent {
  switch (a.type) {
    case 'behavioural_activation':
      return contentSchemas.behavioural_activation.parse({
        blocks: activityBlockDefaults.map((block) => ({ block })),
      });
    case 'diary_card':
      return contentSchemas.diary_card.parse({
        emotions: diaryDefaults.emotions.map((name) => ({ name })),
        urges: diaryDefaults.urges.map((behaviour) => ({ behaviour })),
      });
    case 'ipt_log':
      return contentSchemas.ipt_log.parse({ problemArea: a.iptProblemArea });
    default:
      return contentSchemas[a.type].parse({});
  }
}

/**
 * What is sent on autosave: rows the patient has started but not named yet are left out (a mood without a
 * name is not a mood), so a half-typed screen always saves.
 */
export function forSaving(type: PracticeType, content: PracticeContent): PracticeContent {
  if (type === 'thought_record') {
    const c = content as PracticeContentByType['thought_record'];
    return {
      ...c,
      moods: c.moods.filter((m) => m.name.trim() !== ''),
      thoughts: c.thoughts.filter((t) => t.text.trim() !== ''),
    };
  }
  return content;
}
