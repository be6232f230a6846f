import type {
  MedicationCatalogueTable,
  MedicationChangeTable,
  MedicationPeriodTable,
  MedicationTable,
  MonitoringResultTable,
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
  MonitoringResult,
  PeriodView,
} from '../../../shared/medications/schemas.js';
import { toPeriods } from './regimens.repository.js';

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
    current: current ? periodView(current) : null,
    upcoming: (today < row.start_date ? regimen.periods : upcomingPeriods(regimen, today)).map(periodView),
    periods: regimen.periods.map(periodView),
    monitoringPrograms: entry?.monitoringPrograms ?? [],
    guideClass: entry?.guideClass ?? null,
    urgentSymptoms: entry?.urgentSymptoms ?? [],
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
  };
}

export function toResult(row: MonitoringResultTable, names: Map<string, string>): MonitoringResult {
  return {
    id: row.id,
    test: row.test,
    value: row.value,
    unit: row.unit,
    takenOn: row.taken_on,
    medicationId: row.medication_id,
    note: row.note,
    recordedBy: { id: row.recorded_by, name: names.get(row.recorded_by) ?? 'Former staff member' },
    recordedAt: row.recorded_at,
  };
}
