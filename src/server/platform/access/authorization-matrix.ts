/**
 * THE reviewed authorization expectations: every /api route × every role × own / other-team / unknown
 * patient. The matrix test is generated from the app's route table and fails when a route is missing
 * here, so a new route cannot ship without someone deciding who may call it.
 *
 * 'allow' = the request passes the gate and reaches the use case (any answer but 401/403/404/5xx).
 * A number = the exact status the gate must answer. For patient routes, a triple gives the answer for
 * [own patient (on my team / my own record), a patient of another team, an unknown id].
 */
export type Outcome = 'allow' | 401 | 403 | 404;
export type Triple = readonly [Outcome, Outcome, Outcome];
export type MatrixRole = 'anonymous' | 'admin' | 'therapist' | 'prescriber' | 'care_manager' | 'patient';

export type RouteExpectation =
  | { scope: 'none'; expect: Record<MatrixRole, Outcome> }
  | { scope: 'patient'; expect: Record<MatrixRole, Triple> };

const everyone = (o: Outcome): Record<MatrixRole, Outcome> => ({
  anonymous: o,
  admin: o,
  therapist: o,
  prescriber: o,
  care_manager: o,
  patient: o,
});
const signedIn: Record<MatrixRole, Outcome> = { ...everyone('allow'), anonymous: 401 };
const adminOnly: Record<MatrixRole, Outcome> = { ...everyone(403), anonymous: 401, admin: 'allow' };
const cliniciansOnly: Record<MatrixRole, Outcome> = {
  ...everyone(403),
  anonymous: 401,
  therapist: 'allow',
  prescriber: 'allow',
  care_manager: 'allow',
};

const teamOnly = ['allow', 404, 404] as const;
const never = [404, 404, 404] as const;
const unauth = [401, 401, 401] as const;
/** Care-team members only: patients and admins see 404 for every id, their own included. */
const careTeam: Record<MatrixRole, Triple> = {
  anonymous: unauth,
  admin: never,
  therapist: teamOnly,
  prescriber: teamOnly,
  care_manager: teamOnly,
  patient: never,
};
/** Care-team members and the patient themself. */
const careTeamOrPatient: Record<MatrixRole, Triple> = { ...careTeam, patient: teamOnly };
/** Refused by the route's declared rule (403: they reach the record, so they may know it exists). */
const refused = [403, 404, 404] as const;
/** Only the patient themself acts; the care team reads and is told 403. */
const patientThemself: Record<MatrixRole, Triple> = {
  ...careTeamOrPatient,
  therapist: refused,
  prescriber: refused,
  care_manager: refused,
};
/** Only the prescriber on the care team acts; the rest of the team is told 403. */
const prescriberOfTeam: Record<MatrixRole, Triple> = {
  ...careTeam,
  therapist: refused,
  care_manager: refused,
};
/** Author only: the matrix's note is the therapist's draft on the own patient; the rest of the team gets 403. */
const noteAuthor: Record<MatrixRole, Triple> = { ...careTeam, prescriber: refused, care_manager: refused };
/** Only the therapist on the care team acts; the rest of the team is told 403. */
const therapistOfTeam: Record<MatrixRole, Triple> = {
  ...careTeam,
  prescriber: refused,
  care_manager: refused,
};

