import { describe, expect, it } from 'vitest';
import { openVacancies } from './vacancy.js';

describe('openVacancies (issue 15)', () => {
  it.each([
    { name: 'none', removals: [], roles: [] },
    {
      name: 'a departure with a reason',
      removals: [{ role: 'therapist', reason: 'Referred out', at: 5 }],
      roles: ['therapist'],
    },
    {
      name: 'an ordinary removal carries no reason',
      removals: [{ role: 'therapist', reason: null, at: 5 }],
      roles: [],
    },
    {
      name: 'only the latest removal of a role counts (newer ordinary removal hides an older reason)',
      removals: [
        { role: 'therapist', reason: null, at: 9 },
        { role: 'therapist', reason: 'Referred out', at: 5 },
      ],
      roles: [],
    },
    {
      name: 'one per role, roles independent',
      removals: [
        { role: 'therapist', reason: 'Left the clinic', at: 9 },
        { role: 'prescriber', reason: 'Moved away', at: 7 },
        { role: 'therapist', reason: 'Older reason', at: 5 },
      ],
      roles: ['therapist', 'prescriber'],
    },
  ])('$name', ({ removals, roles }) => {
    expect(openVacancies(removals).map((r) => r.role)).toEqual(roles);
  });

  it('keeps the latest reason of the role', () => {
    const [v] = openVacancies([
      { role: 'therapist', reason: 'Newest', at: 9 },
      { role: 'therapist', reason: 'Oldest', at: 1 },
    ]);
    expect(v?.reason).toBe('Newest');
  });
});
