import type { AppDeps } from '../platform/deps.js';
import type { Actor } from '../platform/auth/actor.js';
import { newId } from '../platform/ids.js';
import { addAgendaItem } from '../features/visit-agenda/visit-agenda.service.js';
import { nextAppointmentOf } from '../features/visit-agenda/visit-agenda.repository.js';

/**
 * "What I want to talk about" (issue 14), through the feature's service as Sam: one item for the prescriber
 * on his next medication review (sleep since the bupropion step to 300 mg), one for both of his clinicians.
 */
export async function seedDemoVisitAgenda(
  deps: AppDeps,
  clinicId: string,
  patients: { patientId: string; userId: string }[],
): Promise<void> {
  const sam = patients[0];
  if (!sam) return;
  const actor: Actor = {
    userId: sam.userId,
    role: 'patient',
    clinicId,
    patientId: sam.patientId,
    sessionIdHash: '',
    csrfToken: '',
  };
  const review = await nextAppointmentOf(
    deps.database.db,
    clinicId,
    sam.patientId,
    'medication_review',
    deps.clock.now(),
  );
  await addAgendaItem(deps, actor, sam.patientId, {
    id: newId(),
    addressedTo: 'prescriber',
    text: 'Since the bupropion went up to 300 mg I fall asleep later. Could I take it earlier in the morning?',
    appointmentId: review?.id ?? null,
  });
  await addAgendaItem(deps, actor, sam.patientId, {
    id: newId(),
    addressedTo: 'both',
    text: 'I would like to talk about going back to work part-time.',
    appointmentId: null,
  });
}