export const authorizationMatrix: Record<string, RouteExpectation> = {
  'GET /api/health': { scope: 'none', expect: everyone('allow') },
  'GET /api/openapi.json': { scope: 'none', expect: everyone('allow') },
  'POST /api/auth/login': { scope: 'none', expect: everyone('allow') },
  'POST /api/auth/logout': { scope: 'none', expect: signedIn },
  'GET /api/auth/session': { scope: 'none', expect: signedIn },
  'POST /api/auth/password': { scope: 'none', expect: signedIn },
  // Two-step sign-in and signed-in devices (issue 13): each account manages its own.
  'POST /api/auth/second-factor': { scope: 'none', expect: everyone('allow') },
  'GET /api/auth/two-factor': { scope: 'none', expect: signedIn },
  'POST /api/auth/two-factor/setup': { scope: 'none', expect: signedIn },
  'POST /api/auth/two-factor/confirm': { scope: 'none', expect: signedIn },
  'POST /api/auth/two-factor/recovery-codes': { scope: 'none', expect: signedIn },
  'POST /api/auth/two-factor/off': { scope: 'none', expect: signedIn },
  'GET /api/auth/devices': { scope: 'none', expect: signedIn },
  'DELETE /api/auth/devices/:deviceId': { scope: 'none', expect: signedIn },
  'POST /api/auth/devices/sign-out-others': { scope: 'none', expect: signedIn },
  // Forgot password and email confirmation are public like sign-in (a made-up body answers 400 past the gate).
  'POST /api/auth/password-reset': { scope: 'none', expect: everyone('allow') },
  'POST /api/auth/password-reset/complete': { scope: 'none', expect: everyone('allow') },
  'POST /api/account/email/confirm': { scope: 'none', expect: everyone('allow') },
  'GET /api/account/email': { scope: 'none', expect: signedIn },
  'POST /api/account/email': { scope: 'none', expect: signedIn },
  // Public, but the matrix uses a made-up token, which every caller gets as 404.
  'GET /api/invites/:token': { scope: 'none', expect: everyone(404) },
  'POST /api/invites/:token/accept': { scope: 'none', expect: everyone(404) },
  'GET /api/admin/users': { scope: 'none', expect: adminOnly },
  'POST /api/admin/invites': { scope: 'none', expect: adminOnly },
  'POST /api/admin/users/:userId/deactivate': { scope: 'none', expect: adminOnly },
  'GET /api/admin/users/:userId/deactivation-impact': { scope: 'none', expect: adminOnly },
  'POST /api/admin/users/:userId/reactivate': { scope: 'none', expect: adminOnly },
  'POST /api/admin/users/:userId/resend-invite': { scope: 'none', expect: adminOnly },
  'GET /api/admin/outbox': { scope: 'none', expect: adminOnly },
  'GET /api/admin/security-alerts': { scope: 'none', expect: adminOnly },
  // issue 16: the clinic admin's API clients for FHIR integrations (the /fhir/R4 routes have their own test).
  'GET /api/admin/api-clients': { scope: 'none', expect: adminOnly },
  'POST /api/admin/api-clients': { scope: 'none', expect: adminOnly },
  'POST /api/admin/api-clients/:clientId/rotate': { scope: 'none', expect: adminOnly },
  'POST /api/admin/api-clients/:clientId/revoke': { scope: 'none', expect: adminOnly },
  'PUT /api/admin/api-clients/:clientId/keys': { scope: 'none', expect: adminOnly },
  'GET /api/clinicians': { scope: 'none', expect: cliniciansOnly },
  'GET /api/patients': { scope: 'none', expect: cliniciansOnly },
  'POST /api/patients': { scope: 'none', expect: cliniciansOnly },
  'GET /api/patients/:patientId': { scope: 'patient', expect: careTeamOrPatient },
  'PATCH /api/patients/:patientId': { scope: 'patient', expect: careTeam },
  'PUT /api/patients/:patientId/care-team': { scope: 'patient', expect: careTeam },
  'GET /api/patients/:patientId/care-team/history': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/resend-invite': { scope: 'patient', expect: careTeam },
  'GET /api/patients/:patientId/access-report': { scope: 'patient', expect: careTeamOrPatient },
  'GET /api/patients/:patientId/access-report/times': { scope: 'patient', expect: careTeamOrPatient },
  // messaging and consults (the matrix sends ':conversationId'/':consultId' literally: not a UUID, so an
  // allowed caller gets 400 past the gate; the team thread's 404 for the patient is in messaging tests).
  // Reply and close run on a real consult the therapist asked the prescriber: only the asked clinician
  // replies, either side closes, the rest of the team gets 403.
  'GET /api/patients/:patientId/conversations': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/conversations': { scope: 'patient', expect: careTeamOrPatient },
  'GET /api/patients/:patientId/conversations/:conversationId': {
    scope: 'patient',
    expect: careTeamOrPatient,
  },
  'POST /api/patients/:patientId/conversations/:conversationId/messages': {
    scope: 'patient',
    expect: careTeamOrPatient,
  },
  'POST /api/patients/:patientId/conversations/:conversationId/read': {
    scope: 'patient',
    expect: careTeamOrPatient,
  },
  'GET /api/consults': { scope: 'none', expect: cliniciansOnly },
  'GET /api/patients/:patientId/consults': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/consults': { scope: 'patient', expect: careTeam },
  'GET /api/patients/:patientId/consults/:consultId': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/consults/:consultId/reply': {
    scope: 'patient',
    expect: { ...careTeam, therapist: refused, care_manager: refused },
  },
  'POST /api/patients/:patientId/consults/:consultId/close': {
    scope: 'patient',
    expect: { ...careTeam, care_manager: refused },
  },
  // alerts and inbox (an alert about the "own" patient; other teams' alerts are tested in alerts.int.test.ts)
  'GET /api/inbox': { scope: 'none', expect: cliniciansOnly },
  'GET /api/inbox/counts': { scope: 'none', expect: cliniciansOnly },
  'GET /api/patients/:patientId/alerts': { scope: 'patient', expect: careTeam },
  'POST /api/alerts/:alertId/acknowledge': { scope: 'none', expect: cliniciansOnly },
  'POST /api/alerts/:alertId/resolve': { scope: 'none', expect: cliniciansOnly },
  'POST /api/alerts/:alertId/risk-assessments': { scope: 'none', expect: cliniciansOnly },
  'GET /api/alerts/:alertId/patient-summary': { scope: 'none', expect: cliniciansOnly },
  // clinic settings
  'GET /api/admin/settings': { scope: 'none', expect: adminOnly },
  'PUT /api/admin/settings': { scope: 'none', expect: adminOnly },

  // treatment plans (the matrix sends ':versionNumber' literally: not a number, so an allowed caller gets 400
  // past the gate; the patient's 404 on drafts is in treatment-plans tests). Only the patient acknowledges
  // their plan: a clinician on the team is refused with 403.
  'GET /api/patients/:patientId/plan': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/plan': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/plan/draft': { scope: 'patient', expect: careTeam },
  'PATCH /api/patients/:patientId/plan/draft': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/plan/draft/submit': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/plan/draft/sign': {
    scope: 'patient',
    expect: { ...careTeam, care_manager: refused },
  },
  'GET /api/patients/:patientId/plan/versions/:versionNumber': {
    scope: 'patient',
    expect: careTeamOrPatient,
  },
  'GET /api/patients/:patientId/plan/history': { scope: 'patient', expect: careTeam },
  'GET /api/patients/:patientId/plan/diff': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/plan/acknowledge': { scope: 'patient', expect: patientThemself },
  'GET /api/patients/:patientId/plan/versions/:versionNumber/comments': {
    scope: 'patient',
    expect: careTeamOrPatient,
  },
  'POST /api/patients/:patientId/plan/versions/:versionNumber/comments': {
    scope: 'patient',
    expect: careTeamOrPatient,
  },
  'GET /api/patients/:patientId/plan/patient-view': { scope: 'patient', expect: careTeamOrPatient },
  'GET /api/patients/:patientId/safety-plan': { scope: 'patient', expect: careTeamOrPatient },
  'GET /api/patients/:patientId/plan/reviews': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/plan/reviews': { scope: 'patient', expect: careTeam },
  'GET /api/plan-templates': { scope: 'none', expect: cliniciansOnly },
  'POST /api/plan-templates': { scope: 'none', expect: cliniciansOnly },
  // measures (the matrix sends ':responseId' literally: not a UUID, so an allowed caller gets 400 past the
  // gate; another patient's responses answering 404 is in measures tests)
  'GET /api/instruments': { scope: 'none', expect: signedIn },
  'POST /api/patients/:patientId/measures': { scope: 'patient', expect: careTeamOrPatient },
  'GET /api/patients/:patientId/measures': { scope: 'patient', expect: careTeamOrPatient },
  'GET /api/patients/:patientId/measures/due': { scope: 'patient', expect: careTeamOrPatient },
  // crisis resources (issue 12): the patient and their care team
  'GET /api/patients/:patientId/crisis-resources': { scope: 'patient', expect: careTeamOrPatient },
  'GET /api/patients/:patientId/measures/:responseId': { scope: 'patient', expect: careTeamOrPatient },
  // the patient's doses (issue 4). Logging, correcting and reminder choices are the patient's own: a
  // clinician on the team gets 403 'patient_only' from the declared policy, before the body is read.
  // Supplies: the patient or the prescriber on the team. The calendar link is the patient's; the
  // feed itself is public by secret URL (a made-up token is 404 for everyone).
  'GET /api/patients/:patientId/doses/today': { scope: 'patient', expect: careTeamOrPatient },
  'GET /api/patients/:patientId/doses': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/doses': { scope: 'patient', expect: patientThemself },
  'PATCH /api/patients/:patientId/doses/:logId': { scope: 'patient', expect: patientThemself },
  'GET /api/patients/:patientId/supplies': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/supplies': {
    scope: 'patient',
    expect: { ...careTeamOrPatient, therapist: refused, care_manager: refused },
  },
  'GET /api/patients/:patientId/dose-reminders': { scope: 'patient', expect: patientThemself },
  'PUT /api/patients/:patientId/dose-reminders': { scope: 'patient', expect: patientThemself },
  'GET /api/patients/:patientId/calendar-feed': { scope: 'patient', expect: patientThemself },
  'POST /api/patients/:patientId/calendar-feed': { scope: 'patient', expect: patientThemself },
  'DELETE /api/patients/:patientId/calendar-feed': { scope: 'patient', expect: patientThemself },
  'GET /api/calendar/:token.ics': { scope: 'none', expect: everyone(404) },
  // adherence (issue 4): the care team and the patient themself
  'GET /api/patients/:patientId/adherence': { scope: 'patient', expect: careTeamOrPatient },
  // timeline (issue 14): the care team reads the timeline; the patient reads their own "My progress"
  'GET /api/patients/:patientId/timeline': { scope: 'patient', expect: careTeam },
  'GET /api/me/progress': { scope: 'none', expect: { ...everyone(403), anonymous: 401, patient: 'allow' } },
  // Push notifications (issue 17): each account its own subscriptions and choices; admins have none to choose.
  'GET /api/push/public-key': { scope: 'none', expect: { ...signedIn, admin: 403 } },
  'GET /api/push/subscriptions': { scope: 'none', expect: { ...signedIn, admin: 403 } },
  'POST /api/push/subscriptions': { scope: 'none', expect: { ...signedIn, admin: 403 } },
  'DELETE /api/push/subscriptions/:subscriptionId': { scope: 'none', expect: { ...signedIn, admin: 403 } },
  'GET /api/push/preferences': { scope: 'none', expect: { ...signedIn, admin: 403 } },
  'PUT /api/push/preferences': { scope: 'none', expect: { ...signedIn, admin: 403 } },
  'POST /api/push/snooze': { scope: 'none', expect: { ...everyone(403), anonymous: 401, patient: 'allow' } },
  // documents (issue 14): the care team prints a patient's PDFs; the patient downloads their own and My record
  'GET /api/patients/:patientId/documents/:kind.pdf': { scope: 'patient', expect: careTeam },
  'GET /api/me/documents/:kind.pdf': {
    scope: 'none',
    expect: { ...everyone(403), anonymous: 401, patient: 'allow' },
  },
  'GET /api/me/documents/my-record.json': {
    scope: 'none',
    expect: { ...everyone(403), anonymous: 401, patient: 'allow' },
  },
  // "What I want to talk about" (issue 14): the patient writes their own items; the care team reads them
  // (each clinician the ones addressed to them) and marks them discussed.
  'GET /api/patients/:patientId/agenda-items': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/agenda-items': { scope: 'patient', expect: patientThemself },
  'PATCH /api/patients/:patientId/agenda-items/:itemId': { scope: 'patient', expect: patientThemself },
  'DELETE /api/patients/:patientId/agenda-items/:itemId': { scope: 'patient', expect: patientThemself },
  'POST /api/patients/:patientId/agenda-items/:itemId/discussed': { scope: 'patient', expect: careTeam },
  // The visit summary (issue 14): the care team reads it and prints it (':appointmentId' literal: 400 past the gate).
  'GET /api/patients/:patientId/appointments/:appointmentId/visit-summary': {
    scope: 'patient',
    expect: careTeam,
  },
  'GET /api/patients/:patientId/appointments/:appointmentId/visit-summary.pdf': {
    scope: 'patient',
    expect: careTeam,
  },
  // the patient's feedback (issue 6): the whole care team reads, the patient reads their own; giving it is
  // the patient's alone (403 'patient_only' for a clinician, from the declared policy); the matrix
  // sends ':appointmentId' literally: not a UUID, so an allowed caller gets 400 past the gate
  'GET /api/patients/:patientId/session-feedback': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/session-feedback': { scope: 'patient', expect: patientThemself },
  'GET /api/patients/:patientId/session-feedback/sessions/:appointmentId': {
    scope: 'patient',
    expect: careTeamOrPatient,
  },
  'GET /api/patients/:patientId/treatment-ratings': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/treatment-ratings': { scope: 'patient', expect: patientThemself },
  // the baseline a clinician chooses ("use as baseline", issue 12)
  'GET /api/patients/:patientId/measure-baselines': { scope: 'patient', expect: careTeam },
  'PUT /api/patients/:patientId/measure-baselines/:instrument': { scope: 'patient', expect: careTeam },
  'GET /api/patients/:patientId/risk-assessments': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/risk-assessments': { scope: 'patient', expect: careTeam },
  // appointments (the matrix sends ':appointmentId' literally: not a UUID, so an allowed caller gets 400 past
  // the gate). Booking and attendance are the care team's; the type-by-role rules (a therapist books sessions,
  // not medication reviews; attendance by the type's clinician) answer 403 in appointments tests.
  'GET /api/patients/:patientId/appointments': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/appointments': { scope: 'patient', expect: careTeam },
  'GET /api/patients/:patientId/appointments/attendance': { scope: 'patient', expect: careTeam },
  'PATCH /api/patients/:patientId/appointments/:appointmentId': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/appointments/:appointmentId/cancel': {
    scope: 'patient',
    expect: careTeamOrPatient,
  },
  'POST /api/patients/:patientId/appointments/:appointmentId/attendance': {
    scope: 'patient',
    expect: careTeam,
  },
  // registry and case review (the matrix sends ':sessionId' literally: not a UUID, so an allowed caller gets
  // 400 past the gate). Marking is the care manager's and recommending the prescriber's: other clinicians
  // on the team are refused with 403 (the gate answers 404 first for a stranger); scope=all: registry tests.
  'GET /api/registry': { scope: 'none', expect: cliniciansOnly },
  'GET /api/worklist': { scope: 'none', expect: cliniciansOnly },
  // The matrix sends no from/to: an allowed caller gets 400 from validation, after the gate.
  'GET /api/schedule': { scope: 'none', expect: cliniciansOnly },
  'GET /api/patients/:patientId/case-review': { scope: 'patient', expect: careTeam },
  'PUT /api/patients/:patientId/case-review/mark': {
    scope: 'patient',
    expect: { ...careTeam, therapist: [403, 404, 404], prescriber: [403, 404, 404] },
  },
  'DELETE /api/patients/:patientId/case-review/mark': {
    scope: 'patient',
    expect: { ...careTeam, therapist: [403, 404, 404], prescriber: [403, 404, 404] },
  },
  'POST /api/patients/:patientId/case-review/recommendations': {
    scope: 'patient',
    expect: { ...careTeam, therapist: [403, 404, 404], care_manager: [403, 404, 404] },
  },
  'POST /api/case-reviews': {
    scope: 'none',
    expect: { ...cliniciansOnly, therapist: 403, prescriber: 403 },
  },
  'GET /api/case-reviews': { scope: 'none', expect: cliniciansOnly },
  'GET /api/case-reviews/:sessionId': { scope: 'none', expect: cliniciansOnly },
  // Issue 15 (':recommendationId' is sent literally: not a UUID, so a team member gets 400 past the gate; who
  // may close a real one, the assignee or its author, is in case-review tests). Contacts: anyone on the team
  // logs one; minutes: staff (the admin's cover the clinic); the monthly CSV: admin and care manager only.
  'POST /api/patients/:patientId/case-review/recommendations/:recommendationId/close': {
    scope: 'patient',
    expect: careTeam,
  },
  'GET /api/case-review/my-recommendations': { scope: 'none', expect: cliniciansOnly },
  'GET /api/case-review/list': { scope: 'none', expect: cliniciansOnly },
  'GET /api/patients/:patientId/care-contacts': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/care-contacts': { scope: 'patient', expect: careTeam },
  'GET /api/care-minutes': { scope: 'none', expect: { ...cliniciansOnly, admin: 'allow' } },
  'GET /api/care-minutes/report.csv': {
    scope: 'none',
    expect: { ...adminOnly, care_manager: 'allow' },
  },
  'GET /api/care-minutes/report.pdf': {
    scope: 'none',
    expect: { ...adminOnly, care_manager: 'allow' },
  },
  // side-effect reports (issue 4; the matrix sends ':reportId' literally: not a UUID, so an allowed caller gets
  // 400 past the gate). Only the patient reports and only the prescriber answers: others on the team get 403.
  'GET /api/patients/:patientId/side-effects/form': { scope: 'patient', expect: careTeamOrPatient },
  'GET /api/patients/:patientId/side-effects': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/side-effects': { scope: 'patient', expect: patientThemself },
  'POST /api/patients/:patientId/side-effects/:reportId/answers': {
    scope: 'patient',
    expect: prescriberOfTeam,
  },
  // notes (the matrix sends ':noteId' literally and empty bodies: an allowed caller gets 400 past the gate).
  // Progress notes: the patient reads signed ones only (drafts 404: notes int tests). Psychotherapy notes:
  // the 'own' column is the author's; every other team member gets an empty list and 404 for an id. Saving
  // and signing a progress note is the author's ('author only', on the therapist's real draft: 403
  // 'not_author' for the rest of the team). Each team summary has
  // its keeper on the team (therapy: therapist, medication: prescriber): the others get 403.
  'GET /api/patients/:patientId/progress-notes': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/progress-notes': { scope: 'patient', expect: careTeam },
  'GET /api/patients/:patientId/progress-notes/:noteId': { scope: 'patient', expect: careTeamOrPatient },
  'PUT /api/patients/:patientId/progress-notes/:noteId': { scope: 'patient', expect: noteAuthor },
  'POST /api/patients/:patientId/progress-notes/:noteId/sign': { scope: 'patient', expect: noteAuthor },
  'POST /api/patients/:patientId/progress-notes/:noteId/addenda': { scope: 'patient', expect: careTeam },
  'GET /api/patients/:patientId/psychotherapy-notes': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/psychotherapy-notes': { scope: 'patient', expect: careTeam },
  'GET /api/patients/:patientId/psychotherapy-notes/:noteId': { scope: 'patient', expect: careTeam },
  'PUT /api/patients/:patientId/psychotherapy-notes/:noteId': { scope: 'patient', expect: careTeam },
  'GET /api/patients/:patientId/team-summaries': { scope: 'patient', expect: careTeam },
  'GET /api/patients/:patientId/team-summaries/history': { scope: 'patient', expect: careTeam },
  'PUT /api/patients/:patientId/team-summaries/therapy': { scope: 'patient', expect: therapistOfTeam },
  'PUT /api/patients/:patientId/team-summaries/medication': { scope: 'patient', expect: prescriberOfTeam },
  // medications (issue 4): the catalogue is staff reference data; starting and changing a medication is the
  // prescriber's on the care team (declared policy: 403 'prescriber_only' for the rest of the team).
  // ':medicationId'/':entryId' are not UUIDs: 400 past the gate.
  'GET /api/medication-catalogue': { scope: 'none', expect: { ...signedIn, patient: 403 } },
  'POST /api/admin/medication-catalogue': { scope: 'none', expect: adminOnly },
  'PUT /api/admin/medication-catalogue/:entryId': { scope: 'none', expect: adminOnly },
  // issue 11: the clinic's laboratory thresholds (admin) and other names of catalogue entries (staff read them
  // for the prescribing form's check; the admin adds and removes them).
  'GET /api/admin/lab-ranges': { scope: 'none', expect: adminOnly },
  'PUT /api/admin/lab-ranges/:rangeId': { scope: 'none', expect: adminOnly },
  'DELETE /api/admin/lab-ranges/:rangeId': { scope: 'none', expect: adminOnly },
  'GET /api/medication-catalogue/other-names': { scope: 'none', expect: { ...signedIn, patient: 403 } },
  'POST /api/admin/medication-catalogue/:entryId/other-names': { scope: 'none', expect: adminOnly },
  'DELETE /api/admin/medication-catalogue/:entryId/other-names/:nameId': { scope: 'none', expect: adminOnly },
  'GET /api/patients/:patientId/medications': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/medications': { scope: 'patient', expect: prescriberOfTeam },
  'GET /api/patients/:patientId/medications/:medicationId': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/medications/:medicationId/changes': {
    scope: 'patient',
    expect: prescriberOfTeam,
  },
  // issue 11: the prescribing form's check context (allergies, other medicines, age, weight): the care team.
  'GET /api/patients/:patientId/prescribing-context': { scope: 'patient', expect: careTeam },
  'GET /api/patients/:patientId/medication-monitoring': { scope: 'patient', expect: careTeam },
  'POST /api/patients/:patientId/medication-monitoring/results': {
    scope: 'patient',
    expect: prescriberOfTeam,
  },
  'PUT /api/patients/:patientId/medications/:medicationId/lab-profile': {
    scope: 'patient',
    expect: prescriberOfTeam,
  },
  // skills practice (issue 6; the matrix sends ':assignmentId'/':entryId' literally and empty bodies, so an
  // allowed caller gets 400 past the gate). Assigning, ending and commenting are the therapist's and only the
  // patient writes entries (403 for the rest of the team), and a therapist-only entry answers 404 to the
  // prescriber and the care manager: both proven in practice.int.test.ts on real ids.
  'GET /api/practice/library': { scope: 'none', expect: signedIn },
  'GET /api/patients/:patientId/practice': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/practice/assignments': { scope: 'patient', expect: therapistOfTeam },
  'POST /api/patients/:patientId/practice/assignments/:assignmentId/end': {
    scope: 'patient',
    expect: therapistOfTeam,
  },
  'GET /api/patients/:patientId/practice/entries': { scope: 'patient', expect: careTeamOrPatient },
  'GET /api/patients/:patientId/practice/entries/:entryId': { scope: 'patient', expect: careTeamOrPatient },
  'PUT /api/patients/:patientId/practice/entries/:entryId': { scope: 'patient', expect: patientThemself },
  'POST /api/patients/:patientId/practice/entries/:entryId/comments': {
    scope: 'patient',
    expect: therapistOfTeam,
  },
  // medication safety profile (issue 11): the team and the patient list and add allergies, other medicines
  // and conditions; only clinicians confirm, reject and record the weight. A patient changing an entry that
  // is not their own pending one gets 403 (proven in safety-profile.int.test.ts). ':entryId' is not a UUID:
  // an allowed caller gets 400 past the gate.
  'GET /api/patients/:patientId/medication-safety': { scope: 'patient', expect: careTeamOrPatient },
  'POST /api/patients/:patientId/medication-safety/entries': { scope: 'patient', expect: careTeamOrPatient },
  'PUT /api/patients/:patientId/medication-safety/entries/:entryId': {
    scope: 'patient',
    expect: careTeamOrPatient,
  },
  'DELETE /api/patients/:patientId/medication-safety/entries/:entryId': {
    scope: 'patient',
    expect: careTeamOrPatient,
  },
  'POST /api/patients/:patientId/medication-safety/entries/:entryId/confirm': {
    scope: 'patient',
    expect: careTeam,
  },
  'POST /api/patients/:patientId/medication-safety/entries/:entryId/reject': {
    scope: 'patient',
    expect: careTeam,
  },
  'PUT /api/patients/:patientId/medication-safety/weight': { scope: 'patient', expect: careTeam },
};
