// Issue 19: a patient's care-team history is bounded (CARE_TEAM_CHANGES_MAX): `?limit=` above the maximum is a
// 400 naming it, never cut silently; a history cut at its limit says so (`hasMore`), newest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../testing/test-app.js';
import {
  buildClinic,
  buildPatient,
  buildUser,
  PASSWORD,
  type BuiltPatient,
} from '../../testing/factories.js';
import { expectLimitRefused } from '../../testing/bounded-list.test-kit.js';
import { CARE_TEAM_CHANGES_MAX } from '../../../shared/lists/limits.js';

type History = { changes: { id: string; at: number }[]; hasMore: boolean };
let t: TestContext;
let session: Session;
let patient: BuiltPatient;
const url = () => `/api/patients/${patient.overview.id}/care-team/history`;

beforeAll(async () => {
  t = await createTestContext();
  const clinic = await buildClinic(t.deps);
  const therapist = await buildUser(t.deps, clinic, 'therapist');
  const prescriber = await buildUser(t.deps, clinic, 'prescriber');
  patient = await buildPatient(t.deps, therapist, [
    { user: therapist, role: 'therapist' },
    { user: prescriber, role: 'prescriber' },
  ]);
  session = await signIn(t.app, therapist.email, PASSWORD);
});
afterAll(() => t.close());

describe('GET …/care-team/history is bounded', () => {
  it('a limit above the maximum is a 400 naming it; a small limit answers the newest with hasMore', async () => {
    expectLimitRefused(
      await call(t.app, session, 'GET', `${url()}?limit=${String(CARE_TEAM_CHANGES_MAX + 1)}`),
      CARE_TEAM_CHANGES_MAX,
    );
    const all = (await call(t.app, session, 'GET', url())).json<History>();
    expect(all.changes).toHaveLength(2);
    expect(all.hasMore).toBe(false);
    const cut = (await call(t.app, session, 'GET', `${url()}?limit=1`)).json<History>();
    expect(cut.hasMore).toBe(true);
    expect(cut.changes.map((c) => c.id)).toEqual([all.changes[0]?.id]);
  });
});
