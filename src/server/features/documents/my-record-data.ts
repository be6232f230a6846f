// "My record" (right of access): everything the patient may take with them, read in one transaction.
import type { Db } from '../../db/database.js';
import type { PatientBasics } from '../../platform/patients/patient-basics.js';
import { userNames } from '../../platform/users/user-names.repository.js';
import { describeAccess } from '../../../shared/audit/describe-access.js';
import { practiceLibrary } from '../../../shared/practice/library.js';
import { localDate } from '../../../shared/time/index.js';
import {
  MY_RECORD_FORMAT,
  MY_RECORD_VERSION,
  myRecordSchema,
  type MyRecord,
} from '../../../shared/documents/my-record.js';
import {
  measurementData,
  medicationData,
  planData,
  type MeasurementData,
  type MedicationData,
  type PlanData,
} from './document-data.js';
import * as repo from './documents.repository.js';

export interface MyRecordData {
  clinicName: string;
  plan: PlanData | null;
  medications: MedicationData;
  measurements: MeasurementData;
  record: MyRecord;
}

const iso = (at: number) => new Date(at).toISOString();
const practiceNames = new Map(practiceLibrary.map((k) => [k.type as string, k.patientName]));
const appointmentTypes: Record<string, string> = {
  therapy_session: 'Therapy session',
  medication_review: 'Medication review',
};

/**
 * The patient's whole record as the JSON file holds it (shared/documents/my-record.ts), plus the parts the
 * PDF draws with. Practice: what the patient shared with the team (issue 14: therapist-only practice never
 * appears in a document the patient gets). Messages: the patient's conversations, never the team thread.
 */
export async function myRecordData(trx: Db, basics: PatientBasics, now: number): Promise<MyRecordData> {
  const c = basics.clinicId;
  const zone = basics.timeZone;
  const today = localDate(now, zone);
  const [clinicName, plan, medications, measurements, appointments, practice, messages, access] =
    await Promise.all([
      repo.clinicName(trx, c),
      planData(trx, basics),
      medicationData(trx, basics, today),
      measurementData(trx, basics),
      repo.appointmentRows(trx, c, basics.id),
      repo.practiceEntryRows(trx, c, basics.id, 'team'),
      repo.patientMessageRows(trx, c, basics.id),
      repo.accessEventRows(trx, c, basics.id, basics.userId),
    ]);
  const names = await userNames(trx, c, [
    ...appointments.map((a) => a.clinician_id),
    ...messages.map((m) => m.author_id),
  ]);
  const nameOf = (id: string) =>
    id === basics.userId ? 'You' : (names.get(id) ?? 'Someone no longer at the clinic');

  const accessLines = new Map<string, MyRecord['accessReport'][number]>();
  for (const e of access) {
    const day = localDate(e.at, zone);
    const outcome = e.outcome === 'denied' ? 'denied' : 'allowed';
    const key = `${day}|${e.actor_id ?? ''}|${outcome === 'denied' ? '' : e.action}|${outcome}`;
    const line = accessLines.get(key);
    if (line) line.times += 1;
    else
      accessLines.set(key, {
        day,
        who: e.actor_name ?? 'Someone no longer at the clinic',
        role: e.actor_role,
        what: describeAccess(e.action, outcome, 'patient'),
        times: 1,
      });
  }

  const record: MyRecord = {
    format: MY_RECORD_FORMAT,
    version: MY_RECORD_VERSION,
    generatedAt: iso(now),
    clinic: { name: clinicName },
    patient: { name: basics.displayName, birthDate: basics.birthDate, timeZone: zone },
    treatmentPlan: plan && {
      versionNumber: plan.number,
      agreedAt: iso(plan.agreedAt),
      reviewDate: plan.reviewDate,
      content: plan.content,
      signatures: plan.signatures.map((s) => ({ name: s.name, role: s.role, signedAt: iso(s.signedAt) })),
      acknowledgedAt: plan.acknowledgedAt === null ? null : iso(plan.acknowledgedAt),
    },
    medications: [...medications.current, ...medications.past].map((m) => ({
      name: m.name,
      status: m.status,
      startDate: m.startDate,
      endDate: m.endDate,
      instructions: m.instructions,
      prescriber: m.prescriber,
      currentDose: m.dose && { amount: m.dose.amount, unit: m.dose.unit, schedule: m.dose.schedule },
      history: m.history,
    })),
    allergies: medications.allergies,
    scores: measurements.scores.map((s) => ({
      questionnaire: s.name,
      day: s.day,
      total: s.total,
      severity: s.severity,
    })),
    appointments: appointments.map((a) => ({
      day: a.local_day,
      time: a.local_time,
      durationMinutes: a.duration_minutes,
      type: appointmentTypes[a.type] ?? a.type,
      with: nameOf(a.clinician_id),
      mode: a.mode.replace('_', ' '),
      status: a.status.replace('_', ' '),
    })),
    practice: practice.map((p) => ({
      day: p.day,
      type: p.type,
      name: practiceNames.get(p.type) ?? p.type,
      content: JSON.parse(p.content) as Record<string, unknown>,
    })),
    messages: messages.map((m) => ({
      conversation: m.subject,
      at: iso(m.created_at),
      from: nameOf(m.author_id),
      text: m.body,
    })),
    accessReport: [...accessLines.values()],
  };
  return { clinicName, plan, medications, measurements, record: myRecordSchema.parse(record) };
}
