import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { TEST_NOW } from '../../testing/test-app.js';
import { backfill } from '../../db/migrations/014-measure-summaries.js';
import { backfill as backfill033 } from '../../db/migrations/033-answer-dates-and-baselines.js';
import { registryFixture, WEEK, type RegistryFixture } from '../registry/registry.test-kit.js';
import { rebuildMeasureSummaries } from './summaries.repository.js';

let f: RegistryFixture;
beforeAll(async () => {
  f = await registryFixture();
});
afterAll(() => f.t.close());

const summaries = () =>
  f.t.deps.database.db
    .selectFrom('measure_summaries')
    .selectAll()
    .where('clinic_id', '=', f.clinic)
    .orderBy('patient_id')
    .orderBy('instrument')
    .execute();

describe('measure summaries (baseline and latest scored answer per patient and instrument)', () => {
  it('follow every stored answer, skip unscored ones, and are rebuilt identically by the migration backfill', async () => {
    const p = await f.patient('Summary');
    await f.score(p, 'phq9', 20, TEST_NOW - 6 * WEEK);
    await f.score(p, 'phq9', null, TEST_NOW - 4 * WEEK);
    await f.score(p, 'phq9', 11, TEST_NOW - 2 * WEEK);
    await f.score(p, 'gad7', 9, TEST_NOW - 2 * WEEK);
    const kept = await summaries();
    expect(kept.map((s) => [s.instrument, s.first_total, s.last_total, s.scored_count])).toEqual([
      ['gad7', 9, 9, 1],
      ['phq9', 20, 11, 2],
    ]);

    const db = f.t.deps.database.db;
    await db.deleteFrom('measure_summaries').execute();
    await backfill(db as unknown as Kysely<unknown>);
    await backfill033(db as unknown as Kysely<unknown>);
    expect(await summaries()).toEqual(kept);
    await db.deleteFrom('measure_summaries').execute();
    await rebuildMeasureSummaries(db, f.clinic);
    expect(await summaries()).toEqual(kept);
  });
});
