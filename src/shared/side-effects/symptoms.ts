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
  // Urgent symptoms of medication-safety.md section 4 (issue 11). Append only: codes are stored.
  'fever_sore_throat',
  'mouth_sores',
  'blisters',
  'swollen_glands',
  'chest_pain',
  'breathless',
  'constipation',
  'fainting',
  'seizure',
  'vomiting',
  'diarrhoea',
  'coarse_shaking',
  'unsteadiness',
  'confusion',
  'slurred_speech',
  'yellow_skin_eyes',
  'stomach_pain_vomiting',
  'bruising_bleeding',
  'fever_stiff_muscles',
  'agitation',
  'shivering',
  'muscle_twitching',
  'very_sleepy_slow_breathing',
  'long_erection',
  'thirst_urination',
  'suicidal_thoughts',
] as const;
export const symptomCodeSchema = z.enum(symptomCodes);

/** The common side effects (the checklist's first part); the rest are the urgent symptoms of section 4. */
export const commonSymptomCodes: readonly (typeof symptomCodes)[number][] = symptomCodes.slice(
  0,
  symptomCodes.indexOf('emotionally_numb') + 1,
);
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
  fever_sore_throat: 'Fever, sore throat or a flu-like illness',
  mouth_sores: 'Sores in the mouth',
  blisters: 'Blisters or peeling skin',
  swollen_glands: 'Swollen glands (lumps in the neck, armpits or groin)',
  chest_pain: 'Chest pain, or a racing or pounding heart',
  breathless: 'Short of breath',
  constipation: 'Constipation: no bowel movement for 3 days, or bad constipation',
  fainting: 'Fainting or nearly fainting (for example when standing up)',
  seizure: 'A seizure (fit)',
  vomiting: 'Vomiting (being sick)',
  diarrhoea: 'Diarrhoea',
  coarse_shaking: 'Strong shaking you cannot control',
  unsteadiness: 'Unsteady on your feet, or clumsy',
  confusion: 'Confusion',
  slurred_speech: 'Slurred speech',
  yellow_skin_eyes: 'Yellow skin or yellow eyes',
  stomach_pain_vomiting: 'Bad stomach pain with vomiting',
  bruising_bleeding: 'Unusual bruising or bleeding',
  fever_stiff_muscles: 'High fever with stiff muscles',
  agitation: 'Agitated, or much more restless or irritable than before',
  shivering: 'Shivering',
  muscle_twitching: 'Muscle twitching or jerking',
  very_sleepy_slow_breathing: 'Very sleepy or hard to wake, or slow or shallow breathing',
  long_erection: 'An erection lasting more than 4 hours',
  thirst_urination: 'Very thirsty, or passing much more urine than usual',
  suicidal_thoughts: 'New or worse thoughts of suicide or of harming yourself',
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
