import { NativeSelect, SimpleGrid } from '@mantine/core';
import type { CareTeamRole, Clinician } from '../../../shared/accounts/api';
import type { CareTeamAssignment, CareTeamMember } from '../../../shared/patients/api';
import { roleLabel } from '../../components/format';

export const TEAM_ROLES: CareTeamRole[] = ['therapist', 'prescriber', 'care_manager'];

/** One chosen clinician (user id, or '' for none) per care-team role. */
export type TeamChoice = Record<CareTeamRole, string>;

export function emptyTeamChoice(): TeamChoice {
  return { therapist: '', prescriber: '', care_manager: '' };
}

export function teamChoiceFrom(members: CareTeamMember[]): TeamChoice {
  const choice = emptyTeamChoice();
  for (const role of TEAM_ROLES) choice[role] = members.find((m) => m.role === role)?.userId ?? '';
  return choice;
}

export function assignmentsFrom(choice: TeamChoice): CareTeamAssignment[] {
  return TEAM_ROLES.filter((role) => choice[role] !== '').map((role) => ({ userId: choice[role], role }));
}

const HINTS: Record<CareTeamRole, string> = {
  therapist: 'Talking therapy and skills practice',
  prescriber: 'Medication',
  care_manager: 'Optional: coordination and follow-up',
};

type Props = {
  clinicians: Clinician[];
  value: TeamChoice;
  onChange: (next: TeamChoice) => void;
  /** Current members who are no longer listed as active clinicians stay selectable. */
  currentMembers?: CareTeamMember[];
  error?: string;
  /** Stack the selects (inside a narrow card) instead of three across. */
  stacked?: boolean;
};

/** A select per care-team role, listing the clinic's active clinicians in that role. */
export function CareTeamPicker({ clinicians, value, onChange, currentMembers = [], error, stacked }: Props) {
  return (
    <SimpleGrid cols={stacked ? 1 : { base: 1, sm: 3 }} spacing="md">
      {TEAM_ROLES.map((role, index) => {
        const options = clinicians
          .filter((c) => c.role === role)
          .map((c) => ({ value: c.id, label: c.name }));
        for (const member of currentMembers) {
          if (member.role === role && !options.some((o) => o.value === member.userId)) {
            options.push({ value: member.userId, label: `${member.name} (inactive)` });
          }
        }
        return (
          <NativeSelect
            key={role}
            label={roleLabel(role)}
            description={HINTS[role]}
            value={value[role]}
            onChange={(e) => onChange({ ...value, [role]: e.currentTarget.value })}
            data={[{ value: '', label: 'No one' }, ...options]}
            error={index === 0 ? error : undefined}
          />
        );
      })}
    </SimpleGrid>
  );
}
