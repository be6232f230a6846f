import { localDateTime } from '../../../shared/time/index.js';

/** "2026-12-07 09:30": an instant on the patient's wall clock. */
export function wallClock(instant: number, zone: string): string {
  const t = localDateTime(instant, zone);
  return `${t.date} ${t.time}`;
}

/** "20 mg" / "1 tablet" / "2 tablets". */
export function doseText(amount: number, unit: string): string {
  const plural = unit === 'tablet' || unit === 'capsule' ? (amount === 1 ? unit : `${unit}s`) : unit;
  return `${String(amount)} ${plural}`;
}

const titleWords: Record<string, string> = {
  care_manager: 'Care manager',
  therapist: 'Therapist',
  prescriber: 'Prescriber',
  patient: 'Patient',
};
export const roleWord = (role: string | null): string => (role ? (titleWords[role] ?? role) : '');

/** "dose_changed" -> "Dose changed". */
export const sentenceCase = (code: string): string => {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * A practice entry's content in lines of "field: value" (every field the patient filled; nothing cut):
 * arrays of objects print one line per object.
 */
export function contentLines(content: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(content).flatMap(([key, value]): string[] => {
    const label = prefix + sentenceCase(key.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase());
    if (value === null || value === '' || value === undefined) return [];
    if (Array.isArray(value)) {
      if (value.length === 0) return [];
      if (value.every((v) => typeof v !== 'object' || v === null))
        return [`${label}: ${value.map(String).join(', ')}`];
      return value.flatMap((v, i) =>
        typeof v === 'object' && v !== null
          ? contentLines(v as Record<string, unknown>, `${label} ${String(i + 1)} - `)
          : [`${label} ${String(i + 1)}: ${String(v)}`],
      );
    }
    if (typeof value === 'object') return contentLines(value as Record<string, unknown>, `${label} - `);
    if (typeof value === 'boolean') return [`${label}: ${value ? 'yes' : 'no'}`];
    return typeof value === 'string' || typeof value === 'number' ? [`${label}: ${String(value)}`] : [];
  });
}
