import type { AppDeps } from '../platform/deps.js';
import type { Actor } from '../platform/auth/actor.js';
import { listTemplates } from '../features/treatment-plans/templates.service.js';
import { startPlan, editDraft } from '../features/treatment-plans/drafts.service.js';
import { signDraft, submitDraft } from '../features/treatment-plans/signatures.service.js';
import { acknowledgePlan, addComment } from '../features/treatment-plans/patient-plan.service.js';

const staff = (userId: string, role: Actor['role'], clinicId: string): Actor => ({
  userId,
  role,
  clinicId,
  patientId: null,
  sessionIdHash: '',
  csrfToken: '',
});

/**
 * Demo plans in different states, made through the real use cases: the first patient's plan is agreed,
 * acknowledged and has a question on it; the second waits for the prescriber's signature; the third is
 * a draft started from the bipolar template.
 */
export async function seedDemoPlans(
  deps: AppDeps,
  clinicId: string,
  ids: { therapist: string; prescriber: string },
  patients: { patientId: string; userId: string }[],
): Promise<void> {
  const therapist = staff(ids.therapist, 'therapist', clinicId);
  const prescriber = staff(ids.prescriber, 'prescriber', clinicId);
  const templates = await listTemplates(deps, therapist);
  const depression = templates.find((t) => t.name.startsWith('Depression'))?.id;
  const bipolar = templates.find((t) => t.name.startsWith('Bipolar'))?.id;
  const [first, second, third] = patients;

  if (first) {
    const v = await startPlan(deps, therapist, first.patientId, { templateId: depression });
    const edited = await editDraft(deps, therapist, first.patientId, v.version, {
      goals: [
        {
          id: 'g1',
          inPatientsWords: 'Feel like myself again',
          measurableTarget: 'PHQ-9 below 5',
          targetDate: null,
          status: 'active',
        },
        {
          id: 'g2',
          inPatientsWords: 'Back at work three days a week',
          measurableTarget: '3 days a week for 4 weeks running',
          targetDate: null,
          status: 'active',
        },
      ],
      safetyPlan: {
        warningSigns: ['Staying in bed past noon', 'Not answering messages'],
        thingsICanDoOnMyOwn: ['Walk round the park', 'Play guitar for ten minutes'],
        peopleAndPlacesThatHelp: ['The library café', 'My sister’s place'],
        peopleICanAskForHelp: [{ name: 'Ana (sister)', phone: '+1 312 555 0199' }],
        // The patient's own country's crisis lines, as the started plan filled them in (shared/crisis).
        professionalsAndCrisisLines: v.content.safetyPlan.professionalsAndCrisisLines,
        makingMySurroundingsSafer: ['Keep only a week of tablets at home'],
      },
    });
    await signDraft(deps, therapist, first.patientId, edited.version);
    await signDraft(deps, prescriber, first.patientId, edited.version);
    const patient: Actor = { ...staff(first.userId, 'patient', clinicId), patientId: first.patientId };
    await acknowledgePlan(deps, patient, first.patientId);
    await addComment(deps, patient, first.patientId, 1, 'Is it fine to take the sertraline in the evening?');
  }
  if (second) {
    const v = await startPlan(deps, therapist, second.patientId, { templateId: depression });
    await submitDraft(deps, therapist, second.patientId, v.version);
    await signDraft(deps, therapist, second.patientId, v.version);
  }
  if (third) {
    await startPlan(deps, therapist, third.patientId, { templateId: bipolar });
  }
}
