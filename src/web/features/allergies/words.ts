import { isApiError } from '../../app/api-client';
import type { InteractionClass } from '../../../shared/medication-safety/interaction-classes';

export type Audience = 'clinician' | 'patient';

/** Field messages from a 400 answer, keyed by the body field ('body.substance' → 'substance'). */
export function bodyFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error, 'validation_failed') || !Array.isArray(error.details)) return {};
  const result: Record<string, string> = {};
  for (const item of error.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const [, field] = path.split('.');
    if (field) result[field] ??= message;
  }
  return result;
}

/** Interaction classes in clinicians' words (a class added later reads as its code without underscores). */
export const classWords: Partial<Record<InteractionClass, string>> = {
  ssri: 'SSRI',
  snri: 'SNRI',
  maoi: 'MAOI',
  serotonergic: 'serotonergic',
  benzodiazepine: 'benzodiazepine',
  antipsychotic: 'antipsychotic',
  second_generation_antipsychotic: 'second-generation antipsychotic',
  stimulant: 'stimulant',
  anticonvulsant_mood_stabiliser: 'anticonvulsant mood stabiliser',
  lithium: 'lithium',
  antidepressant: 'antidepressant',
  strong_cyp1a2_inhibitor: 'strong CYP1A2 inhibitor',
  strong_cyp2d6_inhibitor: 'strong CYP2D6 inhibitor',
  strong_cyp3a4_inhibitor: 'strong CYP3A4 inhibitor',
  cyp2c19_inhibitor: 'CYP2C19 inhibitor',
  qt_prolonging: 'QT-prolonging',
  nsaid: 'NSAID',
  ace_inhibitor: 'ACE inhibitor',
  arb: 'ARB',
  thiazide: 'thiazide diuretic',
  opioid: 'opioid',
  triptan: 'triptan',
  valproate: 'valproate',
};

export const classesText = (classes: readonly string[]): string =>
  classes.map((c) => classWords[c as InteractionClass] ?? c.replace(/_/g, ' ')).join(', ');

export const severityWords = { mild: 'Mild', moderate: 'Moderate', severe: 'Severe' } as const;
