// Types of the Duet HTTP API, copied from docs/api.md.
// Kept in one file so they can be swapped for the zod-inferred types in src/shared.
import type { z } from 'zod';
import type { alertSchema, Severity as SharedSeverity } from '../../shared/alerts/alert';
import type { ClinicSettings as SharedClinicSettings } from '../../shared/clinic/settings';
import type * as messaging from '../../shared/messaging/schemas';
import type * as plans from '../../shared/treatment-plans/api-schemas';
import type * as planContent from '../../shared/treatment-plans/schemas';
import type * as measures from '../../shared/measures/schemas';
import type * as caseReview from '../../shared/registry/case-review';
import type * as registry from '../../shared/registry/schemas';
import type * as adherence from '../../shared/adherence/schemas';

export type Role = 'admin' | 'therapist' | 'prescriber' | 'care_manager' | 'patient';
export type CareTeamRole = 'therapist' | 'prescriber' | 'care_manager';
export type StaffRole = Exclude<Role, 'patient'>;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  clinicId: string;
  clinicName: string;
  patientId: string | null;
};

export type SessionAnswer = { user: SessionUser; csrfToken: string };

export type ApiErrorBody = {
  error: { code: string; message: string; details?: unknown };
};

export type Invite = {
  email: string;
  name: string;
  role: Role;
  clinicName: string;
  expiresAt: number;
};

export type AccountStatus = 'invited' | 'active' | 'deactivated';

export type StaffUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: AccountStatus;
  createdAt: number;
  lastLoginAt: number | null;
};

export type NewStaffInvite = { email: string; name: string; role: StaffRole };

export type Mail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: number;
  sentAt: number | null;
  transport: 'outbox' | 'smtp';
};

export type Clinician = { id: string; name: string; email: string; role: CareTeamRole };

export type PatientDetails = {
  givenName: string;
  familyName: string;
  birthDate: string;
  email: string;
  phone: string | null;
  timeZone: string;
  medicalRecordNumber: string | null;
  /** ISO 3166-1 alpha-2; null = the clinic's country. */
  country: string | null;
};

export type CareTeamAssignment = { userId: string; role: CareTeamRole };

export type NewPatient = PatientDetails & { careTeam: CareTeamAssignment[] };

export type CareTeamMember = {
  userId: string;
  name: string;
  email: string;
  role: CareTeamRole;
  addedAt: number;
};

export type PatientOverview = PatientDetails & {
  id: string;
  version: number;
  careTeamVersion: number;
  account: AccountStatus;
  careTeam: CareTeamMember[];
  createdAt: number;
};

export type CaseloadEntry = {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  timeZone: string;
  medicalRecordNumber: string | null;
  myRoles: CareTeamRole[];
  careTeam: CareTeamMember[];
  enrolledAt: number;
};

export type CareTeamChange = {
  id: string;
  userId: string;
  userName: string;
  role: CareTeamRole;
  change: 'added' | 'removed';
  byUserId: string;
  byName: string;
  at: number;
};

export type AccessEntry = {
  id: string;
  at: number;
  who: string;
  whoRole: Role;
  action: string;
  outcome: 'allowed' | 'denied';
};

// ---- Issue 3: inbox, messaging, treatment plans --------------------------------------------------
// These come straight from the server's zod schemas in src/shared (type-only imports: nothing reaches the
// bundle), so they cannot drift from the API.

export type Alert = z.output<typeof alertSchema>;
export type Severity = SharedSeverity;
export type AlertState = Alert['state'];
export type InboxView = 'active' | 'open' | 'acknowledged' | 'resolved' | 'all';
export type InboxCounts = { urgent: number; high: number; routine: number; total: number };
export type ClinicSettings = SharedClinicSettings;

export type Person = messaging.Person;
export type Message = messaging.Message;
export type ConversationKind = messaging.ConversationKind;
export type ConversationSummary = messaging.ConversationSummary;
export type ConversationDetail = messaging.ConversationDetail;
export type NewMessage = { id: string; body: string; mentions: string[] };
export type NewConversation = { id: string; subject: string; firstMessage: NewMessage };
export type Consult = messaging.Consult;
export type ConsultPriority = messaging.ConsultPriority;
export type NewConsult = { id: string; toUserId: string; priority: ConsultPriority; question: string };

export type PlanContent = planContent.PlanContent;
export type PlanEdit = planContent.PlanEdit;
export type SafetyPlan = PlanContent['safetyPlan'];
export type PlanVersion = plans.PlanVersion;
export type PlanVersionStatus = plans.PlanVersionStatus;
export type PlanOverview = plans.PlanOverview;
export type PlanHistoryEntry = plans.HistoryEntry;
export type PlanDiff = z.output<typeof plans.planDiffSchema>;
export type PlanComment = z.output<typeof plans.commentSchema>;
export type PlanTemplate = plans.PlanTemplate;
export type PlanReview = plans.PlanReview;
export type NewPlanReview = z.input<typeof plans.newReviewSchema>;
export type PatientPlanView = plans.PatientView;
export type SafetyPlanAnswer = {
  versionNumber: number | null;
  agreedAt: number | null;
  safetyPlan: SafetyPlan | null;
};

// ---- Issue 5: measurement-based care, registry and case review ------------------------------------------
export type Instrument = z.output<typeof measures.instrumentSchema>;
export type MeasureSource = measures.ResponseSource;
export type DueList = z.output<typeof measures.dueListSchema>;
export type DueMeasure = DueList['measures'][number];
export type MeasureResponse = z.output<typeof measures.questionnaireResponseSchema>;
export type NewMeasureResponse = z.input<typeof measures.newResponseSchema>;
export type CrisisResource = z.output<typeof measures.crisisSchema>['resources'][number];
export type SubmitMeasureAnswer = z.output<typeof measures.submitResultSchema>;
export type RiskAssessment = z.output<typeof measures.riskAssessmentSchema>;
export type NewRiskAssessment = z.input<typeof measures.newRiskAssessmentSchema>;
export type ContactMethod = RiskAssessment['method'];
export type RiskOutcome = RiskAssessment['outcome'];
export type RiskAction = RiskAssessment['actions'][number];

export type RegistryRow = registry.RegistryRow;
export type RegistryResponse = registry.RegistryResponse;
export type RegistrySortKey = registry.RegistrySortKey;
export type RegistryStatus = RegistryRow['status'];
export type RegistryFlag = RegistryRow['flags'][number];
export type RegistryScope = RegistryResponse['scope'];
export type PatientCaseReview = z.output<typeof caseReview.patientCaseReviewSchema>;
export type CaseReviewMark = z.output<typeof caseReview.caseReviewMarkSchema>;
export type Recommendation = z.output<typeof caseReview.recommendationSchema>;
export type NewRecommendation = z.input<typeof caseReview.recommendationInputSchema>;
export type CaseReviewSession = z.output<typeof caseReview.caseReviewSessionSchema>;
export type CaseReviewSessionDetail = z.output<typeof caseReview.caseReviewSessionDetailSchema>;
export type NewCaseReviewSession = z.input<typeof caseReview.sessionInputSchema>;

// ---- Issue 4: adherence ---------------------------------------------------------------------------------
export type AdherenceSummary = z.output<typeof adherence.adherenceSummarySchema>;
export type AdherenceWindow = z.output<typeof adherence.windowRateSchema>;
