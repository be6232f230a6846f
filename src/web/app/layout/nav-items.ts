import {
  IconAdjustments,
  IconBarbell,
  IconCalendarEvent,
  IconPill,
  IconShieldExclamation,
  IconChartLine,
  IconStethoscope,
  IconClipboardHeart,
  IconEye,
  IconFlask,
  IconPlugConnected,
  IconInbox,
  IconHome,
  IconMail,
  IconMessages,
  IconNotes,
  IconUserCircle,
  IconUserPlus,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Role } from '../../../shared/accounts/api';

export type NavItem = {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  /** Match the path exactly rather than as a prefix. */
  end?: boolean;
  /** A live count shown beside the label. */
  badge?: 'inbox';
};

const ACCOUNT: NavItem = { to: '/account', label: 'My account', icon: IconUserCircle };

/** The navigation each role sees. */
export function navItemsFor(role: Role): NavItem[] {
  switch (role) {
    case 'admin':
      return [
        { to: '/admin/users', label: 'Staff accounts', icon: IconUsers },
        { to: '/admin/outbox', label: 'Outbox', icon: IconMail },
        { to: '/admin/security', label: 'Security alerts', icon: IconShieldExclamation },
        { to: '/admin/settings', label: 'Clinic settings', icon: IconAdjustments },
        { to: '/admin/medications', label: 'Medication catalogue', icon: IconPill },
        { to: '/admin/lab-ranges', label: 'Laboratory thresholds', icon: IconFlask },
        { to: '/admin/api-clients', label: 'API clients', icon: IconPlugConnected },
        ACCOUNT,
      ];
    case 'patient':
      return [
        { to: '/home', label: 'Home', icon: IconHome, end: true },
        { to: '/home/plan', label: 'My treatment plan', icon: IconClipboardHeart },
        { to: '/home/medications', label: 'My medicines', icon: IconPill },
        { to: '/home/practice', label: 'My practice', icon: IconBarbell },
        { to: '/home/notes', label: 'Session notes', icon: IconNotes },
        { to: '/home/appointments', label: 'Appointments', icon: IconCalendarEvent },
        { to: '/home/messages', label: 'Messages', icon: IconMessages },
        { to: '/home/access', label: 'Who has seen my record', icon: IconEye },
        ACCOUNT,
      ];
    default:
      return [
        { to: '/caseload', label: 'My caseload', icon: IconUsersGroup },
        { to: '/schedule', label: 'Schedule', icon: IconCalendarEvent },
        { to: '/inbox', label: 'Inbox', icon: IconInbox, badge: 'inbox' },
        { to: '/registry', label: 'Registry', icon: IconChartLine },
        { to: '/case-review', label: 'Case review', icon: IconStethoscope },
        { to: '/patients/new', label: 'Enrol patient', icon: IconUserPlus },
        ACCOUNT,
      ];
  }
}
