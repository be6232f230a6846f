import { Badge, type BadgeProps } from '@mantine/core';
import type { AccountStatus, Role } from '../../shared/accounts/api';
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

/** A tinted badge with dark text: Mantine's light-variant text colours fall below WCAG AA on their tint. */
export function SoftBadge({ color, children, ...rest }: BadgeProps & { color: string }) {
  return (
    <Badge
      color={color}
      variant="light"
      styles={{
        root: {
          color: 'var(--mantine-color-dark-7)',
          border: `1px solid var(--mantine-color-${color}-3)`,
          flexShrink: 0,
          minWidth: 'max-content',
        },
      }}
      {...rest}
    >
      {children}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: Role }) {
  return <SoftBadge color={ROLE_COLORS[role]}>{roleLabel(role)}</SoftBadge>;
}

export function StatusBadge({ status }: { status: AccountStatus }) {
  return <SoftBadge color={STATUS_COLORS[status]}>{statusLabel(status)}</SoftBadge>;
}
