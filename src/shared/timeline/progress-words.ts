// "My progress" in plain words (issue 14): one sentence per questionnaire, computed here so the server and
// the tests read the same wording. Pure: no clock, no I/O.

export interface ProgressScore {
  instrument: 'phq9' | 'gad7';
  /** YYYY-MM-DD in the patient's zone. */
  day: string;
  /** Null for a partial questionnaire: it has no total and is left out. */
  total: number | null;
}

/** Something the patient started: a medicine ("Sertraline") or a kind of practice ("Thought record"). */
export interface ProgressStart {
  kind: 'medicine' | 'practice';
  name: string;
  /** The day it started (a medicine's start date, the first practice entry's day). */
  day: string;
}

const instrumentNames = { phq9: 'PHQ-9', gad7: 'GAD-7' } as const;
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "2 November 2026" from "2026-11-02". */
export function plainDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${String(date)} ${months[(month ?? 1) - 1] ?? ''} ${String(year)}`;
}

/** Names read inside a sentence: "Sertraline" → "sertraline", "Thought record" → "thought records". */
function inSentence(start: ProgressStart): string {
  const lowered = start.name.charAt(0).toLowerCase() + start.name.slice(1);
  return start.kind === 'practice' ? `${lowered}s` : lowered;
}

/** "a", "a and b", "a, b and c". */
function joined(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/**
 * One sentence per instrument with a scored answer, comparing the first and the latest score. The "since"
 * names what the patient started after their first score and on or before their latest (in start order);
 * with nothing started in between, the sentence says since when. Unscored (partial) answers are left out.
 */
export function progressSentences(
  scores: readonly ProgressScore[],
  starts: readonly ProgressStart[],
): string[] {
  const sentences: string[] = [];
  for (const instrument of ['phq9', 'gad7'] as const) {
    const scored = scores
      .filter((s): s is ProgressScore & { total: number } => s.instrument === instrument && s.total !== null)
      .slice()
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const first = scored[0];
    const last = scored[scored.length - 1];
    if (!first || !last) continue;
    const name = instrumentNames[instrument];
    if (scored.length === 1) {
      sentences.push(`Your first ${name} score was ${String(first.total)}, on ${plainDate(first.day)}.`);
      continue;
    }
    const between = starts
      .filter((s) => s.day > first.day && s.day <= last.day)
      .slice()
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.name.localeCompare(b.name)));
    const names = [...new Set(between.map(inSentence))];
    const since = names.length > 0 ? `since you started ${joined(names)}` : `since ${plainDate(first.day)}`;
    const from = String(first.total);
    const to = String(last.total);
    if (last.total < first.total) sentences.push(`Your ${name} has fallen from ${from} to ${to} ${since}.`);
    else if (last.total > first.total)
      sentences.push(`Your ${name} has gone up from ${from} to ${to} ${since}.`);
    else sentences.push(`Your ${name} is ${to}, the same as on ${plainDate(first.day)}.`);
  }
  return sentences;
}
