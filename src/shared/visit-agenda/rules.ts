// "What I want to talk about" (issue 14): who an agenda item is for and when the patient may still change it.
// Pure: the server's use cases and the web's forms read the same rules.

/** Longest item a patient can write (issue 14, product policy: one topic, read in a glance). */
export const AGENDA_TEXT_MAX = 500;

export const agendaAddressees = ['therapist', 'prescriber', 'both'] as const;
export type AgendaAddressee = (typeof agendaAddressees)[number];

export const agendaStatuses = ['open', 'discussed'] as const;
export type AgendaStatus = (typeof agendaStatuses)[number];

/**
 * Whether a clinician with these care-team roles reads an item: "both" is for the whole care team; an
 * item for the therapist or the prescriber is for the team member holding that role only.
 */
export function addressedToReader(addressedTo: AgendaAddressee, teamRoles: readonly string[]): boolean {
  if (teamRoles.length === 0) return false;
  if (addressedTo === 'both') return true;
  return teamRoles.includes(addressedTo);
}

/** The addressee an appointment's clinician answers to: sessions are the therapist's, reviews the prescriber's. */
export function addresseeOfAppointment(type: string): Exclude<AgendaAddressee, 'both'> {
  return type === 'medication_review' ? 'prescriber' : 'therapist';
}

/**
 * The patient may change or delete their own item until the visit: while it is open (not yet marked
 * discussed) and, when it was added for an appointment, until that appointment starts.
 */
export function patientMayChange(
  item: { status: AgendaStatus; appointmentStartsAt: number | null },
  now: number,
): boolean {
  if (item.status !== 'open') return false;
  return item.appointmentStartsAt === null || now < item.appointmentStartsAt;
}
