/** Two-step sign-in and known devices (issue 13, migration 038). */
export interface TwoFactorTable {
  user_id: string;
  clinic_id: string;
  /** The TOTP key, sealed with a server key outside the database (two-factor-secret-box.ts). Never sent after set-up. */
  secret: string;
  confirmed_at: number | null;
  /** The last 30 s step whose code was accepted: a code is never accepted twice. */
  last_used_step: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface RecoveryCodeTable {
  id: string;
  clinic_id: string;
  user_id: string;
  code_hash: string;
  used_at: number | null;
  created_at: number;
}

export interface SecondFactorChallengeTable {
  token_hash: string;
  clinic_id: string;
  user_id: string;
  attempts: number;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}

export interface KnownDeviceTable {
  token_hash: string;
  clinic_id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

export interface TwoFactorTables {
  two_factor: TwoFactorTable;
  recovery_codes: RecoveryCodeTable;
  second_factor_challenges: SecondFactorChallengeTable;
  known_devices: KnownDeviceTable;
}
