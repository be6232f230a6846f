import { dateTimeFormat } from '../../components/format';
import { skipReasonLabels, skipReasons, type SkipReason } from '../../../shared/doses/rules';

export { skipReasonLabels, skipReasons, type SkipReason };

/** "50 mg" */
export const amountText = (amount: number, unit: string): string =>
  `${String(Math.round(amount * 1000) / 1000)} ${unit}`;

/** A clock time in the patient's zone, e.g. "9:02 AM". */
export function timeIn(ms: number, timeZone: string): string {
  return dateTimeFormat({ timeStyle: 'short', timeZone }).format(new Date(ms));
}

/** "08:00" as the phone's locale shows times, e.g. "8:00 AM". */
export function localTimeText(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return dateTimeFormat({ timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, 0, 1, h ?? 0, m ?? 0)),
  );
}

/** "Runs out in 5 days" — plain words for the refill forecast. */
export function runsOutText(daysLeft: number | null): string {
  if (daysLeft === null) return 'Enough for a long while';
  if (daysLeft < 0) return 'May already have run out';
  if (daysLeft === 0) return 'Runs out today';
  if (daysLeft === 1) return 'Runs out tomorrow';
  return `Runs out in ${String(daysLeft)} days`;
}
