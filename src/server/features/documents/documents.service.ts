import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../db/database.js';
import { readPatientRecord } from '../../platform/access/patient-access.js';
import { patientBasics, type PatientBasics } from '../../platform/patients/patient-basics.js';
import { notFound } from '../../platform/errors.js';
import { paperFor, renderPdf, type PdfWriter } from '../../platform/pdf/index.js';
import { localDate } from '../../../shared/time/index.js';
import {
  documentFileName,
  documentTitles,
  type DocumentKind,
  type DocumentQuery,
} from '../../../shared/documents/kinds.js';
import type { MyRecord } from '../../../shared/documents/my-record.js';
import { clinicSettings } from '../clinic/index.js';
import { diaryData, measurementData, medicationData, planData, practiceVisibility } from './document-data.js';
import { myRecordData } from './my-record-data.js';
import { drawMedicationList } from './medication-list.pdf.js';
import { drawMeasurementReport } from './measurement-report.pdf.js';
import { drawDiaryCard } from './diary-card.pdf.js';
import { drawTreatmentPlan } from './treatment-plan.pdf.js';
import { drawMyRecord } from './my-record.pdf.js';
import * as repo from './documents.repository.js';

export interface RenderedDocument {
  bytes: Buffer;
  fileName: string;
}

/** Each generation is audited against the patient; the access report words it (shared/audit/describe-access.ts). */
export const documentAction = (kind: DocumentKind, format: 'pdf' | 'json' = 'pdf'): string =>
  `document.${kind.replace(/-/g, '_')}${format === 'json' ? '_json' : ''}`;

type Draw = (w: PdfWriter) => void;

/** What one kind of document reads and how it draws (inside the audited transaction; no drawing there). */
async function contentOf(
  trx: Db,
  actor: Actor,
  basics: PatientBasics,
  kind: DocumentKind,
  query: DocumentQuery,
  ctx: { now: number; today: string; clinicName: string },
): Promise<Draw> {
  const zone = basics.timeZone;
  switch (kind) {
    case 'medication-list': {
      const data = await medicationData(trx, basics, ctx.today);
      const card = {
        patientName: basics.displayName,
        birthDate: basics.birthDate,
        clinicName: ctx.clinicName,
        day: ctx.today,
      };
      return (w) => {
        drawMedicationList(w, data, card);
      };
    }
    case 'measurement-report': {
      const data = await measurementData(trx, basics);
      return (w) => {
        drawMeasurementReport(w, data);
      };
    }
    case 'diary-card': {
      const data = await diaryData(trx, basics, actor, query.week ?? ctx.today);
      const note =
        practiceVisibility(actor) === 'therapist'
          ? 'Includes cards the patient shared with the therapist only.'
          : 'Only cards shared with the whole care team.';
      return (w) => {
        drawDiaryCard(w, data, note);
      };
    }
    case 'treatment-plan': {
      const plan = await planData(trx, basics);
      return (w) => {
        drawTreatmentPlan(w, plan, zone);
      };
    }
    case 'my-record': {
      const data = await myRecordData(trx, basics, ctx.now);
      return (w) => {
        drawMyRecord(w, data, zone);
      };
    }
  }
}

/**
 * One PDF of a patient's record: read in one snapshot and audited through the shared commit of audited reads
 * (readPatientRecord: the care team, or the patient for their own; issue 19), then drawn outside it.
 */
async function generate(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  kind: DocumentKind,
  query: DocumentQuery,
): Promise<RenderedDocument> {
  const now = deps.clock.now();
  const prepared = await readPatientRecord(
    deps,
    actor,
    patientId,
    { action: documentAction(kind), resourceType: 'document', resourceId: kind },
    async (trx) => {
      const basics = await patientBasics(trx, actor.clinicId, patientId);
      if (!basics) throw notFound('Patient');
      const [clinicName, settings] = await Promise.all([
        repo.clinicName(trx, actor.clinicId),
        clinicSettings(trx, actor.clinicId),
      ]);
      const today = localDate(now, basics.timeZone);
      const draw = await contentOf(trx, actor, basics, kind, query, { now, today, clinicName });
      return {
        basics,
        clinicName,
        today,
        draw,
        paper: paperFor(query.paper, basics.country ?? settings.country),
      };
    },
  );
  const { basics } = prepared;
  const bytes = await renderPdf(
    {
      title: `${documentTitles[kind]} - ${basics.displayName}`,
      clinicName: prepared.clinicName,
      patient: { name: basics.displayName, birthDate: basics.birthDate },
      generatedAt: now,
      zone: basics.timeZone,
      paper: prepared.paper,
    },
    prepared.draw,
  );
  return { bytes, fileName: documentFileName(kind, prepared.today, 'pdf') };
}

/** A document a clinician on the care team prints for the patient. */
export function clinicalDocument(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  kind: DocumentKind,
  query: DocumentQuery,
): Promise<RenderedDocument> {
  return generate(deps, actor, patientId, kind, query);
}

/** A document the patient downloads of their own record (My record included). */
export function myDocument(
  deps: AppDeps,
  actor: Actor,
  kind: DocumentKind,
  query: DocumentQuery,
): Promise<RenderedDocument> {
  return generate(deps, actor, actor.patientId ?? '', kind, query);
}

/** "My record" as the machine-readable file (shared/documents/my-record.ts), audited like the PDF. */
export async function myRecordFile(
  deps: AppDeps,
  actor: Actor,
): Promise<{ record: MyRecord; fileName: string }> {
  const now = deps.clock.now();
  return readPatientRecord(
    deps,
    actor,
    actor.patientId ?? '',
    { action: documentAction('my-record', 'json'), resourceType: 'document', resourceId: 'my-record' },
    async (trx) => {
      const basics = await patientBasics(trx, actor.clinicId, actor.patientId ?? '');
      if (!basics) throw notFound('Patient');
      const data = await myRecordData(trx, basics, now);
      return {
        record: data.record,
        fileName: documentFileName('my-record', localDate(now, basics.timeZone), 'json'),
      };
    },
  );
}
