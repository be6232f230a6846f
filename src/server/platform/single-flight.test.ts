import { describe, expect, it } from 'vitest';
import { backgroundUnit, timeSlices, watchBackgroundSlices, yieldToEventLoop } from './single-flight.js';

// Issue 19: background work in slices of a time budget, and the slices the bench times.

describe('timeSlices', () => {
  it('gives a turn only once the slice has run for its budget, then starts a new slice', async () => {
    let now = 0;
    let turns = 0;
    const slices = timeSlices(
      8,
      () => now,
      () => {
        turns++;
        return Promise.resolve();
      },
    );
    now = 7.9;
    await slices.maybeYield();
    expect(turns).toBe(0);
    now = 8;
    await slices.maybeYield();
    expect(turns).toBe(1);
    // The new slice started at 8: nothing until 16.
    now = 15;
    await slices.maybeYield();
    expect(turns).toBe(1);
    await slices.yieldNow();
    expect(turns).toBe(2);
    expect(slices.turns()).toBe(2);
    // yieldNow started a new slice at 15.
    now = 22;
    await slices.maybeYield();
    expect(turns).toBe(2);
    now = 23;
    await slices.maybeYield();
    expect(turns).toBe(3);
  });
});

describe('slice watcher', () => {
  it('sees one slice per stretch between turns, under the unit in hand, and nothing outside a unit', async () => {
    const events: string[] = [];
    watchBackgroundSlices({
      sliceStarted: () => events.push('start'),
      sliceEnded: (unit) => events.push(`end ${unit}`),
    });
    try {
      await yieldToEventLoop(); // outside any unit: not timed
      await backgroundUnit('reminders', async () => {
        await yieldToEventLoop();
        await yieldToEventLoop();
        await backgroundUnit('inner', () => Promise.resolve()); // counts for the outer unit
      });
    } finally {
      watchBackgroundSlices(null);
    }
    expect(events).toEqual(['start', 'end reminders', 'start', 'end reminders', 'start', 'end reminders']);
  });
});
