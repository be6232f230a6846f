import { z } from 'zod';
import type { MyRecord } from './my-record.js';

/** A PDF download (application/pdf): the response body is the file. */
export const pdfFileSchema = z.any().describe('application/pdf');

export type { MyRecord };
export {
  clinicalDocumentKinds,
  documentTitles,
  patientDocumentKinds,
  type ClinicalDocumentKind,
  type DocumentKind,
} from './kinds.js';
