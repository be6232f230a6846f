import type { UserTable } from '../../db/schema.js';
import type { Role } from '../../../shared/access/roles.js';
import type { SessionUser, StaffUser } from '../../../shared/accounts/schemas.js';

export function toStaffUser(row: UserTable): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    status: row.status as StaffUser['status'],
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at === null ? null : row.last_login_at,
  };
}

export function toSessionUser(row: UserTable, clinicName: string, patientId: string | null): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    clinicId: row.clinic_id,
    clinicName,
    patientId,
  };
}
