import { Badge } from '@mantine/core';
import type { AccountStatus, Role } from '../app/api-types';
import { roleLabel, statusLabel } from './format';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'grape',
  therapist: 'teal',
  prescriber: 'blue',
  care_manager: 'orange',
  patient: 'gray',
};

const STATUS_COLORS: Record<AccountStatus, string> = {
  invited: 'yellow',
  active: 'green',
  deactivated: 'gray',
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={ROLE_COLORS[role]} variant="light" autoContrast>
      {roleLabel(role)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: AccountStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" autoContrast>
      {statusLabel(status)}
    </Badge>
  );
}
