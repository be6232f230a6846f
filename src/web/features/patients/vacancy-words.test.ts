import { describe, expect, it } from 'vitest';
import { vacancyDetail, vacancyLine } from './vacancy-words';

const vacancy = {
  role: 'therapist' as const,
  leftName: 'Dana Reyes',
  since: Date.parse('2026-12-08T03:30:00Z'),
  reason: 'Referred out next week',
  byName: 'Ada Admin',
};

describe('vacancy words (issue 15)', () => {
  it('names the role, the day in the viewer’s zone and the reason', () => {
    const line = vacancyLine(vacancy, 'America/Chicago');
    expect(line.startsWith('No therapist since ')).toBe(true);
    expect(line).toContain('7');
    expect(line).not.toContain('8 Dec');
    expect(line.endsWith(': Referred out next week')).toBe(true);
  });

  it('uses the care manager’s words', () => {
    expect(vacancyLine({ ...vacancy, role: 'care_manager' }, 'UTC')).toMatch(/^No care manager since /);
  });

  it('says who left and who chose', () => {
    expect(vacancyDetail(vacancy)).toBe('Dana Reyes left the team; left unassigned by Ada Admin');
  });
});
