/** Tables of migration 037 (issue 13): "forgot password" links and confirmed email changes. */
export interface PasswordResetTable {
  id: string;
  clinic_id: string;
  user_id: string;
  /** SHA-256 of the one-time token; the token itself is only in the mail. */
  token_hash: string;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
  created_at: number;
}

export interface EmailChangeTable {
  id: string;
  clinic_id: string;
  user_id: string;
  /** The address waiting for confirmation; the account keeps signing in with its current one until then. */
  new_email: string;
  token_hash: string;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
  /** Who asked: the account holder or a clinician editing a patient's details. */
  requested_by: string;
  created_at: number;
}

export interface AccountRecoveryTables {
  password_resets: PasswordResetTable;
  email_changes: EmailChangeTable;
}
