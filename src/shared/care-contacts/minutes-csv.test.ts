import { describe, expect, it } from 'vitest';
import { cocmMonth } from './cocm-minutes.js';
import { csvCell, minutesReportCsv } from './minutes-csv.js';

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['O"Neil, Ann', '"O""Neil, Ann"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['-5', "'-5"],
    ['line\nbreak', '"line\nbreak"'],
    [70, '70'],
  ] as const)('%s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('the monthly minutes report', () => {
  it('lists patients with minutes, their month and the thresholds crossed; leaves out patients with none', () => {
    const csv = minutesReportCsv({
      month: '2026-12',
      clinicTimeZone: 'America/Chicago',
      patients: [
        {
          patientId: 'a',
          givenName: 'Ann',
          familyName: 'Avery',
          contacts: 3,
          cocm: { month: '2026-12', ...cocmMonth(75, true) },
        },
        {
          patientId: 'b',
          givenName: 'Bo',
          familyName: 'Bell',
          contacts: 0,
          cocm: { month: '2026-12', ...cocmMonth(0, false) },
        },
        {
          patientId: 'c',
          givenName: 'Cy',
          familyName: 'Cole',
          contacts: 2,
          cocm: { month: '2026-12', ...cocmMonth(40, false) },
        },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'Month,Clinic time zone,Family name,Given name,Care-manager contacts,Minutes,CoCM month,Threshold minutes,Thresholds crossed',
      '2026-12,America/Chicago,Avery,Ann,3,75,first,70,"G2214 (30 min), 99492 (70 min)"',
      '2026-12,America/Chicago,Cole,Cy,2,40,later,60,G2214 (30 min)',
      '',
    ]);
  });
});
