// The patients API's types for the web client, inferred from the schemas the routes use (no copies).
import type { z } from 'zod';
import type {
  accessEntrySchema,
  careTeamAssignmentSchema,
  careTeamChangeSchema,
  careTeamMemberSchema,
  caseloadEntrySchema,
  newPatientSchema,
  patientDetailsSchema,
  patientOverviewSchema,
} from './schemas.js';

export type PatientDetails = z.output<typeof patientDetailsSchema>;
export type CareTeamAssignment = z.input<typeof careTeamAssignmentSchema>;
export type NewPatient = z.input<typeof newPatientSchema>;
export type CareTeamMember = z.output<typeof careTeamMemberSchema>;
export type PatientOverview = z.output<typeof patientOverviewSchema>;
export type CaseloadEntry = z.output<typeof caseloadEntrySchema>;
export type CareTeamChange = z.output<typeof careTeamChangeSchema>;
export type AccessEntry = z.output<typeof accessEntrySchema>;
export type { CareTeamVacancy } from './vacancy.js';
