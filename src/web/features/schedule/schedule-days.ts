// Which local days a schedule view shows (issue 15). Calendar arithmetic only, from the time module.
import { addDays, weekdayOf } from '../../../shared/time/index';

export type ScheduleView = 'day' | 'week';

/** The days shown: the anchor day alone, or its week from Monday to Sunday. */
export function daysShown(anchor: string, view: ScheduleView): { from: string; to: string } {
  if (view === 'day') return { from: anchor, to: anchor };
  const monday = addDays(anchor, 1 - weekdayOf(anchor));
  return { from: monday, to: addDays(monday, 6) };
}

/** The anchor one step back or forward (a day or a week). */
export function stepFrom(anchor: string, view: ScheduleView, direction: -1 | 1): string {
  return addDays(anchor, direction * (view === 'day' ? 1 : 7));
}
