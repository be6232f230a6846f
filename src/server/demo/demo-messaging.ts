import type { AppDeps } from '../platform/deps.js';
import type { Actor } from '../platform/auth/actor.js';
import type { Role } from '../../shared/access/roles.js';
import { newId } from '../platform/ids.js';
import { listConversations, startConversation } from '../features/messaging/conversations.service.js';
import { markRead, postMessage } from '../features/messaging/messages.service.js';
import { requestConsult } from '../features/messaging/consults.service.js';

const actor = (clinicId: string, userId: string, role: Role, patientId: string | null = null): Actor => ({
  userId,
  role,
  clinicId,
  patientId,
  sessionIdHash: '',
  csrfToken: '',
});

/**
 * Demo conversations through the real services: a question the therapist answered, one still waiting,
 * a team-thread note with a mention, and an open consult from the therapist to the prescriber. They tell
 * Sam's medication story as demo-medications.ts writes it (bupropion XL 300 mg since week 4, morning
 * nausea and later sleep; issue 15): no drug he does not take.
 */
export async function seedDemoMessaging(
  deps: AppDeps,
  clinicId: string,
  staff: { therapist: string; prescriber: string; careManager: string },
  patients: { patientId: string; userId: string }[],
): Promise<void> {
  const [first, second] = patients;
  if (!first) return;
  const therapist = actor(clinicId, staff.therapist, 'therapist');
  const prescriber = actor(clinicId, staff.prescriber, 'prescriber');
  const sam = actor(clinicId, first.userId, 'patient', first.patientId);

  const asked = newId();
  const question = newId();
  await startConversation(deps, sam, first.patientId, {
    id: asked,
    subject: 'Feeling sick after my pill',
    firstMessage: {
      id: question,
      body: 'For a few days I have felt queasy every morning after my bupropion. Is that normal?',
      mentions: [],
    },
  });
  await markRead(deps, therapist, first.patientId, asked, question);
  await postMessage(deps, therapist, first.patientId, asked, {
    id: newId(),
    body: 'Thanks for telling us. Nausea can come with bupropion; taking it with breakfast often helps. I have asked Dr Okafor to look at it too.',
    mentions: [staff.prescriber],
  });

  const team = (await listConversations(deps, therapist, first.patientId)).conversations.find(
    (c) => c.kind === 'team',
  );
  if (team) {
    await postMessage(deps, therapist, first.patientId, team.id, {
      id: newId(),
      body: 'Sam mentioned morning nausea and falling asleep later in session; he is thinking of stopping the bupropion. Sent you a consult.',
      mentions: [staff.prescriber],
    });
    await postMessage(deps, prescriber, first.patientId, team.id, {
      id: newId(),
      body: 'Seen, will reply on the consult today.',
      mentions: [],
    });
  }
  await requestConsult(deps, therapist, first.patientId, {
    id: newId(),
    toUserId: staff.prescriber,
    priority: 'high',
    question:
      'Sam reports morning nausea and falling asleep later on bupropion XL 300 mg and is thinking of stopping. Would you consider a change of dose or timing before our next session?',
  });

  if (second) {
    const maya = actor(clinicId, second.userId, 'patient', second.patientId);
    await startConversation(deps, maya, second.patientId, {
      id: newId(),
      subject: 'Missing next week’s session',
      firstMessage: {
        id: newId(),
        body: 'I am travelling next week and will be on a plane at my usual time. Can we move my session to another day?',
        mentions: [],
      },
    });
  }
}
