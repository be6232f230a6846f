import { randomUUID } from 'node:crypto';
import { createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';

/** One clinic: a full care team around one patient, and an outsider with a patient of their own. */
export interface MessagingFixture {
  t: TestContext;
  therapist: BuiltUser;
  prescriber: BuiltUser;
  careManager: BuiltUser;
  outsider: BuiltUser;
  patient: BuiltPatient;
  otherPatient: BuiltPatient;
  as: Record<'therapist' | 'prescriber' | 'careManager' | 'outsider' | 'patient' | 'otherPatient', Session>;
  /** Moves the fake clock and signs everyone in again (sessions end after 30 idle minutes). */
  setClock(ms: number): Promise<void>;
}

export async function messagingFixture(): Promise<MessagingFixture> {
  const t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  const therapist = await buildUser(t.deps, clinic, 'therapist', 'Tess Therapist');
  const prescriber = await buildUser(t.deps, clinic, 'prescriber', 'Pete Prescriber');
  const careManager = await buildUser(t.deps, clinic, 'care_manager', 'Cam Manager');
  const outsider = await buildUser(t.deps, clinic, 'therapist', 'Otto Outsider');
  const patient = await buildPatient(
    t.deps,
    therapist,
    [
      { user: therapist, role: 'therapist' },
      { user: prescriber, role: 'prescriber' },
      { user: careManager, role: 'care_manager' },
    ],
    { givenName: 'Zelda', familyName: 'Quixotic' },
  );
  const otherPatient = await buildPatient(t.deps, outsider, [{ user: outsider, role: 'therapist' }], {
    givenName: 'Yuri',
    familyName: 'Umbrage',
  });
  const sign = (u: BuiltUser) => signIn(t.app, u.email, PASSWORD);
  const signAll = async () => ({
    therapist: await sign(therapist),
    prescriber: await sign(prescriber),
    careManager: await sign(careManager),
    outsider: await sign(outsider),
    patient: await sign(patient.user),
    otherPatient: await sign(otherPatient.user),
  });
  const fixture: MessagingFixture = {
    t,
    therapist,
    prescriber,
    careManager,
    outsider,
    patient,
    otherPatient,
    as: await signAll(),
    async setClock(ms: number) {
      t.clock.set(ms);
      fixture.as = await signAll();
    },
  };
  return fixture;
}

export const uuid = (): string => randomUUID();
