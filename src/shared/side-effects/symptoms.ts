import { z } from 'zod';

/**
 * The symptom checklist of Duet's own side-effect report (care-rules.md "Side effects": the FIBSER scale's
 * licence is unclear for our use, so we do not embed it). Codes are stable: they are stored in reports and
 * in the medication catalogue's `urgent_symptoms`.
 */
export const symptomCodes = [
  'nausea',
  'headache',
  'trouble_sleeping',
  'drowsiness',
  'dizziness',
  'sexual_problems',
  'weight_appetite',
  'restlessness',
  'dry_mouth',
  'sweating',
  'tremor',
  'rash',
  'emotionally_numb',
] as const;
export const symptomCodeSchema = z.enum(symptomCodes);
export type SymptomCode = z.infer<typeof symptomCodeSchema>;

/** Plain words the patient reads on the checklist. */
export const symptomLabels: Record<SymptomCode, string> = {
  nausea: 'Feeling sick (nausea)',
  headache: 'Headache',
  trouble_sleeping: 'Trouble sleeping',
  drowsiness: 'Drowsy or sleepy in the day',
  dizziness: 'Dizziness',
  sexual_problems: 'Sexual problems',
  weight_appetite: 'Weight or appetite change',
  restlessness: 'Restless or on edge',
  dry_mouth: 'Dry mouth',
  sweating: 'Sweating',
  tremor: 'Shaking (tremor)',
  rash: 'Rash or skin changes',
  emotionally_numb: 'Feeling emotionally numb',
};

/** Reads a stored JSON list of symptom codes, keeping only codes Duet knows (never throws). */
export function symptomCodesFrom(json: string | null | undefined): SymptomCode[] {
  try {
    const raw: unknown = JSON.parse(json ?? '[]');
    if (!Array.isArray(raw)) return [];
    return symptomCodes.filter((code) => raw.includes(code));
  } catch {
    return [];
  }
}
