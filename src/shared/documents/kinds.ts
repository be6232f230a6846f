import { z } from 'zod';

/**
 * The documents a clinician on the care team prints for a patient, and the patient for themself
 * (issue 14). "my-record" is the patient's whole record (right of access): the patient's own only.
 */
export const clinicalDocumentKinds = [
  'medication-list',
  'measurement-report',
  'diary-card',
  'treatment-plan',
] as const;
export type ClinicalDocumentKind = (typeof clinicalDocumentKinds)[number];
export const patientDocumentKinds = [...clinicalDocumentKinds, 'my-record'] as const;
export type DocumentKind = (typeof patientDocumentKinds)[number];

/** The document's name, its file name stem and the words the access report uses for its generation. */
export const documentTitles: Record<DocumentKind, string> = {
  'medication-list': 'Medication list',
  'measurement-report': 'Measurement report',
  'diary-card': 'DBT diary card',
  'treatment-plan': 'Treatment plan',
  'my-record': 'My record',
};

const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD.');

/** ?paper=A4|Letter (else the usual paper of the patient's or clinic's country); ?week= a day of the diary week. */
export const documentQuerySchema = z.object({
  paper: z.enum(['A4', 'Letter']).optional(),
  week: dayText.optional(),
});
export type DocumentQuery = z.infer<typeof documentQuerySchema>;

export const clinicalDocumentParamsSchema = z.object({
  patientId: z.string().min(1).max(64),
  kind: z.enum(clinicalDocumentKinds),
});
export const patientDocumentParamsSchema = z.object({ kind: z.enum(patientDocumentKinds) });

/** "medication-list-2026-12-07.pdf": the kind and the patient's local day; never the patient's name. */
export function documentFileName(kind: DocumentKind, day: string, extension: 'pdf' | 'json'): string {
  return `${kind}-${day}.${extension}`;
}
