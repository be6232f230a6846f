import { z } from 'zod';
import type { careTeamRoleSchema } from '../access/roles.js';

export const severities = ['urgent', 'high', 'routine'] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;

/** Urgent first (the inbox order). */
export const severityRank: Record<Severity, number> = { urgent: 0, high: 1, routine: 2 };

export const alertStateSchema = z.enum(['open', 'acknowledged', 'resolved']);
export type AlertState = z.infer<typeof alertStateSchema>;

/** What a rule asks for: the worker stores it as an alert and routes it to people on the care team. */
export interface AlertSpec {
  /** Stable rule-level type, e.g. "consult_request"; the inbox filters by it. */
  type: string;
  severity: Severity;
  /** Short, shown in lists. Clinical detail is fine here: alerts are only shown inside Duet. */
  title: string;
  details: string;
  /** Care-team roles to route to (every member in that role)… */
  routeToRoles: readonly z.infer<typeof careTeamRoleSchema>[];
  /** …and/or specific users (who must be on the care team). */
  routeToUserIds?: readonly string[];
  /** When nobody matches the roles and users above (say, no care manager): these roles instead. */
  fallbackRoles?: readonly z.infer<typeof careTeamRoleSchema>[];
  /** What the alert is about (a plan version, a consult, a message), so a feature can close it when done. */
  subjectId: string | null;
  /** Issue 13: 'clinic_admins' = a security alert about an account, for the clinic's admins, not a care team. */
  audience?: 'care_team' | 'clinic_admins';
}

export const alertSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  type: z.string(),
  severity: severitySchema,
  title: z.string(),
  details: z.string(),
  subjectId: z.string().nullable(),
  routedTo: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      role: z.string(),
      reason: z.enum(['routed', 'escalated']),
    }),
  ),
  state: alertStateSchema,
  createdAt: z.number(),
  acknowledgedAt: z.number().nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: z.number().nullable(),
  resolvedBy: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  escalatedAt: z.number().nullable(),
  /** Where it stands in its lifecycle (shared/alerts/lifecycle.ts, issue 12). */
  lifecycle: z.object({
    phase: z.enum(['open', 'acknowledged', 'follow_up_due', 'resolved']),
    /** A safety alert: only a risk assessment that reached the patient (or an emergency hand-off) closes it. */
    safety: z.boolean(),
    escalations: z.number(),
    pausedUntil: z.number().nullable(),
    followUpDueAt: z.number().nullable(),
    followUpOverdue: z.boolean(),
  }),
  /** Every step, oldest first: routed, acknowledged, not reached, escalated to whom, follow-up overdue, … */
  history: z.array(
    z.object({
      kind: z.string(),
      at: z.number(),
      actorName: z.string().nullable(),
      targetName: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  version: z.number(),
});
export type Alert = z.infer<typeof alertSchema>;
