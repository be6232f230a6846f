// Words and colours for registry statuses and flags: display only (the server computes them with
// src/shared/registry).
import type { RegistryFlag, RegistryStatus } from '../../../shared/registry/api';

export const STATUS_LABELS: Record<RegistryStatus, string> = {
  worsening: 'Worsening',
  not_improving: 'Not improving',
  partial: 'Partial response',
  early: 'Early in treatment',
  response: 'Response',
  remission: 'Remission',
  no_data: 'No data',
};

export const STATUS_COLORS: Record<RegistryStatus, string> = {
  worsening: 'red',
  not_improving: 'orange',
  partial: 'yellow',
  early: 'blue',
  response: 'teal',
  remission: 'green',
  no_data: 'gray',
};

export const FLAG_LABELS: Record<RegistryFlag, string> = {
  safety_risk: 'Safety risk',
  worsening: 'Worsening',
  not_improving: 'Review treatment',
  overdue: 'Measure overdue',
  case_review: 'Case review',
  no_recent_contact: 'No recent contact',
  low_adherence: 'Low adherence',
  early_treatment_watch: 'Early-treatment watch',
};

export const FLAG_COLORS: Record<RegistryFlag, string> = {
  safety_risk: 'red',
  worsening: 'red',
  not_improving: 'orange',
  overdue: 'yellow',
  case_review: 'grape',
  no_recent_contact: 'gray',
  low_adherence: 'orange',
  early_treatment_watch: 'violet',
};
