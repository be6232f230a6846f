/** One changed field between two plan versions. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lists whose items all carry a string id (goals, problems) are matched by id, so reordering is not a change. */
const hasIds = (list: Json[]): list is { id: string }[] =>
  list.length > 0 && list.every((x) => isObject(x) && typeof x.id === 'string');

/**
 * Field-level difference between two JSON values: one entry per leaf that differs, with a path such as
 * `therapy.modality`, `goals[id=g1].status` or `safetyPlan.warningSigns[2]`. An item added or removed
 * appears once with `before` or `after` undefined (sent as absent in JSON).
 */
export function diffPlans(before: Json, after: Json, path = ''): FieldChange[] {
  if (Object.is(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffPlans(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if ((hasIds(before) || before.length === 0) && (hasIds(after) || after.length === 0)) {
      if (before.length > 0 || after.length > 0)
        return diffById(before as { id: string }[], after as { id: string }[], path);
    }
    const n = Math.max(before.length, after.length);
    const out: FieldChange[] = [];
    for (let i = 0; i < n; i++) out.push(...diffPlans(before[i], after[i], `${path}[${String(i)}]`));
    return out;
  }
  return [{ path, before, after }];
}

function diffById(before: { id: string }[], after: { id: string }[], path: string): FieldChange[] {
  const was = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const out: FieldChange[] = [];
  for (const [id, item] of was) {
    const at = `${path}[id=${id}]`;
    const next = now.get(id);
    out.push(
      ...(next === undefined ? [{ path: at, before: item, after: undefined }] : diffPlans(item, next, at)),
    );
  }
  for (const [id, item] of now) {
    if (!was.has(id)) out.push({ path: `${path}[id=${id}]`, before: undefined, after: item });
  }
  return out;
}

/** The top-level sections that differ (problems, therapy…): what an edit touched. */
export function changedSections(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => diffPlans(before[k], after[k]).length > 0);
}
