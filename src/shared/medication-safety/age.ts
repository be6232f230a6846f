/**
 * Whole years of age on a calendar day (both 'YYYY-MM-DD'), as the label's age limits read them
 * ("age > 60", "under 25"). Someone born on 29 February turns a year older on 1 March in other years.
 * Null when the day is before the birth date (a data error, never a negative age).
 */
export function ageOnDay(birthDate: string, day: string): number | null {
  if (day < birthDate) return null;
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
