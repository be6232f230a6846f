import type { Role } from '../../../shared/access/roles.js';
import { clinicianPushKinds, patientPushKinds, type PushKind } from '../../../shared/push/kinds.js';
import type { PushPreferences } from '../../../shared/push/api.js';
import type { QuietHours } from '../../../shared/push/quiet-hours.js';
import type { PushPreferenceTable } from '../../db/schema-push.js';

/** The kinds an account may choose: patients the four reminders, clinicians urgent alerts, admins none. */
export function availableKinds(role: Role): readonly PushKind[] {
  if (role === 'patient') return patientPushKinds;
  if (role === 'admin') return [];
  return clinicianPushKinds;
}

/** Nothing is on until the person turns it on (opt in). */
export function defaultPreferences(role: Role, timeZone: string): PushPreferences {
  return {
    doses: false,
    questionnaires: false,
    appointments: false,
    replies: false,
    urgentAlerts: false,
    quietHours: null,
    timeZone,
    version: 0,
    available: [...availableKinds(role)],
  };
}

export function preferencesOf(row: PushPreferenceTable, role: Role): PushPreferences {
  return {
    doses: row.doses === 1,
    questionnaires: row.questionnaires === 1,
    appointments: row.appointments === 1,
    replies: row.replies === 1,
    urgentAlerts: row.urgent_alerts === 1,
    quietHours:
      row.quiet_start !== null && row.quiet_end !== null
        ? { start: row.quiet_start, end: row.quiet_end }
        : null,
    timeZone: row.time_zone,
    version: row.version,
    available: [...availableKinds(role)],
  };
}

/** Whether the stored choices want this kind. */
export function wants(row: PushPreferenceTable, kind: PushKind): boolean {
  const column = {
    doses: row.doses,
    questionnaires: row.questionnaires,
    appointments: row.appointments,
    replies: row.replies,
    urgentAlerts: row.urgent_alerts,
  }[kind];
  return column === 1;
}

export function quietHoursOf(row: PushPreferenceTable): QuietHours | null {
  if (row.quiet_start === null || row.quiet_end === null) return null;
  return { start: row.quiet_start, end: row.quiet_end, zone: row.time_zone };
}
