import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signIn, call, type TestContext } from '../testing/test-app.js';
import { DEMO_PASSWORD, seedDemoClinic } from './seed-demo.js';
import type { RegistryResponse } from '../../shared/registry/schemas.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  // The demo seed is set-up, under the hook's 60 s limit rather than a test's 20 s (slow under load).
  expect(await seedDemoClinic(t.deps)).toBe(true);
});
afterAll(() => t.close());

describe('demo clinic registry and case review', () => {
  it('shows each state in the care manager registry, with the stalled patient marked for a scheduled review', async () => {
    const cm = await signIn(t.app, 'caremanager@demo.duet.test', DEMO_PASSWORD);
    const reg = (await call(t.app, cm, 'GET', '/api/registry')).json<RegistryResponse>();
    const statuses = reg.patients.map((p) => p.status);
    expect(statuses).toEqual(expect.arrayContaining(['remission', 'not_improving']));
    const marked = reg.patients.filter((p) => p.markedForCaseReview);
    expect(marked).toHaveLength(1);
    expect(marked[0]?.flags).toEqual(expect.arrayContaining(['not_improving', 'case_review']));
    const sessions = await call(t.app, cm, 'GET', '/api/case-reviews');
    expect(sessions.json<{ sessions: unknown[] }>().sessions).toHaveLength(1);
  });
});
