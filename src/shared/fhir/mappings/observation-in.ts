import type { Observation, ObservationComponent } from '@medplum/fhirtypes';
import type { Answers } from '../../measures/scoring.js';
import { scoreAnswers } from '../../measures/scoring.js';
import { instrumentList, type AnswerOption, type Instrument } from '../../measures/instruments.js';
import { LOINC, idOfReference } from './common.js';

/**
 * A PHQ-9 or GAD-7 sent as an Observation (issue 16, writes): the panel (PHQ-9 44249-1, GAD-7 69737-5, codes
 * from ../shared/clinical/instruments.md) with one `component` per item, coded by the item's LOINC code and
 * answered with the LOINC answer coding (LA6568-5 …) or the option's value as `valueInteger`. Duet records the
 * item answers, scores them itself and runs them through the same safety path as the patient's own answer.
 *
 * A total alone (44261-6 / 70274-6 without the items) is refused at `Observation.component` (product policy,
 * docs/fhir.md "Writes"): a total does not say how item 9 (self-harm) was answered, and recording it would
 * read as "no risk" when nobody knows.
 */

export type ObservationRead =
  | {
      ok: true;
      patientId: string;
      instrument: Instrument;
      answers: Answers;
      /** effectiveDateTime as sent, or null. */
      effective: string | null;
    }
  | { ok: false; path: string; message: string };

const fail = (path: string, message: string): ObservationRead => ({ ok: false, path, message });

const loincCodes = (concept: { coding?: { system?: string; code?: string }[] } | undefined) =>
  (concept?.coding ?? []).filter((c) => c.system === LOINC && c.code !== undefined).map((c) => c.code ?? '');

/** An item's answer: a LOINC answer coding (or the option value as code), or the option's value as valueInteger. */
function answerOf(options: readonly AnswerOption[], c: ObservationComponent): number | undefined {
  const coding = c.valueCodeableConcept?.coding ?? [];
  for (const code of coding) {
    const option = options.find(
      (o) =>
        (o.loinc !== null && o.loinc === code.code) ||
        (code.system === undefined && String(o.value) === code.code),
    );
    if (option) return option.value;
  }
  const int = c.valueInteger;
  return int !== undefined && options.some((o) => o.value === int) ? int : undefined;
}

/** The total a panel states (its value, or a component coded with the total's LOINC code), or null. */
function statedTotal(o: Observation, instrument: Instrument): { path: string; value: number } | null {
  if (o.valueQuantity?.value !== undefined)
    return { path: 'Observation.valueQuantity', value: o.valueQuantity.value };
  if (o.valueInteger !== undefined) return { path: 'Observation.valueInteger', value: o.valueInteger };
  const index = (o.component ?? []).findIndex((c) => loincCodes(c.code).includes(instrument.totalLoinc));
  const c = o.component?.[index];
  if (!c) return null;
  const value = c.valueQuantity?.value ?? c.valueInteger;
  return { path: `Observation.component[${String(index)}]`, value: value ?? Number.NaN };
}

/** The instrument, the patient and every item answer of a panel Observation; names the first element at fault. */
export function fromObservationPanel(o: Observation): ObservationRead {
  if (o.status !== 'final')
    return fail('Observation.status', 'status must be final (a recorded questionnaire answer).');
  const codes = loincCodes(o.code);
  const totalOnly = instrumentList.find((i) => codes.includes(i.totalLoinc));
  const instrument = instrumentList.find((i) => codes.includes(i.panelLoinc));
  if (!instrument && totalOnly)
    return fail(
      'Observation.component',
      `A ${totalOnly.name} total alone cannot be recorded: send the ${totalOnly.name} panel (LOINC ${totalOnly.panelLoinc}) with one component per item. Duet scores the items itself so that item 9 (self-harm) is never missed; a total without it would read as "no risk".`,
    );
  if (!instrument)
    return fail(
      'Observation.code',
      'code must be the PHQ-9 panel (LOINC 44249-1) or the GAD-7 panel (LOINC 69737-5).',
    );
  const patientId = idOfReference(o.subject, 'Patient');
  if (!patientId) return fail('Observation.subject', 'Reference the Patient.');
  if (o.effectiveDateTime === undefined && (o.effectivePeriod ?? o.effectiveInstant ?? o.effectiveTiming))
    return fail('Observation.effective[x]', 'Give the time answered as effectiveDateTime.');
  const components = o.component ?? [];
  const seen = new Map<string, number>();
  const items: (number | null)[] = instrument.items.map(() => null);
  let functional: number | null = null;
  for (const [index, c] of components.entries()) {
    const path = `Observation.component[${String(index)}]`;
    const code = loincCodes(c.code);
    if (code.includes(instrument.totalLoinc)) continue;
    const itemIndex = instrument.items.findIndex((it) => code.includes(it.loinc));
    const isFunctional =
      instrument.functionalItem?.loinc !== null &&
      instrument.functionalItem?.loinc !== undefined &&
      code.includes(instrument.functionalItem.loinc);
    if (itemIndex < 0 && !isFunctional)
      return fail(`${path}.code`, `Not an item of ${instrument.name} (use the item's LOINC code).`);
    const key = isFunctional ? 'functional' : String(itemIndex);
    if (seen.has(key)) return fail(`${path}.code`, 'This item is answered twice.');
    seen.set(key, index);
    const value = answerOf(isFunctional ? (instrument.functionalItem?.options ?? []) : instrument.options, c);
    if (value === undefined)
      return fail(
        `${path}.value[x]`,
        isFunctional
          ? 'Not an answer option of the difficulty question.'
          : `Not an answer option of ${instrument.name} item ${String(itemIndex + 1)}.`,
      );
    if (isFunctional) functional = value;
    else items[itemIndex] = value;
  }
  const missing = instrument.items.flatMap((it, i) =>
    items[i] === null ? [`${String(i + 1)} (${it.loinc})`] : [],
  );
  if (missing.length > 0)
    return fail(
      'Observation.component',
      `Every ${instrument.name} item needs its answer; missing item${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
    );
  const answers: Answers = { items, functional };
  const stated = statedTotal(o, instrument);
  const total = scoreAnswers(instrument, answers).total;
  if (stated && stated.value !== total)
    return fail(
      stated.path,
      `The stated total (${String(stated.value)}) is not the sum of the items (${String(total)}).`,
    );
  return { ok: true, patientId, instrument, answers, effective: o.effectiveDateTime ?? null };
}
