// Display formatting only: dates, ages, role names. No business rules.
import type { AccountStatus, Role } from '../../shared/accounts/api';
import { instantAt, localDate, localDateTime } from '../../shared/time/index';

// Issue 17 ("Fast"): making an Intl.DateTimeFormat costs far more than using one (a list of doses or entries
// made one per row); each set of options gets one formatter, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The one formatter for these options in the browser's locale. */
export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, options);
    formatters.set(key, f);
  }
  return f;
}

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  therapist: 'Therapist',
  prescriber: 'Prescriber',
  care_manager: 'Care manager',
  patient: 'Patient',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

const STATUS_LABELS: Record<AccountStatus, string> = {
  invited: 'Invited',
  active: 'Active',
  deactivated: 'Deactivated',
};

export function statusLabel(status: AccountStatus): string {
  return STATUS_LABELS[status];
}

/** A calendar day (YYYY-MM-DD) for people, e.g. "14 Mar 1990". */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return dateTimeFormat({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Whole years between a birth date (YYYY-MM-DD) and today in the browser's zone. */
export function ageInYears(birthDate: string, today: Date = new Date()): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  let age = today.getFullYear() - y;
  const beforeBirthday = today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

/** An instant (epoch ms) as date and time, optionally in a given IANA zone. */
export function formatDateTime(ms: number, timeZone?: string): string {
  return dateTimeFormat({
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(ms));
}

export function formatTime(ms: number, timeZone?: string): string {
  return dateTimeFormat({ timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(ms));
}

/** The calendar day of an instant in a zone, as a key (YYYY-MM-DD) and a heading. */
export function dayOf(ms: number, timeZone?: string): { key: string; label: string } {
  const date = new Date(ms);
  const zone = timeZone ? { timeZone } : {};
  const key = localDate(ms, timeZone ?? browserTimeZone());
  const label = dateTimeFormat({
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...zone,
  }).format(date);
  return { key, label };
}

export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}

/** Today's date ('YYYY-MM-DD') in the browser's zone. */
export function browserToday(): string {
  return localDate(Date.now(), browserTimeZone());
}

/** An instant as the value of a datetime-local input ('2026-03-04T10:15') in the browser's zone. */
export function dateTimeInputValue(ms: number): string {
  const { date, time } = localDateTime(ms, browserTimeZone());
  return `${date}T${time}`;
}

/** The instant of a datetime-local input value in the browser's zone (NaN when it is not one). */
export function instantOfDateTimeInput(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return NaN;
  return instantAt(value.slice(0, 10), value.slice(11, 16), browserTimeZone());
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
