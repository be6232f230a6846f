import { diffPlans } from './diff.js';

/**
 * Word-level changes between two versions of the plan (issue 15): what the signer reads before signing.
 * Pure; the sign screen renders `removed` parts struck through (<del>) and `added` parts marked (<ins>).
 */

export interface WordPart {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/** Words with the spaces after them, so joining the parts gives back the text exactly. */
const tokens = (s: string): string[] => s.match(/\S+\s*|\s+/g) ?? [];

/**
 * The shortest edit from `before` to `after` by whole words (longest common subsequence). Whitespace rides
 * with the word before it; joining the `same` and `removed` parts gives `before`, `same` and `added` gives
 * `after`. Adjacent parts of the same kind are merged.
 */
export function wordDiff(before: string, after: string): WordPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] ?? [];
    const below = lcs[i + 1] ?? [];
    for (let j = m - 1; j >= 0; j--)
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
  }
  const out: WordPart[] = [];
  const push = (op: WordPart['op'], text: string) => {
    const last = out[out.length - 1];
    if (last?.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const ai = a[i];
    const bj = b[j];
    if (ai !== undefined && ai === bj) {
      push('same', ai);
      i++;
      j++;
    } else if (bj === undefined || (ai !== undefined && (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      push('removed', ai ?? '');
      i++;
    } else {
      push('added', bj);
      j++;
    }
  }
  return out;
}

/** Keys that are record keeping, not words the signer agrees to (ids, when a snapshot was taken). */
const bookkeeping = new Set(['id', 'medicationId', 'takenOn', 'recordVersion', 'recordUpdatedAt']);
const isBookkeeping = (path: string): boolean =>
  path === 'medication.medicationIds' ||
  path.startsWith('medication.medicationIds[') ||
  bookkeeping.has(path.slice(path.lastIndexOf('.') + 1));

/** A plan value as the words a reader sees: lists and items joined, empty for nothing. */
export function valueText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v))
    return v
      .map(valueText)
      .filter((s) => s !== '')
      .join('; ');
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .filter(([k]) => !bookkeeping.has(k))
      .map(([, x]) => valueText(x))
      .filter((s) => s !== '')
      .join(', ');
  return '';
}

export interface TextChange {
  /** Where in the plan, e.g. `therapy.focus`, `goals[id=g1].measurableTarget`, `safetyPlan.warningSigns[1]`. */
  path: string;
  kind: 'changed' | 'added' | 'removed';
  parts: WordPart[];
}

/**
 * Every changed field and list item between two plan contents, each with its word-level changes. An item
 * added or removed as a whole is one change whose text is all added or all removed.
 */
export function textChanges(before: unknown, after: unknown): TextChange[] {
  return diffPlans(before, after)
    .filter((c) => !isBookkeeping(c.path))
    .map((c): TextChange => {
      const kind = c.before === undefined ? 'added' : c.after === undefined ? 'removed' : 'changed';
      return { path: c.path, kind, parts: wordDiff(valueText(c.before), valueText(c.after)) };
    })
    .filter((c) => c.parts.some((p) => p.op !== 'same'));
}
