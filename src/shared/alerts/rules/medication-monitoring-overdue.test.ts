import { describe, expect, it } from 'vitest';
import { medicationMonitoringOverdue } from './medication-monitoring-overdue.js';

describe('medication-monitoring-overdue', () => {
  it.each([
    ['routine', 6],
    ['high', 20],
  ] as const)('severity %s from the check → one alert to the prescriber', (severity, daysOverdue) => {
    const specs = medicationMonitoringOverdue.evaluate({
      id: 'ev1',
      clinicId: 'c1',
      patientId: 'p1',
      createdAt: 0,
      type: 'medication.monitoring_overdue',
      payload: {
        medicationId: 'm1',
        medicationName: 'Clozapine',
        test: 'anc',
        testLabel: 'Absolute neutrophil count (ANC)',
        dueOn: '2026-10-01',
        daysOverdue,
        severity,
        prescriberId: 'u1',
      },
    });
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({
      type: 'medication_monitoring_overdue',
      severity,
      title: 'Absolute neutrophil count (ANC) overdue (Clozapine)',
      routeToRoles: ['prescriber'],
      fallbackRoles: ['care_manager'],
      subjectId: 'm1:anc',
    });
    expect(specs[0]?.details).toContain(`${String(daysOverdue)} days overdue`);
  });
});
