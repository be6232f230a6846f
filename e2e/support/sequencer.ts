// The order the journey files start in (vitest `sequence.sequencer`): the longest first, so that the two workers
// end together instead of one starting the longest file when the other is nearly done (issue 18: CI under
// 8 minutes). Vitest's own order in a fresh clone (no results cache) is by file size, which put the longest
// journey (every-page-axe) in the middle. Files not named here follow, larger ones first, as before.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest journeys, longest first: wall times of the full run of 2026-12-07 14:40 UTC (issue 18,
 * docs/benchmarks-history.md), every-page-axe 163 s down to prescribing-safety 41 s under a load average of ~20.
 */
export const LONGEST_FIRST = [
  'every-page-axe',
  'treatment-plan-and-messages',
  'measures-safety-path',
  'therapy',
  'forms-more',
  'admin-invites-clinician',
  'two-factor',
  'self-harm-not-reached',
  'form-errors',
  'medications',
  'medications-prescriber',
  'enrol-patient',
  'crisis-berlin',
  'forgot-password',
  'prescribing-safety',
];

function rank(spec: TestSpecification): number {
  const name = /([^/\\]+)\.e2e\.test\.ts$/.exec(spec.moduleId)?.[1] ?? '';
  const index = LONGEST_FIRST.indexOf(name);
  return index === -1 ? LONGEST_FIRST.length : index;
}

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const bySize = await super.sort(files);
    // Array.prototype.sort is stable: the unnamed files keep the base order among themselves.
    return [...bySize].sort((a, b) => rank(a) - rank(b));
  }
}
