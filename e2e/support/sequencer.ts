// The order the journey files start in (vitest `sequence.sequencer`): the longest first, so that the two workers
// end together instead of one starting the longest file when the other is nearly done (issue 18: CI under
// 8 minutes). Vitest's own order in a fresh clone (no results cache) is by file size, which put the longest
// journey (every-page-axe) in the middle. Files not named here follow, larger ones first, as before.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The longest journeys, longest first (wall times of the last full run: docs/benchmarks.md, issue 18). */
export const LONGEST_FIRST = [
  'every-page-axe',
  'treatment-plan-and-messages',
  'therapy',
  'measures-safety-path',
  'enrol-patient',
  'medications',
  'forms-more',
  'two-factor',
  'form-errors',
  'self-harm-not-reached',
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
