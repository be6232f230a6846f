import { localDate } from '../../shared/time/index.js';
import type { AppDeps } from '../platform/deps.js';
import type { Actor } from '../platform/auth/actor.js';
import { newId } from '../platform/ids.js';
import { submitReport } from '../features/side-effects/side-effects.service.js';
import { suspectableMedications } from '../features/side-effects/current-medications.js';
import * as repo from '../features/side-effects/side-effects.repository.js';
import { patientBasics } from '../platform/patients/patient-basics.js';

const DAY_MS = 86_400_000;

const actorOf = (clinicId: string, userId: string, role: Actor['role'], patientId: string | null): Actor => ({
  userId,
  role,
  clinicId,
  patientId,
  sessionIdHash: '',
  csrfToken: '',
});

/**
 * Demo side-effect reports (issue 4), after the medication histories are seeded: Sam reported a mild
 * headache nine days ago that the prescriber answered with advice, and today moderate nausea (a routine
 * alert, open); Maya today says she wants to stop or change her medication (urgent alert). Today's reports
 * go through the real service, so their alerts are real. A patient without
 * a current medication reports "not sure".
 */
export async function seedDemoSideEffects(
  deps: AppDeps,
  clinicId: string,
  staff: { prescriber: string },
  patients: { patientId: string; userId: string }[],
): Promise<void> {
  const [sam, maya] = patients;
  const db = deps.database.db;
  const now = deps.clock.now();

  const firstMedication = async (patientId: string, day: string) =>
    (await suspectableMedications(db, clinicId, patientId, day))[0] ?? null;

  if (sam) {
    const zone = (await patientBasics(db, clinicId, sam.patientId))?.timeZone ?? 'UTC';
    const patient = actorOf(clinicId, sam.userId, 'patient', sam.patientId);
    // Nine days ago, answered the next day: written as history (past reports raise no new alerts).
    const then = now - 9 * DAY_MS;
    const thenDay = localDate(then, zone);
    const med = await firstMedication(sam.patientId, thenDay);
    const pastId = newId();
    await repo.insertReport(db, {
      id: pastId,
      clinic_id: clinicId,
      patient_id: sam.patientId,
      medication_id: med?.id ?? null,
      medication_name: med?.name ?? null,
      guide_key: med?.guideKey ?? null,
      dose_amount: med?.doseAmount ?? null,
      dose_unit: med?.doseUnit ?? null,
      symptoms: JSON.stringify(['headache', 'trouble_sleeping']),
      urgent_symptoms: '[]',
      other_text: 'Headaches in the afternoon, and I fall asleep later than before.',
      severity: 'mild',
      interference: 2,
      wants_to_stop: 0,
      urgent: 0,
      reported_by: sam.userId,
      reported_at: then,
      reported_day: thenDay,
      state: 'answered',
      answered_at: then + DAY_MS,
      version: 2,
    });
    await repo.insertAnswer(db, {
      id: newId(),
      clinic_id: clinicId,
      patient_id: sam.patientId,
      report_id: pastId,
      kind: 'advice',
      note: 'Headaches and later sleep can come with bupropion and often ease. Take it as early in the morning as you can, with breakfast; tell me if it is not better in a week.',
      conversation_id: null,
      medication_change_id: null,
      answered_by: staff.prescriber,
      answered_at: then + DAY_MS,
    });
    const todayMed = await firstMedication(sam.patientId, localDate(now, zone));
    await submitReport(deps, patient, sam.patientId, {
      id: newId(),
      medicationId: todayMed?.id ?? null,
      symptoms: ['nausea'],
      otherText: todayMed ? 'Feeling sick most mornings for a few days.' : 'Feeling sick most mornings.',
      severity: 'moderate',
      interference: 3,
      wantsToStop: false,
    });
  }

  if (maya) {
    const zone = (await patientBasics(db, clinicId, maya.patientId))?.timeZone ?? 'UTC';
    const med = await firstMedication(maya.patientId, localDate(now, zone));
    await submitReport(deps, actorOf(clinicId, maya.userId, 'patient', maya.patientId), maya.patientId, {
      id: newId(),
      medicationId: med?.id ?? null,
      symptoms: ['sexual_problems', 'emotionally_numb'],
      otherText: '',
      severity: 'moderate',
      interference: 4,
      wantsToStop: true,
    });
    // Kept open on purpose: the prescriber's inbox shows an urgent side-effect report to answer.
  }
}
