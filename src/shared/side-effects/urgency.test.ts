import { describe, expect, it } from 'vitest';
import { isUrgentReport, urgentReasons, urgentSymptomsOf } from './urgency.js';
import { symptomCodesFrom } from './symptoms.js';

describe('side-effect urgency (care-rules.md "Side effects")', () => {
  it.each([
    [{ severity: 'mild', wantsToStop: false, urgentSymptoms: [] }, []],
    [{ severity: 'moderate', wantsToStop: false, urgentSymptoms: [] }, []],
    [{ severity: 'severe', wantsToStop: false, urgentSymptoms: [] }, ['severe']],
    [{ severity: 'mild', wantsToStop: true, urgentSymptoms: [] }, ['wants_to_stop']],
    [{ severity: 'mild', wantsToStop: false, urgentSymptoms: ['rash'] }, ['urgent_symptom']],
    [
      { severity: 'severe', wantsToStop: true, urgentSymptoms: ['rash'] },
      ['severe', 'wants_to_stop', 'urgent_symptom'],
    ],
  ] as const)('%o → %o', (input, reasons) => {
    expect(urgentReasons(input)).toEqual(reasons);
    expect(isUrgentReport(input)).toBe(reasons.length > 0);
  });

  it('keeps only the symptoms urgent for the medication, in checklist order', () => {
    expect(urgentSymptomsOf(['rash', 'nausea'], ['rash'])).toEqual(['rash']);
    expect(urgentSymptomsOf(['nausea'], ['rash'])).toEqual([]);
  });

  it('reads stored symptom lists defensively', () => {
    expect(symptomCodesFrom('["rash","made-up","nausea"]')).toEqual(['nausea', 'rash']);
    expect(symptomCodesFrom('not json')).toEqual([]);
    expect(symptomCodesFrom(null)).toEqual([]);
    expect(symptomCodesFrom('{"a":1}')).toEqual([]);
  });
});
