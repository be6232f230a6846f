import { v4 as uuid } from 'uuid';
import type { PlanSection } from '../../../shared/treatment-plans/schemas';
import { isApiError } from '../../app/api-client';
import type { InputProps } from '../../lib/schema-form';
import type { PlanContent, PlanVersion } from '../../../shared/treatment-plans/api';

export type Content = PlanContent;
/** Sets one top-level part of the draft content. */
export type SetContent = <K extends keyof Content>(key: K, value: Content[K]) => void;

/** A field's error and focus target in the draft form (useSchemaForm's fieldState), e.g. 'problems.0.icd10'. */
export type FieldAt = (path: string) => Pick<InputProps, 'error' | 'ref' | 'onBlur'>;

export const newItemId = () => uuid();
export const options = <K extends string>(labels: Record<K, string>, empty?: string) => [
  ...(empty !== undefined ? [{ value: '', label: empty }] : []),
  ...Object.entries<string>(labels).map(([value, label]) => ({ value, label })),
];
export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
type Contact = Content['safetyPlan']['peopleICanAskForHelp'][number];
const contactsText = (list: Contact[]) =>
  list.map((c) => (c.phone ? `${c.name}, ${c.phone}` : c.name)).join('\n');
/** "Name, phone" per line; the phone is whatever follows the last comma. */
export const contactsOf = (text: string): Contact[] =>
  linesOf(text).map((line) => {
    const at = line.lastIndexOf(',');
    return at > 0
      ? { name: line.slice(0, at).trim(), phone: line.slice(at + 1).trim() || null }
      : { name: line, phone: null };
  });

export function safetyTexts(c: Content) {
  const s = c.safetyPlan;
  return {
    warningSigns: s.warningSigns.join('\n'),
    thingsICanDoOnMyOwn: s.thingsICanDoOnMyOwn.join('\n'),
    peopleAndPlacesThatHelp: s.peopleAndPlacesThatHelp.join('\n'),
    peopleICanAskForHelp: contactsText(s.peopleICanAskForHelp),
    professionalsAndCrisisLines: contactsText(s.professionalsAndCrisisLines),
    makingMySurroundingsSafer: s.makingMySurroundingsSafer.join('\n'),
  };
}
export type SafetyTexts = ReturnType<typeof safetyTexts>;

export function dirtySections(before: Content, after: Content): PlanSection[] {
  return (Object.keys(after) as PlanSection[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

export function currentVersion(details: unknown): PlanVersion | null {
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  const current = details.current;
  return typeof current === 'object' && current !== null && 'content' in current && 'version' in current
    ? (current as PlanVersion)
    : null;
}

export function missingFrom(error: unknown): string[] {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return [];
  const missing = (error.details as { missing?: unknown }).missing;
  return Array.isArray(missing)
    ? missing.flatMap((m: unknown) =>
        typeof m === 'object' && m !== null && typeof (m as { message?: unknown }).message === 'string'
          ? [(m as { message: string }).message]
          : [],
      )
    : [];
}
