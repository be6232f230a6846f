import { instantAt, localDate } from '../time/index.js';

/** A calendar month as 'YYYY-MM'. */
export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The calendar month ('YYYY-MM') an instant falls in, in a zone. */
export const monthOf = (instant: number, zone: string): string => localDate(instant, zone).slice(0, 7);

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12
    ? `${String(y + 1).padStart(4, '0')}-01`
    : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
}

/** The instants a calendar month covers in a zone: from its first midnight up to (not including) the next. */
export function monthBounds(month: string, zone: string): { from: number; to: number } {
  return {
    from: instantAt(`${month}-01`, '00:00', zone),
    to: instantAt(`${nextMonth(month)}-01`, '00:00', zone),
  };
}
