import { daysBetween } from '../time/index.js';
import type { SymptomCode } from '../side-effects/symptoms.js';
import { identifyMedication, type MedicationIdentity } from './urgent-symptoms-identity.js';
import {
  adviceKinds,
  kindRank,
  urgentSymptomRows,
  urgentSymptomsVersion,
  type AdviceKind,
  type AppliesTo,
  type Escalation,
  type UrgentAlertSeverity,
  type UrgentSymptomRow,
} from './urgent-symptom-rows.js';

// The rows (data with sources) live in urgent-symptom-rows.ts; this file is the rule over them.
export { adviceKinds, urgentSymptomRows, urgentSymptomsVersion };
export type { AdviceKind, AppliesTo, Escalation, UrgentAlertSeverity, UrgentSymptomRow };

/** The early-treatment window after an antidepressant start or dose change (product policy; section 5: week 4). */
export const earlyTreatmentDays = 28;
/** The antidepressant boxed warning covers people up to and including age 24. */
export const youngAgeLimit = 25;

export interface PatientMedication {
  /** The patient's medication record id. */
  id: string;
  /** As the patient knows it (catalogue display name or free text). */
  name: string;
  /** The catalogue's generic name when the record is linked to the catalogue. */
  genericName?: string | null;
  drugClass?: string | null;
  drugGroup?: string | null;
  /** 'YYYY-MM-DD': the start or the latest dose change (the early-treatment window). */
  lastStartOrChange?: string | null;
  /**
   * Symptoms the clinic's catalogue entry lists as urgent (`urgent_symptoms`, editable by a clinic admin):
   * they add to the rows, never remove one.
   */
  clinicUrgentSymptoms?: readonly SymptomCode[];
}

/** The advice for a symptom only the clinic's catalogue lists as urgent for a medicine. */
export const clinicCatalogueRow: UrgentSymptomRow = {
  id: 'clinic_catalogue',
  label: 'Urgent for this medicine in the clinic’s catalogue',
  appliesTo: {},
  symptoms: [],
  kind: 'call_prescriber_today',
  contact: 'prescriber',
  why: 'Your clinic asks to hear about this symptom with this medicine the same day.',
  escalations: [],
  alert: 'urgent',
  source:
    'The clinic’s medication catalogue (urgent symptoms set by the clinic; care-rules.md "Side effects")',
};

export interface UrgentAdviceItem {
  kind: AdviceKind;
  rowId: string;
  /** null for the row that applies to anyone. */
  medicationId: string | null;
  medicationName: string | null;
  /** The reported symptoms that gave this advice. */
  symptoms: SymptomCode[];
  alert: UrgentAlertSeverity;
  /** What to do, in plain words. */
  text: string;
  why: string;
  source: string;
}

export interface UrgentAssessment {
  /** Most urgent first: emergency, crisis line, stop and call, call today, call. */
  items: UrgentAdviceItem[];
  alert: UrgentAlertSeverity | null;
  /** Every reported symptom that is urgent for one of the patient's medications (checklist order kept). */
  urgentSymptoms: SymptomCode[];
  /** Suicidal thoughts were reported: the self-harm path. */
  selfHarm: boolean;
  /** Medications the patient is told not to take (stop and call): never say "do not stop suddenly" then. */
  stopMedicationIds: string[];
  /** Any emergency or stop advice: the general "do not stop suddenly" line must not be shown. */
  overridesDoNotStopSuddenly: boolean;
}

export interface UrgentSymptomsInput {
  medications: readonly PatientMedication[];
  /** Whole years on the report's day; null when unknown (then the age condition does not apply). */
  ageYears: number | null;
  /** 'YYYY-MM-DD', the report's local day (for the early-treatment window). */
  today: string;
  symptoms: readonly SymptomCode[];
  severity: 'mild' | 'moderate' | 'severe';
}

/** The row is about this medicine (its generic name, class or group), whatever the patient's age. */
export function rowMatches(row: UrgentSymptomRow, id: MedicationIdentity): boolean {
  const a = row.appliesTo;
  return (
    (a.anyone ?? false) ||
    (a.generics?.includes(id.genericName ?? '') ?? false) ||
    (a.classes?.includes(id.drugClass ?? '') ?? false) ||
    (a.groups?.includes(id.drugGroup ?? '') ?? false)
  );
}

function applies(
  row: UrgentSymptomRow,
  id: MedicationIdentity,
  med: PatientMedication,
  input: UrgentSymptomsInput,
): boolean {
  const a = row.appliesTo;
  if (a.anyone || !rowMatches(row, id)) return false;
  if (!a.youngOrEarly) return true;
  const young = input.ageYears !== null && input.ageYears < youngAgeLimit;
  const since = med.lastStartOrChange ?? null;
  const days = since === null ? null : daysBetween(since, input.today);
  const early = days !== null && days >= 0 && days < earlyTreatmentDays;
  return young || early;
}

