import type { CareTeamRole, Role } from '../../../shared/accounts/api';

// Plain words for patients about what each member of their team does.
export const ROLE_FOR_PATIENT: Record<CareTeamRole, { title: string; explains: string }> = {
  therapist: {
    title: 'Your therapist',
    explains: 'Helps you with talking therapy and practising skills between sessions.',
  },
  prescriber: {
    title: 'Your prescriber',
    explains: 'Looks after your medication: starting it, adjusting it and checking how it suits you.',
  },
  care_manager: {
    title: 'Your care manager',
    explains: 'Keeps your care joined up, checks in with you and helps with appointments and questions.',
  },
};

const WHO_ROLE: Record<Role, string> = {
  admin: 'clinic administrator',
  therapist: 'therapist',
  prescriber: 'prescriber',
  care_manager: 'care manager',
  patient: 'patient',
};

/** "Priya Shah (therapist)", or "You" for the patient themself. */
export function whoInWords(who: string, role: Role): string {
  if (who === 'You' || role === 'patient') return who;
  return `${who}, ${WHO_ROLE[role]}`;
}
