import { describe, expect, it } from 'vitest';
import { boundForecasts } from './supplies-bound.js';
import type { RefillForecast } from './schemas.js';

const forecast = (medicationId: string, name: string): RefillForecast => ({
  medicationId,
  name,
  supplyId: `s-${medicationId}`,
  quantity: 30,
  unitStrength: null,
  countedOn: '2026-11-01',
  unitsLeftToday: 29,
  runsOutOn: null,
  daysLeft: null,
  basis: 'schedule',
  lowSupply: false,
  recordedBy: 'u1',
  createdAt: 0,
});

// By name, as the list answers: Bupropion (ended 2026-09-30), Lithium (current), Mirtazapine (ended 2026-10-31),
// Sertraline (ends today: still current).
const forecasts = [
  forecast('b', 'Bupropion'),
  forecast('l', 'Lithium'),
  forecast('m', 'Mirtazapine'),
  forecast('s', 'Sertraline'),
];
const medications = [
  { medicationId: 'b', endDate: '2026-09-30' },
  { medicationId: 'l', endDate: null },
  { medicationId: 'm', endDate: '2026-10-31' },
  { medicationId: 's', endDate: '2026-11-02' },
];
const TODAY = '2026-11-02';

describe('boundForecasts', () => {
  it.each([
    [4, ['Bupropion', 'Lithium', 'Mirtazapine', 'Sertraline'], false],
    [3, ['Lithium', 'Mirtazapine', 'Sertraline'], true],
    [2, ['Lithium', 'Sertraline'], true],
    [1, ['Lithium'], true],
  ])('limit %i keeps %j (hasMore %s)', (limit, names, hasMore) => {
    const out = boundForecasts(forecasts, medications, TODAY, limit);
    expect(out.supplies.map((f) => f.name)).toEqual(names);
    expect(out.hasMore).toBe(hasMore);
  });

  it('treats a medication it cannot find as current, so a forecast is never dropped for lack of a record', () => {
    const out = boundForecasts(forecasts, [], TODAY, 2);
    expect(out.supplies).toHaveLength(2);
    expect(out.hasMore).toBe(true);
  });
});
