import type { LightMyRequestResponse } from 'fastify';
import { call, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';

/** A clinic with one patient whose team is a therapist, a prescriber and a care manager, all signed in. */
export interface PlanWorld {
  therapist: BuiltUser;
  prescriber: BuiltUser;
  careManager: BuiltUser;
  patient: BuiltPatient;
  ts: Session;
  ps: Session;
  cs: Session;
  pt: Session;
  planUrl: string;
}

export async function buildPlanWorld(t: TestContext, clinicId?: string): Promise<PlanWorld> {
  const clinic = clinicId ?? (await buildClinic(t.deps));
  const therapist = await buildUser(t.deps, clinic, 'therapist', 'Tess Therapist');
  const prescriber = await buildUser(t.deps, clinic, 'prescriber', 'Pete Prescriber');
  const careManager = await buildUser(t.deps, clinic, 'care_manager', 'Cam Manager');
  const patient = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
    { user: careManager, role: 'care_manager' },
  ]);
  return {
    therapist,
    prescriber,
    careManager,
    patient,
    ts: await signIn(t.app, therapist.email, PASSWORD),
    ps: await signIn(t.app, prescriber.email, PASSWORD),
    cs: await signIn(t.app, careManager.email, PASSWORD),
    pt: await signIn(t.app, patient.user.email, PASSWORD),
    planUrl: `/api/patients/${patient.overview.id}/plan`,
  };
}

export interface VersionBody {
  id: string;
  number: number;
  status: string;
  version: number;
  reviewDate: string | null;
  content: Record<string, unknown> & {
    goals: { id: string; status: string }[];
    therapy: Record<string, unknown>;
    medication: {
      strategy: string;
      medicationIds: string[];
      linked: {
        medicationId: string;
        intent: string;
        note: string;
        snapshot: Record<string, unknown> | null;
      }[];
    };
  };
  signatures: { userId: string; valid: boolean; attestation: string | null }[];
  awaitingSignatureFrom: { userId: string }[];
}

export const body = (res: LightMyRequestResponse): VersionBody => res.json<VersionBody>();

/** Starts the plan from the clinic's "Depression: CBT + SSRI" template (as the therapist). */
export async function startFromTemplate(t: TestContext, w: PlanWorld): Promise<VersionBody> {
  const list = (await call(t.app, w.ts, 'GET', '/api/plan-templates')).json<{
    templates: { id: string; name: string }[];
  }>().templates;
  const template = list.find((x) => x.name.startsWith('Depression'));
  const res = await call(t.app, w.ts, 'POST', w.planUrl, { templateId: template?.id });
  if (res.statusCode !== 201) throw new Error(`start failed: ${res.body}`);
  return body(res);
}

export const ifMatch = (v: { version: number }) => ({ 'if-match': `"${String(v.version)}"` });

/** Signs the current draft as the given clinician at the version they read, confirming the attestation. */
export async function sign(t: TestContext, w: PlanWorld, s: Session, v: { version: number }) {
  return call(t.app, s, 'POST', `${w.planUrl}/draft/sign`, { attested: true }, ifMatch(v));
}

/** Starts from the template and gets both signatures: version 1 is agreed. */
export async function agreeFirstVersion(t: TestContext, w: PlanWorld): Promise<VersionBody> {
  const v1 = await startFromTemplate(t, w);
  await sign(t, w, w.ts, v1);
  const res = await sign(t, w, w.ps, v1);
  if (res.statusCode !== 200) throw new Error(`sign failed: ${res.body}`);
  return body(res);
}
