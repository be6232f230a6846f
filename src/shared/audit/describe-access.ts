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
