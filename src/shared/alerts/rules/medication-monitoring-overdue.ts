import { defineRule } from './rule.js';

/**
 * A medication monitoring check past due (care-rules.md "Medication monitoring": lithium levels, clozapine ANC,
 * valproate liver tests, antipsychotic metabolic checks) → the prescriber. Routine; high when more than the
 * clinic's monitoringOverdueHighDays (product default 14) overdue — the check decides and sends the severity.
 */
export const medicationMonitoringOverdue = defineRule({
  name: 'medication-monitoring-overdue',
  on: 'medication.monitoring_overdue',
  evaluate: ({ payload: p }) => [
    {
      type: 'medication_monitoring_overdue',
      severity: p.severity,
      title: `${p.testLabel} overdue (${p.medicationName})`,
      details: `${p.testLabel} for ${p.medicationName} was due on ${p.dueOn} and is ${String(p.daysOverdue)} days overdue. Order it or record the result.`,
      routeToRoles: ['prescriber'],
      fallbackRoles: ['care_manager'],
      subjectId: `${p.medicationId}:${p.test}`,
    },
  ],
});
