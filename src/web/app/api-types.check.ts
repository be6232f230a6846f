// Compile-time check that the web app's API types (api-types.ts, copied from docs/api.md) still match the
// server's response schemas in src/shared. Type-only: nothing here reaches the bundle.
import type { z } from 'zod';
import type * as accounts from '../../shared/accounts/schemas';
import type * as patients from '../../shared/patients/schemas';
import type * as web from './api-types';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type ApiTypesMatchServer = [
  Assert<Same<web.SessionUser, z.output<typeof accounts.sessionUserSchema>>>,
  Assert<Same<web.SessionAnswer, z.output<typeof accounts.sessionAnswerSchema>>>,
  Assert<Same<web.StaffUser, z.output<typeof accounts.staffUserSchema>>>,
  Assert<Same<web.Invite, z.output<typeof accounts.invitePreviewSchema>>>,
  Assert<Same<web.Mail, z.output<typeof accounts.mailSchema>>>,
  Assert<Same<web.Clinician, z.output<typeof accounts.clinicianSchema>>>,
  Assert<Same<web.NewStaffInvite, z.input<typeof accounts.inviteStaffRequestSchema>>>,
  Assert<Same<web.PatientDetails, z.output<typeof patients.patientDetailsSchema>>>,
  Assert<Same<web.CareTeamMember, z.output<typeof patients.careTeamMemberSchema>>>,
  Assert<Same<web.PatientOverview, z.output<typeof patients.patientOverviewSchema>>>,
  Assert<Same<web.CaseloadEntry, z.output<typeof patients.caseloadEntrySchema>>>,
  Assert<Same<web.CareTeamChange, z.output<typeof patients.careTeamChangeSchema>>>,
  Assert<Same<web.AccessEntry, z.output<typeof patients.accessEntrySchema>>>,
];
