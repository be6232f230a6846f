import type { AppDeps } from '../platform/deps.js';
import type { Actor } from '../platform/auth/actor.js';
import { newId } from '../platform/ids.js';
import * as accounts from '../features/accounts/index.js';
import { enrolPatient } from '../features/patients/index.js';
import { clinicCount, lockDemoSeed } from './seed-demo.repository.js';
import { seedDemoPlans } from './demo-plans.js';
import { seedDemoMessaging } from './demo-messaging.js';
import { seedDemoMeasures } from './demo-measures.js';
import { seedDemoPractice } from './demo-practice.js';
import { seedDemoAppointments } from './demo-appointments.js';
import { seedDemoNotes } from './demo-notes.js';
import { seedDemoCaseReview } from './demo-case-review.js';
import { seedDemoFeedback } from './demo-feedback.js';
import { seedDemoMedications } from './demo-medications.js';
import { seedDemoSideEffects } from './demo-side-effects.js';
import { seedDemoSafetyProfile } from './demo-safety-profile.js';
import { seedDemoVisitAgenda } from './demo-visit-agenda.js';

export const DEMO_PASSWORD = 'duet-demo-2026';

export const demoStaff = [
  { key: 'admin', email: 'admin@demo.duet.test', name: 'Morgan Reyes', role: 'admin' },
  { key: 'therapist', email: 'therapist@demo.duet.test', name: 'Priya Shah', role: 'therapist' },
  { key: 'prescriber', email: 'prescriber@demo.duet.test', name: 'Daniel Okafor', role: 'prescriber' },
  { key: 'careManager', email: 'caremanager@demo.duet.test', name: 'Jordan Lee', role: 'care_manager' },
  { key: 'therapist2', email: 'therapist2@demo.duet.test', name: 'Elena Novak', role: 'therapist' },
] as const;

export const demoPatients = [
  {
    email: 'patient@demo.duet.test',
    givenName: 'Sam',
    familyName: 'Rivera',
    birthDate: '1991-04-12',
    timeZone: 'America/Chicago',
    mrn: 'MRN-1001',
    phone: '+1 312 555 0142',
    country: null,
  },
  {
    email: 'patient2@demo.duet.test',
    givenName: 'Maya',
    familyName: 'Chen',
    birthDate: '1986-09-30',
    timeZone: 'America/Los_Angeles',
    mrn: 'MRN-1002',
    phone: null,
    country: null,
  },
  {
    email: 'patient3@demo.duet.test',
    givenName: 'Tom',
    familyName: 'Becker',
    birthDate: '1978-01-05',
    timeZone: 'Europe/Berlin',
    mrn: 'MRN-1003',
    phone: '+49 30 5550 1234',
    // Lives in Berlin: sees the German crisis numbers (issue 12); the others follow the clinic's country.
    country: 'DE',
  },
] as const;

/**
 * Seeds the demo clinic into an empty database (the embedded quick start). Returns false and does
 * nothing when any clinic exists, so it never touches real data.
 */
