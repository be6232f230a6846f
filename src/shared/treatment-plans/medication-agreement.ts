import { describeSchedule, type DosePeriod } from '../medications/schedule.js';
import type { MedicationSnapshot, PlanContent } from './schemas.js';

/**
 * Issue 15, "the plan and the prescriptions agree" (product policy, docs/clinical-rules.md "Plan and
 * medications agree"). Pure: the plan keeps a snapshot of each linked medication record as it was when the
 * prescriber saved the medication part; this compares the snapshots with the records as they are now.
 */

/** A medication record as it is now (what the medications feature holds), enough to compare. */
export interface MedicationRecordNow {
  id: string;
  name: string;
  /** The record's stored status: 'active' | 'paused' | 'stopped'. */
  status: string;
  startDate: string;
  endDate: string | null;
  /** Sorted by `from`. */
  periods: DosePeriod[];
  version: number;
  updatedAt: number;
}

const doseWords = (p: DosePeriod): string => (p.paused ? 'paused' : `${String(p.doseAmount)} ${p.doseUnit}`);

/** The record read as of `day`: the dose and schedule that day and the steps planned after it. */
export function takeSnapshot(record: MedicationRecordNow, day: string): MedicationSnapshot {
  const started = record.periods.filter((p) => p.from <= day);
  // Before the start day the first dose stands for "that day" (a planned start is not yet a difference).
  const inEffect = started[started.length - 1] ?? record.periods[0];
  const later = record.periods.filter((p) => p.from > day && p !== inEffect);
  const stopped = record.status === 'stopped' || (record.endDate !== null && record.endDate < day);
  return {
    name: record.name,
    takenOn: day,
    dose: inEffect ? doseWords(inEffect) : 'no dose recorded',
    schedule: inEffect && !inEffect.paused ? describeSchedule(inEffect.schedule) : '',
    steps: later
      .filter((p) => record.endDate === null || p.from <= record.endDate)
      .map((p) => `${doseWords(p)} from ${p.from}`)
      .join('; '),
    endDate: record.endDate,
    status: stopped ? 'stopped' : inEffect?.paused ? 'paused' : 'active',
    recordVersion: record.version,
    recordUpdatedAt: record.updatedAt,
  };
}

/** Taken today: not stopped and not past its last day. */
export const isCurrentMedication = (record: MedicationRecordNow, today: string): boolean =>
  record.status !== 'stopped' && (record.endDate === null || record.endDate >= today);

export type MedicationDifference =
  /** The linked record was stopped (or its last day moved) after the plan saw it. */
  | { kind: 'stopped'; medicationId: string; name: string; was: string; now: string; asPlanned: boolean }
  /** The dose that day or the steps after it changed (a dose change, a new titration, a pause). */
  | { kind: 'dose_changed'; medicationId: string; name: string; was: string; now: string; asPlanned: boolean }
  | { kind: 'schedule_changed'; medicationId: string; name: string; was: string; now: string }
  /** The plan links a record that is not one of this patient's medications any more. */
  | { kind: 'record_missing'; medicationId: string; name: string }
  /** A medication the patient takes that the plan does not list. */
  | { kind: 'not_in_plan'; medicationId: string; name: string; now: string; asPlanned: boolean };

const regimenWords = (s: MedicationSnapshot): string => `${s.dose}${s.steps ? `; then ${s.steps}` : ''}`;
const endWords = (s: MedicationSnapshot): string =>
  s.status === 'stopped'
    ? `stopped${s.endDate ? ` (last day ${s.endDate})` : ''}`
    : s.endDate
      ? `until ${s.endDate}`
      : 'ongoing';
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * What differs between the plan's medication part and the patient's medication records now. Each linked
 * record is read as of the day its snapshot was taken, so a titration step that was already planned then is
 * no difference when its day comes. A change the plan intended (intent "stop" and it was stopped, "change
 * dose" and the dose changed, a planned start that was prescribed) is still listed, marked asPlanned: the plan
 * should then be updated to say what the patient takes. Empty = the plan agrees with the records.
 */
export function medicationDifferences(
  part: PlanContent['medication'],
  records: readonly MedicationRecordNow[],
  today: string,
): MedicationDifference[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const out: MedicationDifference[] = [];
  for (const link of part.linked) {
    const was = link.snapshot;
    if (was === null) continue; // never saved by the server: nothing to compare with
    const record = byId.get(link.medicationId);
    if (!record) {
      out.push({ kind: 'record_missing', medicationId: link.medicationId, name: was.name });
      continue;
    }
    const now = takeSnapshot(record, was.takenOn);
    const stoppedNow = record.status === 'stopped';
    if ((stoppedNow && was.status !== 'stopped') || now.endDate !== was.endDate) {
      out.push({
        kind: 'stopped',
        medicationId: record.id,
        name: record.name,
        was: endWords(was),
        now: endWords({ ...now, status: stoppedNow ? 'stopped' : now.status }),
        asPlanned: link.intent === 'stop',
      });
      continue;
    }
    if (now.dose !== was.dose || now.steps !== was.steps)
      out.push({
        kind: 'dose_changed',
        medicationId: record.id,
        name: record.name,
        was: regimenWords(was),
        now: regimenWords(now),
        asPlanned: link.intent === 'change_dose',
      });
    if (now.schedule !== was.schedule)
      out.push({
        kind: 'schedule_changed',
        medicationId: record.id,
        name: record.name,
        was: was.schedule,
        now: now.schedule,
      });
  }
  // Older plans list their records in medicationIds only: those count as in the plan too.
  const linked = new Set([...part.linked.map((l) => l.medicationId), ...part.medicationIds]);
  for (const record of records) {
    if (linked.has(record.id) || !isCurrentMedication(record, today)) continue;
    const now = takeSnapshot(record, today);
    out.push({
      kind: 'not_in_plan',
      medicationId: record.id,
      name: record.name,
      now: `${regimenWords(now)}${now.schedule ? `, ${now.schedule}` : ''}`,
      asPlanned: part.toStart.some((s) => sameName(s.name, record.name)),
    });
  }
  return out;
}

/** One line per difference, in plain words, for the notice on the plan page. */
export function differenceWords(d: MedicationDifference): string {
  switch (d.kind) {
    case 'stopped':
      return `${d.name}: the plan has it ${d.was}; now ${d.now}${d.asPlanned ? ' (as the plan intended)' : ''}.`;
    case 'dose_changed':
      return `${d.name}: the plan has ${d.was}; now ${d.now}${d.asPlanned ? ' (as the plan intended)' : ''}.`;
    case 'schedule_changed':
      return `${d.name}: the plan has ${d.was}; now ${d.now}.`;
    case 'record_missing':
      return `${d.name}: the plan links a medication record that is no longer in the patient's medications.`;
    case 'not_in_plan':
      return `${d.name} (${d.now}) is not in the plan${d.asPlanned ? ', which intended to start it' : ''}.`;
  }
}
