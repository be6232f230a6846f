import type { Instrument, SeverityBand } from './instruments.js';

/** Answers by item position; null (or absent) = not answered. */
export interface Answers {
  items: readonly (number | null | undefined)[];
  functional?: number | null | undefined;
}

export interface Score {
  /** Sum of the items; null when any item is missing (a partial questionnaire has no total). */
  total: number | null;
  severity: SeverityBand | null;
  /** 1-based numbers of unanswered items. */
  missingItems: number[];
  /** Why there is no total, in words; null when there is one. */
  incompleteReason: string | null;
  /** The safety item's answer (PHQ-9 item 9), null when the instrument has none or it is unanswered. */
  safetyItem: number | null;
}

/** The band a total falls in (bands are inclusive ranges from the instrument's source). */
export function severityOf(instrument: Instrument, total: number): SeverityBand | null {
  return instrument.severityBands.find((b) => total >= b.min && total <= b.max) ?? null;
}

/** Checks each answer is one of the instrument's option values; returns the problems found. */
export function invalidAnswers(
  instrument: Instrument,
  answers: Answers,
): { path: string; message: string }[] {
  const allowed = new Set(instrument.options.map((o) => o.value));
  const problems: { path: string; message: string }[] = [];
  if (answers.items.length > instrument.items.length)
    problems.push({ path: 'answers.items', message: `At most ${instrument.items.length} answers` });
  answers.items.forEach((v, i) => {
    if (v !== null && v !== undefined && !allowed.has(v))
      problems.push({ path: `answers.items.${i}`, message: 'Not one of the answer options' });
  });
  const f = answers.functional;
  if (f !== null && f !== undefined) {
    const fAllowed = new Set(instrument.functionalItem?.options.map((o) => o.value) ?? []);
    if (!fAllowed.has(f))
      problems.push({ path: 'answers.functional', message: 'Not one of the answer options' });
  }
  return problems;
}

/**
 * Scores a questionnaire: the total is the sum of the scored items (instruments.md: PHQ-9 items 1-9, 0-27;
 * GAD-7 items 1-7, 0-21). Any missing item means no total: prorating is not part of either instrument.
 */
export function scoreAnswers(instrument: Instrument, answers: Answers): Score {
  const missingItems: number[] = [];
  let sum = 0;
  instrument.items.forEach((_, i) => {
    const v = answers.items[i];
    if (v === null || v === undefined) missingItems.push(i + 1);
    else sum += v;
  });
  const safetyIndex = instrument.items.findIndex((it) => it.linkId === instrument.safetyItemLinkId);
  const safetyItem = safetyIndex >= 0 ? (answers.items[safetyIndex] ?? null) : null;
  if (missingItems.length > 0) {
    return {
      total: null,
      severity: null,
      missingItems,
      incompleteReason: `No total: ${missingItems.length === 1 ? 'item' : 'items'} ${missingItems.join(', ')} not answered.`,
      safetyItem,
    };
  }
  return {
    total: sum,
    severity: severityOf(instrument, sum),
    missingItems,
    incompleteReason: null,
    safetyItem,
  };
}
