import type {
  MedicationCatalogueTable,
  MedicationChangeTable,
  MedicationPeriodTable,
  MedicationTable,
} from '../../db/schema-medications.js';
import {
  describeSchedule,
  periodInEffect,
  upcomingPeriods,
  type DosePeriod,
  type Regimen,
} from '../../../shared/medications/schedule.js';
import type {
  CatalogueEntry,
  ChangeKind,
  Medication,
  MedicationChange,
  PeriodView,
} from '../../../shared/medications/schemas.js';
import { toPeriods } from '../../../shared/medications/dose-periods.js';
import { parseSafety, parseSafetyMarks } from './catalogue-safety.js';
import { parseAnswers, parseMonitoringAnswer, parseOverMaximum } from './prescribing-records.js';

const parseList = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export function toCatalogueEntry(row: MedicationCatalogueTable): CatalogueEntry {
  return {
    id: row.id,
    genericName: row.generic_name,
    drugClass: row.drug_class,
    drugGroup: row.drug_group,
    rxnormCode: row.rxnorm_code,
    rxnormSource: row.rxnorm_source,
    rxnormVerified: row.rxnorm_verified === 1,
    monitoring: row.monitoring,
    notes: row.notes,
    urgentSymptoms: parseList(row.urgent_symptoms),
    guideClass: row.guide_class,
    monitoringPrograms: parseList(row.monitoring_programs),
    safety: parseSafety(row.safety),
    safetyChanges: parseSafetyMarks(row.safety_changes),
    active: row.active === 1,
    version: row.version,
  };
}

export const periodView = (p: DosePeriod): PeriodView => ({
  ...p,
  scheduleText: describeSchedule(p.schedule),
});

export function regimenOf(row: MedicationTable, periods: MedicationPeriodTable[]): Regimen {
  return {
    medicationId: row.id,
    displayName: row.name,
    startDate: row.start_date,
    endDate: row.end_date,
    periods: toPeriods(periods.filter((p) => p.medication_id === row.id)),
  };
}

/** Stored 'stopped' wins; otherwise paused when today's period is a pause. */
export function statusOf(row: MedicationTable, regimen: Regimen, today: string): Medication['status'] {
  if (row.status === 'stopped' || (row.end_date !== null && row.end_date < today)) return 'stopped';
  return periodInEffect(regimen, today)?.paused ? 'paused' : 'active';
}

export function toMedication(
  row: MedicationTable,
  periods: MedicationPeriodTable[],
  catalogue: MedicationCatalogueTable | undefined,
  names: Map<string, string>,
  today: string,
): Medication {
  const regimen = regimenOf(row, periods);
  const current = periodInEffect(regimen, today);
  const entry = catalogue ? toCatalogueEntry(catalogue) : null;
  // The over-maximum reason of the period row that starts that day (issue 11), shown beside the dose.
  const reasons = new Map(
    periods
      .filter((p) => p.medication_id === row.id && p.over_maximum_reason)
      .map((p) => [p.starts_on, p.over_maximum_reason ?? null]),
  );
  const view = (p: DosePeriod) => ({ ...periodView(p), overMaximumReason: reasons.get(p.from) ?? null });
  return {
    id: row.id,
    patientId: row.patient_id,
    catalogueId: row.catalogue_id,
    name: row.name,
    drugClass: row.drug_class,
    freeText: row.catalogue_id === null,
    form: row.form,
    route: row.route,
    instructions: row.instructions,
    startDate: row.start_date,
    endDate: row.end_date,
    status: statusOf(row, regimen, today),
    prescribedBy: { id: row.prescribed_by, name: names.get(row.prescribed_by) ?? 'Former staff member' },
    current: current ? view(current) : null,
    upcoming: (today < row.start_date ? regimen.periods : upcomingPeriods(regimen, today)).map(view),
    periods: regimen.periods.map(view),
    monitoringPrograms: entry?.monitoringPrograms ?? [],
    guideClass: entry?.guideClass ?? null,
    urgentSymptoms: entry?.urgentSymptoms ?? [],
    monitoringAnswer: parseMonitoringAnswer(row.monitoring_answer),
    version: row.version,
  };
}

export function toChange(row: MedicationChangeTable, names: Map<string, string>): MedicationChange {
  return {
    id: row.id,
    medicationId: row.medication_id,
    kind: row.kind as ChangeKind,
    summary: row.summary,
    reason: row.reason,
    effectiveOn: row.effective_on,
    changedBy: { id: row.changed_by, name: names.get(row.changed_by) ?? 'Former staff member' },
    changedAt: row.changed_at,
    sideEffectReportId: row.side_effect_report_id,
    overMaximum: parseOverMaximum(row.over_maximum),
    safetyAnswers: parseAnswers(row.safety_answers),
  };
}
