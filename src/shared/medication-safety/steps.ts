/**
 * Titration and taper steps (issue 11: steps entered out of order were silently sorted). Steps are kept in
 * the order the prescriber gave them; each must start after the one before (and after the start or the day
 * the steps follow). Out of order or on the same day is refused, naming the step; nothing is re-sorted.
 */
export interface StepDay {
  from: string;
}

export interface StepOrderError {
  /** Position in the list as given (0-based). */
  index: number;
  path: string;
  message: string;
}

/**
 * Checks steps in the order given. `after` is the day they follow (the start date, or the day before the
 * first step when planning steps on an existing medication: null skips that check). `pathPrefix` is the
 * field of the list, e.g. 'body.steps'.
 */
export function checkStepOrder(
  steps: readonly StepDay[],
  after: string | null,
  pathPrefix = 'body.steps',
): StepOrderError[] {
  const errors: StepOrderError[] = [];
  let previous: { from: string; label: string } | null =
    after === null ? null : { from: after, label: 'the start' };
  steps.forEach((step, index) => {
    const label = `Step ${String(index + 1)}`;
    const path = `${pathPrefix}.${String(index)}.from`;
    if (previous !== null) {
      if (step.from === previous.from)
        errors.push({
          index,
          path,
          message: `${label} starts on ${step.from}, the same day as ${previous.label}. Give each step its own day.`,
        });
      else if (step.from < previous.from)
        errors.push({
          index,
          path,
          message: `${label} (${step.from}) is before ${previous.label} (${previous.from}). Enter the steps in date order; nothing is re-ordered for you.`,
        });
    }
    // Compare the next step with the latest day so far, so one wrong step does not hide another.
    if (previous === null || step.from > previous.from)
      previous = { from: step.from, label: label.toLowerCase() };
  });
  return errors;
}
