/** Issue 16 (migration 041): API clients of a clinic and their bearer tokens (hashes only). */
export interface ApiClientTable {
  id: string;
  clinic_id: string;
  name: string;
  /** SMART v2 scopes, space-separated. */
  scopes: string;
  /** JSON array of clinician ids (the care-team limit); null = the whole clinic. */
  team_member_ids: string | null;
  /** SHA-256 of the 32-byte random secret. */
  secret_hash: string;
  /** 'active' | 'revoked' */
  status: string;
  version: number;
  created_by: string;
  created_at: number;
  updated_at: number;
  secret_rotated_at: number;
  revoked_at: number | null;
  /** The registered JSON Web Key Set for private_key_jwt (migration 049), JSON text; null: none. */
  jwks?: string | null;
}

export interface ApiTokenTable {
  token_hash: string;
  clinic_id: string;
  client_id: string;
  scopes: string;
  created_at: number;
  expires_at: number;
}

/** A client assertion's jti, kept until the JWT expires: the same jti again is a replay (migration 049). */
export interface ApiClientAssertionTable {
  client_id: string;
  jti: string;
  clinic_id: string;
  expires_at: number;
}

export interface ApiClientTables {
  api_clients: ApiClientTable;
  api_tokens: ApiTokenTable;
  api_client_assertions: ApiClientAssertionTable;
}
