/**
 * Plain-language wording of audit actions for the patient's access report ("who has seen my record").
 * Keep each phrase short and in the second person: it is read by the patient.
 */
const phrases: Record<string, string> = {
  'patient.read': 'opened your record',
  'patient.enrol': 'enrolled you in Duet',
  'patient.update': 'updated your contact details',
  'patient.resend_invite': 'sent you a new sign-up link',
  'patient.access': 'tried to open your record',
  'care_team.read_history': 'looked at the history of your care team',
  'care_team.update': 'changed your care team',
  'access_report.read': 'looked at who has seen your record',
  'caseload.read': 'saw you in their list of patients',
};

export function describeAccess(action: string, outcome: 'allowed' | 'denied'): string {
  const phrase = phrases[action] ?? 'used your record';
  if (outcome === 'denied') return `tried to open your record but was not allowed (${phrase})`;
  return phrase;
}
