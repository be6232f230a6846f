import type { PracticeAssignment } from '../../../shared/practice/schemas';
import { frequencyWords } from '../../../shared/practice/completion';
import { formatDay } from '../../components/format';

export { frequencyWords };

/** "2 of 3 (67%)", or a plain count while nothing is expected yet. */
export function completionWords(a: PracticeAssignment): string {
  const c = a.completion;
  if (c.rate === null) return c.done === 0 ? 'Nothing done yet' : `${String(c.done)} done so far`;
  return `${String(c.completed)} of ${String(c.expected)} (${String(Math.round(c.rate * 100))}%)`;
}

export function dueWords(a: PracticeAssignment): string {
  if (a.status === 'ended') return 'Ended';
  return a.frequency.kind === 'once' ? `Due ${formatDay(a.dueDay)}` : `Until ${formatDay(a.dueDay)}`;
}
