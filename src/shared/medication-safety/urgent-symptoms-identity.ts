import { catalogueSeed } from '../medications/catalogue-seed.js';
import { resolveMedicationName } from './names.js';

/** What the urgent-symptom rows match on: generic name, class and group, lower case (medications.csv). */
export interface MedicationIdentity {
  genericName: string | null;
  drugClass: string | null;
  drugGroup: string | null;
}

const seedNames = catalogueSeed.map((e) => e.genericName);
const lower = (v: string | null | undefined): string | null => {
  const t = v?.trim().toLowerCase() ?? '';
  return t === '' ? null : t;
};

/**
 * A patient's medication as the rows see it. A catalogue entry gives its generic name, class and group; a
 * free-text name ("Lamictal", "Lithium carbonate ER", "Clozaril") resolves through resolveMedicationName to
 * the same generic name and takes the seed catalogue's class and group, so catalogue and free-text entries
 * behave the same (issue 11). An unknown name keeps whatever class the record carries.
 */
export function identifyMedication(med: {
  name: string;
  genericName?: string | null;
  drugClass?: string | null;
  drugGroup?: string | null;
}): MedicationIdentity {
  const catalogue = lower(med.genericName);
  const genericName = catalogue ?? lower(resolveMedicationName(med.name, seedNames)?.genericName ?? null);
  const seed = genericName ? catalogueSeed.find((e) => e.genericName === genericName) : undefined;
  // A catalogue entry's class is the clinic's (an admin may edit it); a resolved free-text name takes the
  // seed's class, whatever class was typed beside it; an unknown name keeps what its record says.
  const [drugClass, drugGroup] =
    catalogue === null && seed
      ? [seed.drugClass, seed.drugGroup]
      : [med.drugClass ?? seed?.drugClass, med.drugGroup ?? seed?.drugGroup];
  return { genericName, drugClass: lower(drugClass), drugGroup: lower(drugGroup) };
}