/** The advice in plain words (the web shows this text; the emergency/crisis numbers sit beside it). */
export function adviceText(
  kind: AdviceKind,
  medicationName: string | null,
  contact: 'prescriber' | 'care team',
): string {
  const who = `your ${contact}`;
  const of = medicationName ? ` about ${medicationName}` : '';
  switch (kind) {
    case 'emergency':
      return 'Call your emergency number now, or go to the nearest emergency department.';
    case 'crisis_line':
      return 'Call or text a crisis line now, and contact your care team today.';
    case 'stop_and_call_today':
      return `Do not take your next dose of ${medicationName ?? 'this medication'} and contact ${who} today.`;
    case 'call_prescriber_today':
      return `Contact ${who} today${of}.`;
    case 'call_prescriber':
      return `Contact ${who}${of}.`;
  }
}

/** The urgent symptoms of one medication (the checklist shows them first for the patient). */
export function urgentSymptomsForMedication(
  med: PatientMedication,
  context: { ageYears: number | null; today: string },
): SymptomCode[] {
  const id = identifyMedication(med);
  const input: UrgentSymptomsInput = { ...context, medications: [med], symptoms: [], severity: 'mild' };
  const codes = new Set<SymptomCode>(med.clinicUrgentSymptoms ?? []);
  for (const row of urgentSymptomRows)
    if (!row.appliesTo.anyone && applies(row, id, med, input)) for (const s of row.symptoms) codes.add(s);
  return [...codes];
}

/**
 * The advice for a side-effect report: every row of section 4 that applies to one of the patient's
 * medications (catalogue or free text alike, through identifyMedication) and matches the reported
 * symptoms. Pure.
 */
export function assessUrgentSymptoms(input: UrgentSymptomsInput): UrgentAssessment {
  const reported = new Set(input.symptoms);
  const items: UrgentAdviceItem[] = [];
  const push = (
    row: UrgentSymptomRow,
    med: PatientMedication | null,
    kind: AdviceKind,
    symptoms: SymptomCode[],
    why: string,
  ) =>
    items.push({
      kind,
      rowId: row.id,
      medicationId: med?.id ?? null,
      medicationName: med?.name ?? null,
      symptoms,
      alert: row.alert,
      text: adviceText(kind, med?.name ?? null, row.contact),
      why,
      source: row.source,
    });

  for (const row of urgentSymptomRows) {
    const hit = row.symptoms.filter((s) => reported.has(s));
    if (hit.length === 0 || hit.length < (row.minSymptoms ?? 1)) continue;
    const meds: (PatientMedication | null)[] = row.appliesTo.anyone
      ? [null]
      : input.medications.filter((m) => applies(row, identifyMedication(m), m, input));
    for (const med of meds) {
      const escalations = row.escalations.filter((e) => e.all.every((s) => reported.has(s)));
      const escalated = new Set(escalations.flatMap((e) => e.all));
      for (const kind of new Set(escalations.map((e) => e.kind))) {
        const mine = escalations.filter((e) => e.kind === kind);
        push(
          row,
          med,
          kind,
          hit.filter((s) => mine.some((e) => e.all.includes(s))),
          mine.map((e) => e.why).join(' '),
        );
      }
      const base: AdviceKind =
        row.emergencyWhenSevere && input.severity === 'severe' ? 'emergency' : row.kind;
      const rest = hit.filter((s) => !escalated.has(s));
      // The row's own advice stays beside an escalation when it says more (stop the medication, call today).
      // (A crisis-line escalation already says "contact your care team today".)
      const besideEmergency =
        escalations.some((e) => e.kind === 'emergency') && base !== 'emergency' && base !== 'crisis_line';
      if (rest.length > 0 || besideEmergency) push(row, med, base, rest.length > 0 ? rest : hit, row.why);
    }
  }

  // Symptoms the clinic's catalogue adds for a medicine, where no row already covers them for it.
  for (const med of input.medications) {
    const extra = (med.clinicUrgentSymptoms ?? []).filter(
      (s) => reported.has(s) && !items.some((i) => i.medicationId === med.id && i.symptoms.includes(s)),
    );
    if (extra.length > 0)
      push(clinicCatalogueRow, med, clinicCatalogueRow.kind, extra, clinicCatalogueRow.why);
  }

  // The "anyone" crisis row is dropped when a medication's row already gives the crisis-line advice.
  const deduped = items.filter(
    (i) =>
      i.medicationId !== null ||
      !items.some(
        (o) =>
          o !== i &&
          o.medicationId !== null &&
          o.kind === i.kind &&
          i.symptoms.every((s) => o.symptoms.includes(s)),
      ),
  );
  deduped.sort((a, b) => kindRank[a.kind] - kindRank[b.kind]);

  const urgentSymptoms = input.symptoms.filter((s) => deduped.some((i) => i.symptoms.includes(s)));
  const alert: UrgentAlertSeverity | null = deduped.some((i) => i.alert === 'urgent')
    ? 'urgent'
    : deduped.length > 0
      ? 'high'
      : null;
  const stopMedicationIds = [
    ...new Set(
      deduped
        .filter((i) => i.kind === 'stop_and_call_today' && i.medicationId !== null)
        .map((i) => i.medicationId as string),
    ),
  ];
  return {
    items: deduped,
    alert,
    urgentSymptoms,
    selfHarm: reported.has('suicidal_thoughts'),
    stopMedicationIds,
    overridesDoNotStopSuddenly: deduped.some(
      (i) => i.kind === 'emergency' || i.kind === 'stop_and_call_today',
    ),
  };
}
