import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/account-page';
import { ForgotPasswordPage } from '../features/accounts/forgot-password-page';
import { ResetPasswordPage } from '../features/accounts/reset-password-page';
import { ConfirmEmailPage } from '../features/accounts/confirm-email-page';
import { TwoFactorPage } from '../features/accounts/two-factor-page';
import { OutboxPage } from '../features/admin/outbox-page';
import { SecurityAlertsPage } from '../features/admin/security-alerts-page';
import { ClinicSettingsPage } from '../features/admin/settings-page';
import { UsersPage } from '../features/admin/users-page';
import { LoginPage } from '../features/auth/login-page';
import { CaseloadPage } from '../features/caseload/caseload-page';
import { InboxPage } from '../features/inbox/inbox-page';
import { InvitePage } from '../features/invites/invite-page';
import { ClinicianConversationPage } from '../features/messaging/clinician-conversation-page';
import {
  AskCareTeamPage,
  PatientConversationPage,
  PatientMessagesPage,
} from '../features/messaging/patient-messages-pages';
import { CaseReviewPage } from '../features/registry/case-review';
import { RegistryPage } from '../features/registry/registry-page';
import { MeasuresPage } from '../features/measures/measures-page';
import { NotesPage } from '../features/notes/notes-page';
import { PatientNotesPage } from '../features/notes/patient-notes-page';
import { AppointmentsPage } from '../features/appointments/appointments-page';
import { PatientAppointmentsPage } from '../features/appointments/patient-appointments-page';
import { QuestionnairePage } from '../features/measures/questionnaire-page';
import { ClinicianPracticePage } from '../features/practice/practice-page';
import { PracticeEntryPage } from '../features/practice/entry-page';
import { PracticeHomePage } from '../features/practice/practice-home-page';
import { FeedbackPage } from '../features/feedback/feedback-page';
import { SessionFeedbackPage } from '../features/feedback/session-feedback-page';
import { TreatmentRatingsPage } from '../features/feedback/treatment-ratings-page';
import { AccessPage } from '../features/patient-home/access-page';
import { HomePage } from '../features/patient-home/home-page';
import { MyMedicinesPage } from '../features/doses/my-medicines-page';
import { PatientPlanPage, SafetyPlanPage } from '../features/treatment-plan/patient-plan-pages';
import { PlanPage } from '../features/treatment-plan/plan-page';
import { EnrolPatientPage } from '../features/patients/enrol-patient-page';
import { PatientPage } from '../features/patients/patient-page';
import { MedicationsPage } from '../features/medications/medications-page';
import { CatalogueAdminPage } from '../features/medications/catalogue-admin-page';
import { LabRangesPage } from '../features/admin/lab-ranges-page';
import { ReportSideEffectsPage } from '../features/side-effects/report-page';
import { MySideEffectReportsPage } from '../features/side-effects/my-reports-page';
import { MyAllergiesPage } from '../features/allergies/my-allergies-page';
import { GuidePage, GuidesIndexPage } from '../features/medication-guides/guide-page';
import { NotFoundPage } from '../components/not-found-page';
import { RequireRole, RequireSession, StartRedirect } from './guards';
import { AppLayout } from './layout/app-layout';
import { CLINICIAN_ROLES } from './session';

export const router = createBrowserRouter([
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
            ],
          },
          {
            element: <RequireRole roles={CLINICIAN_ROLES} />,
            children: [
              { path: '/caseload', element: <CaseloadPage /> },
              { path: '/inbox', element: <InboxPage /> },
              { path: '/registry', element: <RegistryPage /> },
              { path: '/case-review', element: <CaseReviewPage /> },
              { path: '/case-review/:sessionId', element: <CaseReviewPage /> },
              { path: '/patients/new', element: <EnrolPatientPage /> },
              { path: '/patients/:patientId', element: <PatientPage /> },
              { path: '/patients/:patientId/plan', element: <PlanPage /> },
              { path: '/patients/:patientId/measures', element: <MeasuresPage /> },
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
]);
