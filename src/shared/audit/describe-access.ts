/**
 * Plain-language wording of audit actions for the access report ("who has seen my record").
 * The patient reads it in the second person ("opened your record"); the care team reads the same
 * events about the patient ("opened the record").
 */
export type Perspective = 'patient' | 'team';

const phrases: Record<string, [patient: string, team: string]> = {
  'patient.read': ['opened your record', 'opened the record'],
  'patient.enrol': ['enrolled you in Duet', 'enrolled the patient in Duet'],
  'patient.update': ['updated your contact details', 'updated the contact details'],
  'patient.resend_invite': ['sent you a new sign-up link', 'sent the patient a new sign-up link'],
  'patient.access': ['tried to open your record', 'tried to open the record'],
  'care_team.read_history': ['looked at the history of your care team', 'looked at the care team history'],
  'care_team.update': ['changed your care team', 'changed the care team'],
  'access_report.read': ['looked at who has seen your record', 'looked at this access report'],
  'caseload.read': ['saw you in their list of patients', 'saw the patient in their caseload'],
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
  'case_review.read': ['looked at the case reviews of your care', 'looked at the case reviews'],
  'case_review.mark': ['put your care on the agenda of a case review', 'marked the patient for case review'],
  'case_review.unmark': ['took your care off the case-review agenda', 'unmarked the patient for case review'],
  'case_review.recommend': [
    'recorded a case-review recommendation about your care',
    'recorded a case-review recommendation',
  ],
  'measure.submit': ['recorded answers to a questionnaire', 'recorded questionnaire answers'],
  'measure.list': ['looked at your questionnaire results', 'looked at the questionnaire results'],
  'measure.read': ['looked at one of your questionnaire results', 'looked at a questionnaire result'],
  'measure.due': ['looked at which questionnaires are due', 'looked at which questionnaires are due'],
  'risk_assessment.create': ['recorded a safety check-in with you', 'recorded a risk assessment'],
  'risk_assessment.list': ['looked at your safety check-ins', 'looked at the risk assessments'],
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
