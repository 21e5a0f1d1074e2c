import type { Generated } from 'kysely';

// Kysely table types of two-factor sign-in (migration 20261207_0100_two_factor); roles.require_two_factor is in schema.ts.
export interface UserTwoFactorTable {
  user_id: number;
  /** Base32 TOTP secret; enabled_at null while the enrolment waits for its first code. */
  secret: string;
  enabled_at: string | null;
  /** The last time step accepted: a code of that step or an earlier one is refused (replay). */
  last_step: number | null;
  created_at: string;
  updated_at: string;
}

export interface TwoFactorRecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string; // sha256 of the normalized code
  created_at: string;
  used_at: string | null;
}

export interface TwoFactorChallengesTable {
  id: string; // sha256 of the challenge token
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface TwoFactorTables {
  user_two_factor: UserTwoFactorTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  two_factor_challenges: TwoFactorChallengesTable;
}
