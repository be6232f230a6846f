import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { NotFoundPage } from '../components/not-found-page';
import { RequireRole, RequireSession, StartRedirect } from './guards';
import { AppLayout } from './layout/app-layout';
import { lazyPage, preloadPage } from './lazy-page';
import { withErrorBoundaries } from './error-boundaries';
import { RouteError } from './route-error';
import { CLINICIAN_ROLES } from './session';

// Issue 17: every page but sign-in is its own chunk (lazy-page.tsx); charts load only with chart pages.
const AccountPage = lazyPage(() => import('../features/account/account-page').then((m) => m.AccountPage));
const ForgotPasswordPage = lazyPage(() =>
  import('../features/accounts/forgot-password-page').then((m) => m.ForgotPasswordPage),
);
const ResetPasswordPage = lazyPage(() =>
  import('../features/accounts/reset-password-page').then((m) => m.ResetPasswordPage),
);
const ConfirmEmailPage = lazyPage(() =>
  import('../features/accounts/confirm-email-page').then((m) => m.ConfirmEmailPage),
);
const TwoFactorPage = lazyPage(() =>
  import('../features/accounts/two-factor-page').then((m) => m.TwoFactorPage),
);
const OutboxPage = lazyPage(() => import('../features/admin/outbox-page').then((m) => m.OutboxPage));
const SecurityAlertsPage = lazyPage(() =>
  import('../features/admin/security-alerts-page').then((m) => m.SecurityAlertsPage),
);
const ClinicSettingsPage = lazyPage(() =>
  import('../features/admin/settings-page').then((m) => m.ClinicSettingsPage),
);
const UsersPage = lazyPage(() => import('../features/admin/users-page').then((m) => m.UsersPage));
const ApiClientsPage = lazyPage(() =>
  import('../features/admin/api-clients-page').then((m) => m.ApiClientsPage),
);
const CaseloadPage = lazyPage(() => import('../features/worklist/worklist-page').then((m) => m.WorklistPage));
const SchedulePage = lazyPage(() => import('../features/schedule/schedule-page').then((m) => m.SchedulePage));
const InboxPage = lazyPage(() => import('../features/inbox/inbox-page').then((m) => m.InboxPage));
const InvitePage = lazyPage(() => import('../features/invites/invite-page').then((m) => m.InvitePage));
const ClinicianConversationPage = lazyPage(() =>
  import('../features/messaging/clinician-conversation-page').then((m) => m.ClinicianConversationPage),
);
const AskCareTeamPage = lazyPage(() =>
  import('../features/messaging/patient-messages-pages').then((m) => m.AskCareTeamPage),
);
const PatientConversationPage = lazyPage(() =>
  import('../features/messaging/patient-messages-pages').then((m) => m.PatientConversationPage),
);
const PatientMessagesPage = lazyPage(() =>
  import('../features/messaging/patient-messages-pages').then((m) => m.PatientMessagesPage),
);
const CaseReviewPage = lazyPage(() =>
  import('../features/registry/case-review').then((m) => m.CaseReviewPage),
);
const RegistryPage = lazyPage(() => import('../features/registry/registry-page').then((m) => m.RegistryPage));
const MeasuresPage = lazyPage(() => import('../features/measures/measures-page').then((m) => m.MeasuresPage));
// Issue 14: the timeline's chart code loads only with the timeline page.
const TimelinePage = lazyPage(() => import('../features/timeline/timeline-page').then((m) => m.TimelinePage));
const MyProgressPage = lazyPage(() =>
  import('../features/timeline/my-progress-page').then((m) => m.MyProgressPage),
);
// Issue 14: "My record" (right of access) downloads.
const MyRecordPage = lazyPage(() =>
  import('../features/documents/my-record-page').then((m) => m.MyRecordPage),
);
// Issue 14: the visit summary and the patient's "What I want to talk about".
const VisitSummaryPage = lazyPage(() =>
  import('../features/visits/visit-summary-page').then((m) => m.VisitSummaryPage),
);
const AgendaPage = lazyPage(() => import('../features/visits/agenda-page').then((m) => m.AgendaPage));
const NotesPage = lazyPage(() => import('../features/notes/notes-page').then((m) => m.NotesPage));
const PatientNotesPage = lazyPage(() =>
  import('../features/notes/patient-notes-page').then((m) => m.PatientNotesPage),
);
const AppointmentsPage = lazyPage(() =>
  import('../features/appointments/appointments-page').then((m) => m.AppointmentsPage),
);
const PatientAppointmentsPage = lazyPage(() =>
  import('../features/appointments/patient-appointments-page').then((m) => m.PatientAppointmentsPage),
);
const QuestionnairePage = lazyPage(() =>
  import('../features/measures/questionnaire-page').then((m) => m.QuestionnairePage),
);
const ClinicianPracticePage = lazyPage(() =>
  import('../features/practice/practice-page').then((m) => m.ClinicianPracticePage),
);
const PracticeEntryPage = lazyPage(() =>
  import('../features/practice/entry-page').then((m) => m.PracticeEntryPage),
);
const PracticeHomePage = lazyPage(() =>
  import('../features/practice/practice-home-page').then((m) => m.PracticeHomePage),
);
const FeedbackPage = lazyPage(() => import('../features/feedback/feedback-page').then((m) => m.FeedbackPage));
const SessionFeedbackPage = lazyPage(() =>
  import('../features/feedback/session-feedback-page').then((m) => m.SessionFeedbackPage),
);
const TreatmentRatingsPage = lazyPage(() =>
  import('../features/feedback/treatment-ratings-page').then((m) => m.TreatmentRatingsPage),
);
const AccessPage = lazyPage(() => import('../features/patient-home/access-page').then((m) => m.AccessPage));
const HomePage = lazyPage(() => import('../features/patient-home/home-page').then((m) => m.HomePage));
const MyMedicinesPage = lazyPage(() =>
  import('../features/doses/my-medicines-page').then((m) => m.MyMedicinesPage),
);
const PatientPlanPage = lazyPage(() =>
  import('../features/treatment-plan/patient-plan-pages').then((m) => m.PatientPlanPage),
);
const SafetyPlanPage = lazyPage(() =>
  import('../features/treatment-plan/patient-plan-pages').then((m) => m.SafetyPlanPage),
);
const PlanPage = lazyPage(() => import('../features/treatment-plan/plan-page').then((m) => m.PlanPage));
const EnrolPatientPage = lazyPage(() =>
  import('../features/patients/enrol-patient-page').then((m) => m.EnrolPatientPage),
);
const PatientPage = lazyPage(() => import('../features/patients/patient-page').then((m) => m.PatientPage));
const MedicationsPage = lazyPage(() =>
  import('../features/medications/medications-page').then((m) => m.MedicationsPage),
);
const CatalogueAdminPage = lazyPage(() =>
  import('../features/medications/catalogue-admin-page').then((m) => m.CatalogueAdminPage),
);
const LabRangesPage = lazyPage(() =>
  import('../features/admin/lab-ranges-page').then((m) => m.LabRangesPage),
);
const ReportSideEffectsPage = lazyPage(() =>
  import('../features/side-effects/report-page').then((m) => m.ReportSideEffectsPage),
);
const MySideEffectReportsPage = lazyPage(() =>
  import('../features/side-effects/my-reports-page').then((m) => m.MySideEffectReportsPage),
);
const MyAllergiesPage = lazyPage(() =>
  import('../features/allergies/my-allergies-page').then((m) => m.MyAllergiesPage),
);
const GuidePage = lazyPage(() => import('../features/medication-guides/guide-page').then((m) => m.GuidePage));
const GuidesIndexPage = lazyPage(() =>
  import('../features/medication-guides/guide-page').then((m) => m.GuidesIndexPage),
);

