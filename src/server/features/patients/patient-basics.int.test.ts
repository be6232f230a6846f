import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { createTestContext, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  type BuiltPatient,
  type BuiltUser,
} from '../../testing/factories.js';
import { inFreshScope } from '../../platform/request-scope.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';
import { updateCareTeam, updatePatient } from './patients.service.js';

/** Counts the queries that read the patients table. */
class PatientReads implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind === 'SelectQueryNode' && JSON.stringify(args.node.from).includes('"patients"'))
      this.count++;
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

let t: TestContext;
let clinicId: string;
let therapist: BuiltUser;
let prescriber: BuiltUser;
let patient: BuiltPatient;

beforeAll(async () => {
  t = await createTestContext();
  clinicId = await buildClinic(t.deps);
  therapist = await buildUser(t.deps, clinicId, 'therapist');
  prescriber = await buildUser(t.deps, clinicId, 'prescriber');
  patient = await buildPatient(t.deps, therapist, [{ user: therapist, role: 'therapist' }], {
    givenName: 'Rosa',
    familyName: 'Diaz',
    timeZone: 'America/Denver',
  });
});
afterAll(() => t.close());

describe('patientBasics (issue 18): one lookup of zone, name, clinic, team and country', () => {
  it('reads the patient with the care team and its roles', async () => {
    expect(await patientBasics(t.deps.database.db, clinicId, patient.overview.id)).toEqual({
      id: patient.overview.id,
      clinicId,
      userId: patient.user.id,
      givenName: 'Rosa',
      familyName: 'Diaz',
      displayName: 'Rosa Diaz',
      birthDate: '1990-05-17',
      timeZone: 'America/Denver',
      country: null,
      enrolledAt: expect.any(Number),
      careTeam: [{ userId: therapist.id, role: 'therapist' }],
    });
  });

  it('is null for an unknown patient and for a patient of another clinic', async () => {
    const other = await buildClinic(t.deps, 'Other clinic');
    expect(await patientBasics(t.deps.database.db, other, patient.overview.id)).toBeNull();
    expect(
      await patientBasics(t.deps.database.db, clinicId, '01900000-0000-7000-8000-000000000000'),
    ).toBeNull();
  });

  it('is read once per scope; outside a scope every call reads', async () => {
    const reads = new PatientReads();
    const db = t.deps.database.db.withPlugin(reads);
    await inFreshScope(async () => {
      const first = await patientBasics(db, clinicId, patient.overview.id);
      const second = await patientBasics(db, clinicId, patient.overview.id);
      expect(second).toBe(first);
    });
    expect(reads.count).toBe(1);
    await patientBasics(db, clinicId, patient.overview.id);
    await patientBasics(db, clinicId, patient.overview.id);
    expect(reads.count).toBe(3);
  });

  it('a change to the patient in the same scope is seen by the next read', async () => {
    await inFreshScope(async () => {
      const before = await patientBasics(t.deps.database.db, clinicId, patient.overview.id);
      expect(before?.timeZone).toBe('America/Denver');
      const updated = await updatePatient(
        t.deps,
        therapist.actor,
        patient.overview.id,
        patient.overview.version,
        {
          timeZone: 'Europe/Berlin',
        },
      );
      expect(updated.timeZone).toBe('Europe/Berlin');
      expect((await patientBasics(t.deps.database.db, clinicId, patient.overview.id))?.timeZone).toBe(
        'Europe/Berlin',
      );
    });
  });

  it('a care-team change in the same scope is seen by the next read', async () => {
    await inFreshScope(async () => {
      const before = await patientBasics(t.deps.database.db, clinicId, patient.overview.id);
      expect(before?.careTeam).toEqual([{ userId: therapist.id, role: 'therapist' }]);
      await updateCareTeam(t.deps, therapist.actor, patient.overview.id, patient.overview.careTeamVersion, [
        { userId: therapist.id, role: 'therapist' },
        { userId: prescriber.id, role: 'prescriber' },
      ]);
      const after = await patientBasics(t.deps.database.db, clinicId, patient.overview.id);
      expect(after?.careTeam).toEqual([
        { userId: therapist.id, role: 'therapist' },
        { userId: prescriber.id, role: 'prescriber' },
      ]);
    });
  });
});
