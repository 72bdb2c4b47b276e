import type { Role } from '@kuzet/contracts';
import type { UserRow } from './users.repository';

/** A user as GET /api/users shows it (never the password hash). */
export interface UserView {
  id: number;
  email: string;
  name: string;
  role: Role;
  agency: string | null;
  disabled: boolean;
  created_at: string;
  updated_at: string;
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    agency: row.agency,
    disabled: row.disabled,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}
