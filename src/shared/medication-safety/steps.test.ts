import { addDays } from '../time/index.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkStepOrder } from './steps.js';

describe('titration steps in the order given', () => {
  it('the issue case (lithium 300 → 900 on day 3 → 600 on day 2) is refused naming step 2', () => {
    const errors = checkStepOrder([{ from: '2026-01-03' }, { from: '2026-01-02' }], '2026-01-01');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('body.steps.1.from');
    expect(errors[0]?.message).toMatch(/^Step 2 \(2026-01-02\) is before step 1 \(2026-01-03\)/);
  });
  it('a step on the start day or the same day as another is refused', () => {
    expect(checkStepOrder([{ from: '2026-01-01' }], '2026-01-01')[0]?.message).toMatch(
      /same day as the start/,
    );
    expect(checkStepOrder([{ from: '2026-01-05' }, { from: '2026-01-05' }], '2026-01-01')[0]?.path).toBe(
      'body.steps.1.from',
    );
  });
  it('ascending days pass; any list is refused exactly when it is not strictly ascending (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 8 }), (offsets) => {
        const steps = offsets.map((o) => ({ from: addDays('2026-03-01', o) }));
        const strictly = offsets.every((o, i) => i === 0 || o > (offsets[i - 1] ?? 0));
        const errors = checkStepOrder(steps, '2026-03-01');
        expect(errors.length === 0).toBe(strictly);
        // nothing is re-sorted: the input is untouched
        expect(steps.map((s) => s.from)).toEqual(offsets.map((o) => addDays('2026-03-01', o)));
      }),
    );
  });
});
