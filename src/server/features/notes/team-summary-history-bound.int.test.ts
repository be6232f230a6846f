// Issue 19: a team summary's history is bounded (TEAM_SUMMARY_HISTORY_MAX): `?limit=` above the maximum is a
// 400 naming it, never cut silently; a history cut at its limit says so (`hasMore`), newest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/test-app.js';
import { messagingFixture, type MessagingFixture } from '../messaging/messaging.test-kit.js';
import { expectLimitRefused } from '../../testing/bounded-list.test-kit.js';
import { TEAM_SUMMARY_HISTORY_MAX } from '../../../shared/lists/limits.js';

type History = { versions: { version: number }[]; hasMore: boolean };
let f: MessagingFixture;
let url: string;

beforeAll(async () => {
  f = await messagingFixture();
  const base = `/api/patients/${f.patient.overview.id}/team-summaries`;
  url = `${base}/history?kind=therapy`;
  for (const [baseVersion, text] of ['Activation.', 'Activation and sleep.', 'Sleep.'].entries()) {
    const res = await call(f.t.app, f.as.therapist, 'PUT', `${base}/therapy`, { text, baseVersion });
    expect(res.statusCode).toBe(200);
  }
});
afterAll(() => f.t.close());

describe('GET …/team-summaries/history is bounded', () => {
  it('a limit above the maximum is a 400 naming it; a small limit answers the newest with hasMore', async () => {
    expectLimitRefused(
      await call(f.t.app, f.as.prescriber, 'GET', `${url}&limit=${String(TEAM_SUMMARY_HISTORY_MAX + 1)}`),
      TEAM_SUMMARY_HISTORY_MAX,
    );
    const all = (await call(f.t.app, f.as.prescriber, 'GET', url)).json<History>();
    expect(all.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(all.hasMore).toBe(false);
    const cut = (await call(f.t.app, f.as.prescriber, 'GET', `${url}&limit=2`)).json<History>();
    expect(cut.versions.map((v) => v.version)).toEqual([3, 2]);
    expect(cut.hasMore).toBe(true);
  });
});
