import { documentTitles, type ClinicalDocumentKind, type DocumentKind } from '../../../shared/documents/api';

/** The clinician's download of one of a patient's documents (the server sends it as an attachment). */
export const patientDocumentUrl = (patientId: string, kind: ClinicalDocumentKind): string =>
  `/api/patients/${encodeURIComponent(patientId)}/documents/${kind}.pdf`;

/** The patient's own download. */
export const myDocumentUrl = (kind: DocumentKind): string => `/api/me/documents/${kind}.pdf`;
export const MY_RECORD_JSON_URL = '/api/me/documents/my-record.json';

export const documentTitle = (kind: DocumentKind): string => documentTitles[kind];