const routes: RouteObject[] = [
  { path: '/', element: <StartRedirect /> },
  { path: '/login', element: <LoginPage /> },
  { path: '/invite/:token', element: <InvitePage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/confirm-email', element: <ConfirmEmailPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            element: <RequireRole roles={['admin']} />,
            children: [
              { path: '/admin/users', element: <UsersPage /> },
              { path: '/admin/outbox', element: <OutboxPage /> },
              { path: '/admin/security', element: <SecurityAlertsPage /> },
              { path: '/admin/settings', element: <ClinicSettingsPage /> },
              { path: '/admin/medications', element: <CatalogueAdminPage /> },
              { path: '/admin/lab-ranges', element: <LabRangesPage /> },
              { path: '/admin/api-clients', element: <ApiClientsPage /> },
            ],
          },
          {
            element: <RequireRole roles={CLINICIAN_ROLES} />,
            children: [
              { path: '/caseload', element: <CaseloadPage /> },
              { path: '/schedule', element: <SchedulePage /> },
              { path: '/inbox', element: <InboxPage /> },
              { path: '/registry', element: <RegistryPage /> },
              { path: '/case-review', element: <CaseReviewPage /> },
              { path: '/case-review/:sessionId', element: <CaseReviewPage /> },
              { path: '/patients/new', element: <EnrolPatientPage /> },
              { path: '/patients/:patientId', element: <PatientPage /> },
              { path: '/patients/:patientId/plan', element: <PlanPage /> },
              { path: '/patients/:patientId/measures', element: <MeasuresPage /> },
              { path: '/patients/:patientId/timeline', element: <TimelinePage /> },
              {
                path: '/patients/:patientId/appointments/:appointmentId/summary',
                element: <VisitSummaryPage />,
              },
              { path: '/patients/:patientId/practice', element: <ClinicianPracticePage /> },
              { path: '/patients/:patientId/notes', element: <NotesPage /> },
              { path: '/patients/:patientId/feedback', element: <FeedbackPage /> },
              { path: '/patients/:patientId/medications', element: <MedicationsPage /> },
              { path: '/patients/:patientId/appointments', element: <AppointmentsPage /> },
              { path: '/medication-guides', element: <GuidesIndexPage /> },
              { path: '/medication-guides/:classKey', element: <GuidePage /> },
              {
                path: '/patients/:patientId/messages/:conversationId',
                element: <ClinicianConversationPage />,
              },
            ],
          },
          {
            element: <RequireRole roles={['patient']} />,
            children: [
              { path: '/home', element: <HomePage /> },
              { path: '/home/access', element: <AccessPage /> },
              { path: '/home/appointments', element: <PatientAppointmentsPage /> },
              { path: '/home/messages', element: <PatientMessagesPage /> },
              { path: '/home/plan', element: <PatientPlanPage /> },
              { path: '/home/medications', element: <MyMedicinesPage /> },
              { path: '/home/progress', element: <MyProgressPage /> },
              { path: '/home/talk-about', element: <AgendaPage /> },
              { path: '/home/my-record', element: <MyRecordPage /> },
              { path: '/home/notes', element: <PatientNotesPage /> },
              { path: '/home/safety-plan', element: <SafetyPlanPage /> },
              { path: '/home/practice', element: <PracticeHomePage /> },
              { path: '/home/practice/:assignmentId/:entryId', element: <PracticeEntryPage /> },
              { path: '/home/measures/:instrument', element: <QuestionnairePage /> },
              { path: '/home/feedback/:appointmentId', element: <SessionFeedbackPage /> },
              { path: '/home/treatment-ratings', element: <TreatmentRatingsPage /> },
              { path: '/home/side-effects', element: <MySideEffectReportsPage /> },
              { path: '/home/allergies', element: <MyAllergiesPage /> },
              { path: '/home/side-effects/new', element: <ReportSideEffectsPage /> },
              { path: '/home/medications/guide/:classKey', element: <GuidePage /> },
              { path: '/home/messages/new', element: <AskCareTeamPage /> },
              { path: '/home/messages/:conversationId', element: <PatientConversationPage /> },
            ],
          },
          { path: '/account', element: <AccountPage /> },
          { path: '/account/two-factor', element: <TwoFactorPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

// Issue 17: an error boundary per route, with a way back (error-boundaries.ts).
export const router = createBrowserRouter(withErrorBoundaries(routes, <RouteError />));

// Issue 17: the page this visit opens starts loading with the app, in parallel with the session request;
// main.tsx waits for its chunk (and the first reads it registers) before the first render.
export const openingPageLoaded: Promise<unknown> = Promise.all(
  router.state.matches.map((match) => preloadPage(match.route.element)),
);
