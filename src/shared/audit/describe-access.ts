/**
 * Plain-language wording of audit actions for the access report ("who has seen my record").
 * The patient reads it in the second person ("opened your record"); the care team reads the same
 * events about the patient ("opened the record").
 */
export type Perspective = 'patient' | 'team';

const phrases: Record<string, [patient: string, team: string]> = {
  'patient.read': ['opened your record', 'opened the record'],
  'medication_safety.read': [
    'looked at your allergies and other medicines',
    'looked at the allergies and other medicines',
  ],
  'medication_safety.add': [
    'added to your allergies and other medicines',
    'added an allergy, medicine or condition',
  ],
  'medication_safety.edit': [
    'changed an entry in your allergies and other medicines',
    'changed a safety-profile entry',
  ],
  'medication_safety.remove': [
    'removed an entry from your allergies and other medicines',
    'removed a safety-profile entry',
  ],
  'medication_safety.confirm': [
    'confirmed an allergy, medicine or condition you entered',
    'confirmed a patient entry',
  ],
  'medication_safety.reject': [
    'did not confirm an allergy, medicine or condition you entered',
    'rejected a patient entry',
  ],
  'medication_safety.weight': ['recorded your weight', 'recorded the weight'],
  'patient.enrol': ['enrolled you in Duet', 'enrolled the patient in Duet'],
  'patient.update': ['updated your contact details', 'updated the contact details'],
  'patient.resend_invite': ['sent you a new sign-up link', 'sent the patient a new sign-up link'],
  'patient.access': ['tried to open your record', 'tried to open the record'],
  'care_team.read_history': ['looked at the history of your care team', 'looked at the care team history'],
  'care_team.update': ['changed your care team', 'changed the care team'],
  // Issue 15: a clinician leaving the clinic; the admin sees who they leave behind, then reassigns or not.
  'user.deactivation_impact': [
    'saw that you were on the care team of a clinician leaving the clinic',
    'saw the patient among those a departing clinician leaves behind',
  ],
  'care_team.reassign': [
    'gave you a new care-team member in place of one who left',
    'reassigned the care team of a departing clinician',
  ],
  'care_team.leave_unassigned': [
    'noted that a care-team member who left is not replaced yet',
    'left the care-team place of a departing clinician unassigned, with a reason',
  ],
  'access_report.read': ['looked at who has seen your record', 'looked at this access report'],
  'caseload.read': ['saw you in their list of patients', 'saw the patient in their caseload'],
  // Issue 13: lists that show many patients leave one event per patient shown.
  'registry.read': ['saw you in their caseload overview', 'saw the patient in the caseload registry'],
  // Issue 15: the caseload worklist.
  'worklist.read': ['saw you in their worklist', 'saw the patient in their worklist'],
  'schedule.read': ['saw your appointment in their schedule', 'saw the appointment in a schedule'],
  'inbox.read': [
    'saw an alert about your care in their inbox',
    'saw an alert about the patient in their inbox',
  ],
  // Issue 14: the treatment timeline and the patient's own "My progress".
  'timeline.read': ['looked at the timeline of your treatment', 'looked at the treatment timeline'],
  'progress.read': ['looked at your progress', 'looked at their progress'],
  'agenda.read': ['read what you want to talk about', 'read the patient’s items to talk about'],
  'agenda.add': ['added something you want to talk about', 'added an item to talk about'],
  'agenda.edit': ['changed something you want to talk about', 'changed an item to talk about'],
  'agenda.delete': ['removed something you wanted to talk about', 'removed an item to talk about'],
  'agenda.discussed': ['marked something you wanted to talk about as discussed', 'marked an item discussed'],
  'visit_summary.read': [
    'looked at a summary of your care since your last visit',
    'looked at a visit summary',
  ],
  'visit_summary.pdf': ['printed a summary of your care since your last visit', 'printed a visit summary'],
  // Issue 14: documents (PDF) and My record; each generation is one event.
  'document.medication_list': ['printed your medication list', 'printed the medication list'],
  'document.measurement_report': [
    'printed a report of your questionnaire scores',
    'printed the measurement report',
  ],
  'document.diary_card': ['printed a week of your diary card', 'printed a diary card week'],
  'document.treatment_plan': ['printed your treatment plan', 'printed the treatment plan'],
  'document.my_record': ['downloaded your whole record (PDF)', 'downloaded the whole record (PDF)'],
  'document.my_record_json': [
    'downloaded your whole record as a file for other programs',
    'downloaded the whole record as a data file',
  ],
  'plan.read': ['looked at your treatment plan', 'looked at the treatment plan'],
  'plan.read_version': ['looked at a version of your treatment plan', 'looked at a plan version'],
  'plan.read_history': ['looked at the history of your treatment plan', 'looked at the plan history'],
  'plan.read_comments': ['read the comments on your treatment plan', 'read the plan comments'],
  'plan.read_reviews': ['looked at the reviews of your treatment plan', 'looked at the plan reviews'],
  'plan.diff': ['compared versions of your treatment plan', 'compared plan versions'],
  'plan.patient_view': ['opened the plain-language view of your plan', 'opened the patient view of the plan'],
  'plan.start': ['started your treatment plan', 'started the treatment plan'],
  'plan.new_draft': ['started a change to your treatment plan', 'started a new plan draft'],
  'plan.edit': ['edited a draft of your treatment plan', 'edited the plan draft'],
  'plan.submit': ['sent your treatment plan for signature', 'sent the plan for signature'],
  'plan.sign': ['signed your treatment plan', 'signed the treatment plan'],
  'plan.acknowledge': ['acknowledged your treatment plan', 'acknowledged the treatment plan'],
  'plan.comment': ['commented on your treatment plan', 'commented on the treatment plan'],
  'plan.review': ['recorded a review of your treatment plan', 'recorded a plan review'],
  'safety_plan.read': ['opened your safety plan', 'opened the safety plan'],
  'conversation.list': ['looked at your conversations', 'looked at the conversations'],
  'conversation.read': ['read a conversation about your care', 'read a conversation'],
  'conversation.create': ['started a conversation about your care', 'started a conversation'],
  'message.create': ['wrote a message about your care', 'wrote a message'],
  'message.mark_read': ['read messages about your care', 'read messages'],
  'consult.list': ['looked at consult requests about your care', 'looked at the consult requests'],
  'consult.read': ['read a consult request about your care', 'read a consult request'],
  'consult.create': ['asked a colleague for advice about your care', 'sent a consult request'],
  'consult.reply': ['answered a colleague about your care', 'answered a consult request'],
  'consult.close': ['closed a consult request about your care', 'closed a consult request'],
  'alerts.read': ['looked at the alerts about your care', 'looked at the alert history'],
  'alert.raise': ['raised an alert about your care', 'raised an alert'],
  'alert.acknowledge': ['took up an alert about your care', 'acknowledged an alert'],
  'alert.resolve': ['resolved an alert about your care', 'resolved an alert'],
  'alert.escalate': ['escalated an alert about your care', 'escalated an alert'],
  'alert.patient_summary': [
    'looked at your contact details and safety plan because of an urgent alert',
    'looked at the contact details and safety plan because of an urgent alert',
  ],
  'case_review.read': ['looked at the case reviews of your care', 'looked at the case reviews'],
  'case_review.mark': ['put your care on the agenda of a case review', 'marked the patient for case review'],
  'case_review.unmark': ['took your care off the case-review agenda', 'unmarked the patient for case review'],
  'case_review.recommend': [
    'recorded a case-review recommendation about your care',
    'recorded a case-review recommendation',
  ],
  // Issue 15: recommendations tracked until done or declined; care-manager contacts and minutes.
  'case_review.recommendation_done': [
    'marked a case-review recommendation about your care as done',
    'marked a case-review recommendation done',
  ],
  'case_review.recommendation_declined': [
    'declined a case-review recommendation about your care, with the reason',
    'declined a case-review recommendation',
  ],
  'case_review.my_recommendations_read': [
    'looked at their open recommendations, which include your care',
    'looked at their open recommendations',
  ],
  'case_review.list_read': [
    'looked at the case-review list, which includes you',
    'looked at the case-review list',
  ],
  'care_contact.log': ['logged a contact with you', 'logged a contact with the patient'],
  'care_contact.read': ['looked at the contacts with you', 'looked at the contacts with the patient'],
  'care_contact.minutes_read': [
    'looked at the care-manager minutes, which include yours',
    'looked at the care-manager minutes',
  ],
  'measure.submit': ['recorded answers to a questionnaire', 'recorded questionnaire answers'],
  'measure.list': ['looked at your questionnaire results', 'looked at the questionnaire results'],
  'measure.read': ['looked at one of your questionnaire results', 'looked at a questionnaire result'],
  'measure.due': ['looked at which questionnaires are due', 'looked at which questionnaires are due'],
  'measure.baseline.read': [
    'looked at which answers count as your starting point',
    'looked at the questionnaire baselines',
  ],
  'measure.baseline.choose': [
    'chose which answer counts as your starting point',
    'chose a questionnaire baseline',
  ],
  'crisis_resources.read': ['looked at your crisis contacts', 'looked at the crisis contacts'],
  'medication.prescribing_context': [
    'checked your allergies and medicines before prescribing',
    'checked the allergies and medicines before prescribing',
  ],
  'lab_ranges.edit': [
    'changed the levels at which blood test results raise an alarm',
    'changed the clinic’s laboratory thresholds',
  ],
  'lab_ranges.reset': [
    'set the levels at which blood test results raise an alarm back to the reference',
    'reset the clinic’s laboratory thresholds to the reference',
  ],
  'medication_catalogue.name_add': [
    'added another name (such as a brand) for a medicine',
    'added another name for a catalogue medicine',
  ],
  'medication.link_by_name': [
    'linked a medicine you take, recorded by another name, to the clinic’s medicine list',
    'linked a medicine recorded by another name to the catalogue',
  ],
  'medication_catalogue.name_remove': [
    'removed another name of a medicine',
    'removed another name of a catalogue medicine',
  ],
  'medication_catalogue.safety_edit': [
    'changed the dose limits of a medicine',
    'changed the dose limits of a medicine',
  ],
  'medication_lab_profile.update': [
    'changed how your blood-count results are read',
    'changed how the blood-count results are read',
  ],
  'risk_assessment.create': ['recorded a safety check-in with you', 'recorded a risk assessment'],
  'risk_assessment.list': ['looked at your safety check-ins', 'looked at the risk assessments'],
  // Medications (issue 4)
  'medication.list': ['looked at your medicines', 'looked at the medicines'],
  'medication.read': [
    'looked at one of your medicines and its history',
    'looked at a medicine and its history',
  ],
  'medication.start': ['started a medicine for you', 'started a medicine'],
  'medication.change_dose': ['changed the dose of one of your medicines', 'changed a dose'],
  'medication.plan_steps': ['planned dose steps for one of your medicines', 'planned dose steps'],
  'medication.pause': ['paused one of your medicines', 'paused a medicine'],
  'medication.resume': ['restarted one of your medicines', 'resumed a medicine'],
  'medication.stop': ['stopped one of your medicines', 'stopped a medicine'],
  'medication.edit_details': ['updated the details of one of your medicines', 'edited medicine details'],
  'medication_monitoring.read': ['looked at your medicine checks and test results', 'looked at monitoring'],
  'medication_monitoring.record': [
    'recorded a test result for one of your medicines',
    'recorded a monitoring result',
  ],
  'dose.today': ["looked at today's doses", "looked at today's doses"],
  'dose.list': ['looked at your dose log', 'looked at the dose log'],
  'dose.log': ['logged a dose', 'logged a dose'],
  'dose.correct': ['corrected a dose log entry', 'corrected a dose log entry'],
  'push.snooze': ['snoozed a dose reminder', 'snoozed a dose reminder'],
  'dose_reminders.read': ['looked at your reminder choices', 'looked at the reminder choices'],
  'dose_reminders.update': ['changed your reminder choices', 'changed the reminder choices'],
  'supply.list': ['looked at your medicine supplies', 'looked at the medicine supplies'],
  'supply.record': ['recorded a medicine supply', 'recorded a medicine supply'],
  'calendar_feed.read': [
    'your calendar app fetched your dose and appointment times',
    'a calendar app fetched the feed',
  ],
  // Issue 16: an integration (API client) reading or writing through the FHIR API.
  'fhir.read': [
    'an integration of the clinic read part of your record',
    'an integration read part of the record',
  ],
  'fhir.search': ['an integration of the clinic searched your record', 'an integration searched the record'],
  'fhir.create': ['an integration of the clinic added to your record', 'an integration added to the record'],
  'fhir.transaction': [
    'an integration of the clinic imported records into your record',
    'an integration imported records into the record',
  ],
  'fhir.export': [
    'an integration of the clinic exported your record (bulk export)',
    'an integration exported the record (bulk export)',
  ],
  'calendar_feed.status': ['looked at your calendar link', 'looked at the calendar link'],
  'calendar_feed.reset': ['made a new calendar link', 'made a new calendar link'],
  'calendar_feed.delete': ['turned off your calendar link', 'turned off the calendar link'],
  'adherence.read': ['looked at how regularly you take your medicines', 'looked at adherence'],
  'side_effect.form': ['opened the side-effect form', 'opened the side-effect form'],
  'side_effect.list': ['looked at your side-effect reports', 'looked at the side-effect reports'],
  'side_effect.report': ['reported a side effect', 'reported a side effect'],
  'side_effect.answer': ['answered your side-effect report', 'answered a side-effect report'],
  // Therapy (issue 6)
  'appointment.list': ['looked at your appointments', 'looked at the appointments'],
  'appointment.book': ['booked an appointment with you', 'booked an appointment'],
  'appointment.reschedule': ['moved one of your appointments', 'moved an appointment'],
  'appointment.cancel': ['cancelled an appointment', 'cancelled an appointment'],
  'appointment.attendance': ['recorded whether you came to an appointment', 'recorded attendance'],
  'appointment.attendance_read': ['looked at your attendance', 'looked at attendance'],
  'progress_note.list': ['looked at your session notes', 'looked at the progress notes'],
  'progress_note.read': ['read one of your session notes', 'read a progress note'],
  'progress_note.create': ['started a session note', 'started a progress note'],
  'progress_note.save': ['wrote in a session note', 'edited a progress note draft'],
  'progress_note.sign': ['signed a session note', 'signed a progress note'],
  'progress_note.addendum': ['added a correction to a session note', 'added an addendum'],
  'team_summary.read': ["read the team's summary of your care", 'read the team summaries'],
  'team_summary.read_history': [
    "looked at earlier versions of the team's summary",
    'looked at summary history',
  ],
  'team_summary.write': ["updated the team's summary of your care", 'updated a team summary'],
  'practice.assign': ['gave you practice to do between sessions', 'assigned practice'],
  'practice.end': ['ended a practice assignment', 'ended a practice assignment'],
  'practice.overview': ['looked at your practice between sessions', 'looked at the practice overview'],
  'practice.comment': ['commented on your practice', 'commented on a practice entry'],
  'practice.entry.list': ['looked at your practice entries', 'looked at the practice entries'],
  'practice.entry.read': ['read one of your practice entries', 'read a practice entry'],
  'practice.entry.save': ['saved a practice entry', 'saved a practice entry'],
  'feedback.list': ['looked at your feedback on sessions', 'looked at the session feedback'],
  'feedback.read': ['read your feedback on a session', 'read session feedback'],
  'feedback.submit': ['sent feedback on a session', 'sent session feedback'],
  'treatment_rating.list': ['looked at your ratings of what helps', 'looked at the treatment ratings'],
  'treatment_rating.submit': ['rated what helps in your treatment', 'rated the treatment parts'],
};

export function describeAccess(
  action: string,
  outcome: 'allowed' | 'denied',
  perspective: Perspective = 'patient',
): string {
  const whose = perspective === 'patient' ? 'your' : 'the';
  // A refusal happens before anything is shown, so what was attempted matters less than that it was stopped.
  if (outcome === 'denied') return `tried to see or change ${whose} record and was refused`;
  const pair = phrases[action] ?? ['used your record', 'used the record'];
  return perspective === 'patient' ? pair[0] : pair[1];
}
