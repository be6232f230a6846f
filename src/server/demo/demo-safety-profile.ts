import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../platform/deps.js';
import type { Actor } from '../platform/auth/actor.js';
import { addEntry, setWeight } from '../features/allergies/safety-profile.service.js';

const actorOf = (clinicId: string, userId: string, role: Actor['role'], patientId: string | null): Actor => ({
  userId,
  role,
  clinicId,
  patientId,
  sessionIdHash: '',
  csrfToken: '',
});

/**
 * Demo allergies and other medicines (issue 11), through the real service: Sam's prescriber recorded a
 * penicillin allergy, sumatriptan for migraine (a triptan, serotonergic: his trazodone was stopped) and his
 * weight; Sam himself added St John's wort, which waits for the team to confirm (an open alert).
 */
export async function seedDemoSafetyProfile(
  deps: AppDeps,
  clinicId: string,
  staff: { prescriber: string },
  patients: { patientId: string; userId: string }[],
): Promise<void> {
  const [sam] = patients;
  if (!sam) return;
  const prescriber = actorOf(clinicId, staff.prescriber, 'prescriber', null);
  const patient = actorOf(clinicId, sam.userId, 'patient', sam.patientId);
  await addEntry(deps, prescriber, sam.patientId, {
    id: randomUUID(),
    kind: 'allergy',
    substance: 'Penicillin',
    reaction: 'Hives over the chest and arms (as a child)',
    severity: 'moderate',
    notes: null,
  });
  await addEntry(deps, prescriber, sam.patientId, {
    id: randomUUID(),
    kind: 'other_medicine',
    name: 'Imitrex (sumatriptan) 50 mg',
    doseText: 'One tablet at the start of a migraine, about twice a month (GP)',
    notes: null,
  });
  await setWeight(deps, prescriber, sam.patientId, 0, 78.4);
  await addEntry(deps, patient, sam.patientId, {
    id: randomUUID(),
    kind: 'other_medicine',
    name: "St John's wort",
    doseText: '300 mg in the morning, from the health-food shop',
    notes: 'Started it last month for my mood.',
  });
}
