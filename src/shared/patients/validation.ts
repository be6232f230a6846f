/** A real calendar day (no 2023-02-30) between 1900-01-01 and 2100-01-01; birth dates are checked against "today" by the service. */
export function isRealCalendarDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    y >= 1900 &&
    y < 2100
  );
}
