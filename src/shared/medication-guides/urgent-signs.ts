import { symptomLabels } from '../side-effects/symptoms.js';
import { identifyMedication } from '../medication-safety/urgent-symptoms-identity.js';
import { adviceText, rowMatches, urgentSymptomRows } from '../medication-safety/urgent-symptoms.js';
import type { GuideSource } from './sources.js';

/** One "get help at once" entry of a guide, in plain words, with its source. */
export interface UrgentSign {
  rowId: string;
  /** e.g. 'Trazodone' when the sign is about one of the guide's medicines only; null for all of them. */
  onlyFor: string | null;
  /** The symptoms in plain words. */
  symptoms: string[];
  /** What to do (the same words the side-effect report gives). */
  advice: string;
  /** The symptoms (or combinations) that make it an emergency, in plain words; empty when never. */
  emergencyWhen: string[];
  why: string;
  /** Only for people under 25 or in the first weeks of treatment. */
  youngOrEarly: boolean;
  source: GuideSource;
}

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * The urgent symptoms of medication-safety.md section 4 for the medicines a guide covers (its generic
 * names), generated from the same rows the side-effect report uses, so a guide and the advice after a
 * report can never disagree. The row about suicidal thoughts for anyone is added where the guide has no
 * row of its own about them.
 */
export function urgentSignsFor(examples: readonly string[]): UrgentSign[] {
  const ids = examples.map((name) => ({ name, id: identifyMedication({ name }) }));
  const signs: UrgentSign[] = [];
  for (const row of urgentSymptomRows) {
    if (row.appliesTo.anyone) continue;
    const covered = ids.filter((m) => rowMatches(row, m.id));
    if (covered.length === 0) continue;
    const onlyFor =
      covered.length < ids.length && covered.length === 1 ? capitalised(covered[0]?.name ?? '') : null;
    const single = ids.length === 1 ? (ids[0]?.name ?? null) : (onlyFor?.toLowerCase() ?? null);
    signs.push({
      rowId: row.id,
      onlyFor,
      symptoms: row.symptoms.map((s) => symptomLabels[s]),
      advice: adviceText(row.kind, single, row.contact),
      emergencyWhen: [
        ...row.escalations
          .filter((e) => e.kind === 'emergency')
          .map((e) =>
            e.all.map((c, i) => (i === 0 ? symptomLabels[c] : symptomLabels[c].toLowerCase())).join(' with '),
          ),
        ...(row.emergencyWhenSevere ? ['Any of these when severe'] : []),
      ],
      why: row.why,
      youngOrEarly: row.appliesTo.youngOrEarly ?? false,
      source: { label: row.source, url: null },
    });
  }
  const anyone = urgentSymptomRows.find((r) => r.appliesTo.anyone);
  if (anyone && !signs.some((s) => s.symptoms.includes(symptomLabels.suicidal_thoughts)))
    signs.push({
      rowId: anyone.id,
      onlyFor: null,
      symptoms: anyone.symptoms.map((s) => symptomLabels[s]),
      advice: adviceText(anyone.kind, null, anyone.contact),
      emergencyWhen: [],
      why: anyone.why,
      youngOrEarly: false,
      source: { label: anyone.source, url: null },
    });
  return signs;
}
