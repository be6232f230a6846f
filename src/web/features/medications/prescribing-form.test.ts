import { describe, expect, it } from 'vitest';
import type { PrescribingCheckResult } from '../../../shared/medication-safety/prescribing-check';
import type { InputProps } from '../../lib/schema-form';
import {
  OVER_MAXIMUM_REASON_WORDS,
  checkErrors,
  checkWords,
  reasonMissing,
  withCheckWords,
} from './prescribing-form';

const checks = (parts: Partial<PrescribingCheckResult>): PrescribingCheckResult => ({
  fieldErrors: [],
  overMaximum: [],
  warnings: [],
  range: null,
  ...parts,
});
const over = (path: string, message: string) => ({ path, message, doseMgPerDay: 300, maxMgPerDay: 200 });
const wrongUnit = { path: 'body.doseUnit', message: 'Sertraline is dosed in mg, not mL.' };
const stepOrder = { path: 'body.steps.1.from', message: 'Each step starts after the one before.' };
const stepUnit = { path: 'body.steps.0.doseUnit', message: 'Steps are dosed in mg.' };
const overDose = over('body.doseAmount', 'Above the maximum of 200 mg a day.');
const overStep = over('body.steps.0.doseAmount', 'Step 1 is above the maximum of 200 mg a day.');

describe('the prescribing checks at the form fields', () => {
  it.each([
    ['no checks yet (context loading)', null, '', {}, {}],
    ['nothing found', checks({}), '', {}, {}],
    [
      'a refusal at its field',
      checks({ fieldErrors: [wrongUnit] }),
      '',
      { doseUnit: wrongUnit.message },
      { doseUnit: wrongUnit.message },
    ],
    [
      'step problems: full paths for the check, one line at the steps as typed (the first)',
      checks({ fieldErrors: [stepOrder, stepUnit] }),
      '',
      { 'steps.1.from': stepOrder.message, 'steps.0.doseUnit': stepUnit.message },
      { steps: stepOrder.message },
    ],
    [
      'above the maximum without a reason: the dose says why, the reason is asked for',
      checks({ overMaximum: [overDose] }),
      '  ',
      { overMaximumReason: OVER_MAXIMUM_REASON_WORDS },
      { doseAmount: overDose.message, overMaximumReason: OVER_MAXIMUM_REASON_WORDS },
    ],
    [
      'above the maximum with a reason',
      checks({ overMaximum: [overDose, overStep] }),
      'Partial response at 200 mg for 8 weeks',
      {},
      { doseAmount: overDose.message, steps: overStep.message },
    ],
    [
      'a refusal and the maximum at the same field: the refusal first',
      checks({ fieldErrors: [{ path: 'body.doseAmount', message: 'Not a dose.' }], overMaximum: [overDose] }),
      'why',
      { doseAmount: 'Not a dose.' },
      { doseAmount: 'Not a dose.' },
    ],
  ])('%s', (_, result, reason, errors, words) => {
    expect(checkErrors(result, reason)).toEqual(errors);
    expect(checkWords(result, reason)).toEqual(words);
    expect(reasonMissing(result, reason)).toBe('overMaximumReason' in errors);
  });

  it("keeps the form's own message first, the checks' words otherwise", () => {
    const props = (error: string | undefined): InputProps => ({
      value: '300',
      onChange: () => undefined,
      onBlur: () => undefined,
      error,
      ref: () => undefined,
    });
    const words = { doseAmount: overDose.message };
    expect(withCheckWords(props('Enter a dose.'), words, 'doseAmount').error).toBe('Enter a dose.');
    expect(withCheckWords(props(undefined), words, 'doseAmount').error).toBe(overDose.message);
    expect(withCheckWords(props(undefined), words, 'doseUnit').error).toBeUndefined();
  });
});
