import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { buildApp } from '../../app.js';
import { createDeps } from '../../bootstrap.js';
import { FakeClock } from '../../platform/clock.js';
import type { AppDeps } from '../../platform/deps.js';
import { inFreshScope } from '../../platform/request-scope.js';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import { call, signIn, testConfig, TEST_NOW, type Session } from '../../testing/test-app.js';
import { buildClinic, buildUser, PASSWORD, type BuiltUser } from '../../testing/factories.js';
import { clinicSettingsSchema, type ClinicSettings } from '../../../shared/clinic/settings.js';
import { clinicSettings } from './clinic-settings.service.js';
import { updateSettings } from './clinic.service.js';

/** Counts the queries that read the clinics table. */
class ClinicReads implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind === 'SelectQueryNode' && JSON.stringify(args.node.from).includes('"clinics"'))
      this.count++;
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

let testDb: TestDatabase;
let deps: AppDeps;
let app: FastifyInstance;
let clinicId: string;
let admin: BuiltUser;
let session: Session;
const reads = new ClinicReads();
const url = '/api/admin/settings';

async function storeRaw(settings: Record<string, unknown>): Promise<void> {
  await deps.database.db
    .updateTable('clinics')
    .set({ settings: JSON.stringify(settings) })
    .where('id', '=', clinicId)
    .execute();
}
async function storedRaw(): Promise<Record<string, unknown>> {
  const row = await deps.database.db
    .selectFrom('clinics')
    .select('settings')
    .where('id', '=', clinicId)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.settings) as Record<string, unknown>;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  deps = createDeps(testConfig(), testDb.database, new FakeClock(TEST_NOW));
  app = await buildApp(deps, { serveWeb: false });
  // A probe route for this file only: reads the settings twice in one request, with a body to parse first
  // (reading the body leaves the request's async context, the scope must survive it).
  app.post('/api/test/settings-twice', { config: { policy: { access: 'public' } } }, async (request) => {
    const { clinic } = request.body as { clinic: string };
    const counted = deps.database.db.withPlugin(reads);
    const first = await clinicSettings(counted, clinic);
    const second = await clinicSettings(counted, clinic);
    return { same: first === second, planReviewWeeks: second.planReviewWeeks };
  });
  await app.ready();
  clinicId = await buildClinic(deps);
  admin = await buildUser(deps, clinicId, 'admin');
  session = await signIn(app, admin.email, PASSWORD);
});

afterAll(async () => {
  await app.close();
  await testDb.drop();
});

beforeEach(async () => {
  await storeRaw({ staffTwoFactorRequired: false, planReviewWeeks: 6, escalationHours: 3 });
});

describe('PUT /api/admin/settings refuses a bad key at its field, and saves nothing', () => {
  it.each([
    ['escalationHours', 'soon'],
    ['escalationHours', 100],
    ['planReviewWeeks', 0],
    ['feedbackLowRating', 2.5],
    ['country', 'Atlantis'],
  ])('%s = %j: 400 at body.%s', async (key, value) => {
    const res = await call(app, session, 'PUT', url, { planReviewWeeks: 8, [key]: value });
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      error: { code: string; message: string; details: { path: string; message: string }[] };
    }>();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toEqual(expect.any(String));
    expect(body.error.details.map((d) => d.path)).toEqual([`body.${key}`]);
    expect(await storedRaw()).toMatchObject({ planReviewWeeks: 6, escalationHours: 3 });
  });

  it('a key that is not a clinic setting: 400 at body.<key>, nothing saved (it used to be dropped silently)', async () => {
    const res = await call(app, session, 'PUT', url, { planReviewWeeks: 8, planReviewWeek: 9 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: expect.any(String),
        details: [{ path: 'body.planReviewWeek', message: 'Not a clinic setting' }],
      },
    });
    expect(await storedRaw()).toEqual({
      staffTwoFactorRequired: false,
      planReviewWeeks: 6,
      escalationHours: 3,
    });
  });

  it('good keys save, and the answer is the whole settings object', async () => {
    const res = await call(app, session, 'PUT', url, { planReviewWeeks: 8 });
    expect(res.statusCode).toBe(200);
    expect(res.json<ClinicSettings>()).toMatchObject({ planReviewWeeks: 8, escalationHours: 3 });
    expect(await storedRaw()).toMatchObject({ planReviewWeeks: 8, escalationHours: 3 });
  });
});

describe('a stored key that cannot be read', () => {
  it('falls back alone: the other keys, the on-call contact included, keep their stored values', async () => {
    const clinician = await buildUser(deps, clinicId, 'therapist');
    await storeRaw({
      escalationHours: 'soon',
      planReviewWeeks: 7,
      onCallUserId: clinician.id,
      country: 'DE',
    });
    const res = await call(app, session, 'GET', url);
    expect(res.statusCode).toBe(200);
    expect(res.json<ClinicSettings>()).toMatchObject({
      escalationHours: clinicSettingsSchema.shape.escalationHours.parse(undefined),
      planReviewWeeks: 7,
      onCallUserId: clinician.id,
      country: 'DE',
    });
  });

  it('is reported (key names only), once per scope', async () => {
    await storeRaw({ escalationHours: 3, planReviewWeeks: 'six' });
    const report = vi.fn();
    await inFreshScope(async () => {
      expect((await clinicSettings(deps.database.db, clinicId)).escalationHours).toBe(3);
      await clinicSettings(deps.database.db, clinicId);
    }, report);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith({ clinicId, keys: ['planReviewWeeks'] }, expect.any(String));
  });
});

describe('read at most once per request (issue 18)', () => {
  it('one request reads the clinic row once; the next request reads it afresh', async () => {
    reads.count = 0;
    const first = await call(app, null, 'POST', '/api/test/settings-twice', { clinic: clinicId });
    expect(first.json()).toEqual({ same: true, planReviewWeeks: 6 });
    expect(reads.count).toBe(1);
    await storeRaw({ planReviewWeeks: 9 });
    const second = await call(app, null, 'POST', '/api/test/settings-twice', { clinic: clinicId });
    expect(second.json()).toEqual({ same: true, planReviewWeeks: 9 });
    expect(reads.count).toBe(2);
  });

  it('outside any scope every call reads (nothing is kept between requests or jobs)', async () => {
    reads.count = 0;
    const counted = deps.database.db.withPlugin(reads);
    await clinicSettings(counted, clinicId);
    await clinicSettings(counted, clinicId);
    expect(reads.count).toBe(2);
  });

  it('a save in the same scope is seen by the next read', async () => {
    await inFreshScope(async () => {
      expect((await clinicSettings(deps.database.db, clinicId)).planReviewWeeks).toBe(6);
      await updateSettings(deps, admin.actor, { planReviewWeeks: 11 });
      expect((await clinicSettings(deps.database.db, clinicId)).planReviewWeeks).toBe(11);
    });
  });
});
