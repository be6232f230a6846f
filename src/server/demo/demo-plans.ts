import type { AppDeps } from '../platform/deps.js';
import type { Actor } from '../platform/auth/actor.js';
import { listTemplates } from '../features/treatment-plans/templates.service.js';
import { startPlan, editDraft } from '../features/treatment-plans/drafts.service.js';
import { signDraft, submitDraft } from '../features/treatment-plans/signatures.service.js';
import { acknowledgePlan, addComment } from '../features/treatment-plans/patient-plan.service.js';
import { deliverPendingEvents } from '../platform/outbox/worker.js';
import { medicationsOfPatient } from '../features/medications/index.js';

const staff = (userId: string, role: Actor['role'], clinicId: string): Actor => ({
  userId,
  role,
  clinicId,
  patientId: null,
  sessionIdHash: '',
  csrfToken: '',
});

/**
 * What each plan's medication part says, written by the prescriber: the medicines demo-medications.ts
 * prescribes, by name (issue 15: the plan and the prescriptions tell the same story).
 */
const medicationParts = [
  'Bupropion XL 150 mg each morning, raised to 300 mg at week 4 if the response is partial. Trazodone 50 mg at bedtime for sleep in the first weeks, stopped once sleep improves.',
  'Sertraline 50 mg each morning for two weeks, then 100 mg. Hydroxyzine 25 mg as needed for anxiety, no more than 3 a day, while therapy gets going.',
  'Lamotrigine on the slow titration without valproate: 25 mg a day in weeks 1-2, 50 mg in weeks 3-4, 100 mg in week 5, then 200 mg. Quetiapine stopped (weight gain and morning grogginess).',
] as const;

/**
 * The plan's medication part as the prescriber writes it: the overall strategy, and every medication record
 * the patient has linked (issue 15), stopped ones with the intent "stop" so the plan says why they ended.
 */
async function medicationPart(deps: AppDeps, clinicId: string, patientId: string, strategy: string) {
  const records = await medicationsOfPatient(deps.database.db, clinicId, patientId);
  const linked = records.map((m) => ({
    medicationId: m.id,
    intent: m.status === 'stopped' ? ('stop' as const) : ('continue' as const),
    note: m.status === 'stopped' ? 'Stopped; kept here so the plan says why.' : '',
    snapshot: null,
  }));
  return { strategy, medicationIds: [], linked, toStart: [] };
}

/**
 * Demo plans in different states, made through the real use cases: the first patient's plan is agreed,
 * acknowledged and has a question on it; the second waits for the prescriber's signature; the third is
 * a draft started from the bipolar template. The prescriber writes each medication part (the templates'
 * examples, sertraline and lithium, are not what Sam and Tom take) and links the patient's medication records,
 * so the plans are seeded after the medications (seed-demo.ts).
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
    const medicated = await editDraft(deps, prescriber, first.patientId, edited.version, {
      medication: await medicationPart(deps, clinicId, first.patientId, medicationParts[0]),
    });
    await signDraft(deps, therapist, first.patientId, medicated.version, { attested: true });
    // The "waiting for your signature" alert is raised before the prescriber signs, so the signature
    // resolves it (an alert raised after the agreement would ask to sign an agreed plan).
    await deliverPendingEvents(deps);
    await signDraft(deps, prescriber, first.patientId, medicated.version, { attested: true });
    const patient: Actor = { ...staff(first.userId, 'patient', clinicId), patientId: first.patientId };
    await acknowledgePlan(deps, patient, first.patientId);
    await addComment(
      deps,
      patient,
      first.patientId,
      1,
      'Can I take the bupropion with breakfast? I feel sick some mornings.',
    );
  }
  if (second) {
    const v = await startPlan(deps, therapist, second.patientId, { templateId: depression });
    const medicated = await editDraft(deps, prescriber, second.patientId, v.version, {
      medication: await medicationPart(deps, clinicId, second.patientId, medicationParts[1]),
    });
    await submitDraft(deps, therapist, second.patientId, medicated.version);
    // Delivered before the therapist signs, so her signature resolves her "waiting for your signature" alert.
    await deliverPendingEvents(deps);
    await signDraft(deps, therapist, second.patientId, medicated.version, { attested: true });
  }
  if (third) {
    const v = await startPlan(deps, therapist, third.patientId, { templateId: bipolar });
    await editDraft(deps, prescriber, third.patientId, v.version, {
      medication: await medicationPart(deps, clinicId, third.patientId, medicationParts[2]),
    });
  }
}
