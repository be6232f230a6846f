import type { QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';

/**
 * `JSON.stringify` of a QuestionnaireResponse, byte for byte (export-json.test.ts), made cheaper for the bulk
 * export: the items (their question text and coded answer) are most of the bytes and repeat from one answer to
 * the next, so each item's JSON is made once per questionnaire, linkId and answer code and reused.
 */
const itemJson = new Map<string, string>();
/** The distinct items are few (instruments x items x options); past this, nothing more is kept. */
const MAX_KEPT = 10_000;

function oneItem(questionnaire: string, item: QuestionnaireResponseItem): string {
  const answers = item.answer ?? [];
  const coding = answers[0]?.valueCoding;
  // Only the shape the mapping writes (no nested items, at most one coded answer) is kept; anything else is
  // serialised as it is.
  const simple =
    item.item === undefined &&
    answers.length <= 1 &&
    (answers.length === 0 || (coding !== undefined && Object.keys(answers[0] ?? {}).length === 1));
  if (!simple) return JSON.stringify(item);
  const key = `${questionnaire}\u0000${item.linkId}\u0000${coding?.system ?? ''}\u0000${coding?.code ?? ''}\u0000${String(answers.length)}`;
  const known = itemJson.get(key);
  if (known !== undefined) return known;
  const json = JSON.stringify(item);
  if (itemJson.size < MAX_KEPT) itemJson.set(key, json);
  return json;
}

export function questionnaireResponseJson(r: QuestionnaireResponse): string {
  const keys = Object.keys(r);
  if (r.item === undefined || keys.at(-1) !== 'item' || r.questionnaire === undefined)
    return JSON.stringify(r);
  const { item, ...rest } = r;
  const head = JSON.stringify(rest);
  const questionnaire = r.questionnaire;
  return `${head.slice(0, -1)},"item":[${item.map((i) => oneItem(questionnaire, i)).join(',')}]}`;
}