export async function seedDemoClinic(deps: AppDeps): Promise<boolean> {
  if ((await clinicCount(deps.database.db)) > 0) return false;
  const now = deps.clock.now();
  const clinicId = newId();
  const hash = await deps.passwords.hash(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  // Two instances starting together: the second waits for the first's clinic and then seeds nothing.
  const first = await deps.database.transaction(async (trx) => {
    await lockDemoSeed(trx, deps.database.engine);
    if ((await clinicCount(trx)) > 0) return false;
    await accounts.insertClinic(trx, {
      id: clinicId,
      name: 'Lakeside Behavioral Health (demo)',
      // The quick start signs in with a password only: two-step sign-in for staff is off in the demo clinic
      // (on by default for a new clinic, issue 13; docs/security.md).
      settings: JSON.stringify({ staffTwoFactorRequired: false }),
      created_at: now,
    });
    for (const s of demoStaff) {
      const id = newId();
      ids.set(s.key, id);
      await accounts.insertUser(trx, {
        id,
        clinic_id: clinicId,
        email: s.email,
        name: s.name,
        role: s.role,
        status: 'active',
        password_hash: hash,
        version: 1,
        created_at: now,
        updated_at: now,
        last_login_at: null,
      });
    }
    return true;
  });
  if (!first) return false;
  const id = (key: string) => ids.get(key) ?? '';
  const therapist: Actor = {
    userId: id('therapist'),
    role: 'therapist',
    clinicId,
    patientId: null,
    sessionIdHash: '',
    csrfToken: '',
  };
  const enrolled: { patientId: string; userId: string }[] = [];
  for (const p of demoPatients) {
    const overview = await enrolPatient(deps, therapist, {
      givenName: p.givenName,
      familyName: p.familyName,
      birthDate: p.birthDate,
      email: p.email,
      phone: p.phone,
      timeZone: p.timeZone,
      medicalRecordNumber: p.mrn,
      country: p.country,
      careTeam: [
        { userId: id('therapist'), role: 'therapist' },
        { userId: id('prescriber'), role: 'prescriber' },
        { userId: id('careManager'), role: 'care_manager' },
      ],
    });
    // Demo patients can sign in straight away with the demo password.
    const patient = await accounts.findUserByEmail(deps.database.db, p.email);
    if (patient) {
      await accounts.updateUser(
        deps.database.db,
        clinicId,
        patient.id,
        { status: 'active', password_hash: hash },
        now,
      );
      // Their enrolment links die with the activation (issue 13, V5): an old link never resets a password.
      await accounts.revokeOpenInvites(deps.database.db, patient.id, now);
      enrolled.push({ patientId: overview.id, userId: patient.id });
    }
  }
  // Conversations with patients, the team thread, and an open consult.
  await seedDemoMessaging(
    deps,
    clinicId,
    { therapist: id('therapist'), prescriber: id('prescriber'), careManager: id('careManager') },
    enrolled,
  );
  // Questionnaire histories for the registry (remission, response, not improving) and a recent item-9 answer.
  await seedDemoMeasures(deps, clinicId, enrolled);
  // Weekly therapy sessions (past with attendance, upcoming) and medication reviews.
  await seedDemoAppointments(
    deps,
    clinicId,
    { therapist: id('therapist'), prescriber: id('prescriber') },
    enrolled,
  );
  // Signed progress notes for the latest sessions (one with an addendum), a draft, a private psychotherapy
  // note and both team summaries. After the appointments: notes link to the attended sessions.
  await seedDemoNotes(deps, clinicId, { therapist: id('therapist'), prescriber: id('prescriber') }, enrolled);
  // Medication histories, dose logs with realistic gaps and side-effect reports (issue 4).
  await seedDemoMedications(deps, clinicId, id('prescriber'), enrolled);
  // Treatment plans in different states (agreed and acknowledged, awaiting a signature, a draft). After the
  // medications: each plan links the patient's medication records (issue 15).
  await seedDemoPlans(deps, clinicId, { therapist: id('therapist'), prescriber: id('prescriber') }, enrolled);
  // The patient not improving at week 11 is marked for the case review scheduled this week.
  await seedDemoCaseReview(
    deps,
    clinicId,
    { careManager: id('careManager'), prescriber: id('prescriber') },
    enrolled,
  );
  // Side-effect reports after the medication histories: one answered, one routine and one urgent open.
  await seedDemoSideEffects(deps, clinicId, { prescriber: id('prescriber') }, enrolled);
  // Allergies and other medicines: confirmed entries and weight for Sam, and one of his waiting for the team.
  await seedDemoSafetyProfile(deps, clinicId, { prescriber: id('prescriber') }, enrolled);
  // Skills practice: thought records (one for the therapist only), team diary cards, an activity log, an IPT log.
  await seedDemoPractice(deps, clinicId, { therapist: id('therapist') }, enrolled);
  // Session feedback (one low rating) and two rounds of four-weekly ratings. Keep it last: it reads the
  // attended sessions, medications and practice the demos above create.
  await seedDemoFeedback(deps, clinicId, enrolled);
  // Sam's "What I want to talk about" items for his next visits (issue 14), after the appointments.
  await seedDemoVisitAgenda(deps, clinicId, enrolled);
  return true;
}
