import { createPublicKey, verify } from 'node:crypto';
import { algorithmOf, jwkSetSchema, type JwkSet, type PublicJwk } from '../../../shared/fhir/jwks.js';

/**
 * `private_key_jwt` client authentication (SMART Backend Services, "Authenticating to the token endpoint"; RFC 7523
 * §2.2 and §3; JWS compact serialization, RFC 7515 §7.1): the client signs a short JWT with a key it registered,
 * and sends it as `client_assertion` with this `client_assertion_type`. Verified here with node:crypto.
 */
export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** SMART Backend Services: `exp` "SHALL be no more than five minutes in the future". */
export const MAX_ASSERTION_SECONDS = 300;

export interface ParsedAssertion {
  alg: string;
  kid: string | null;
  iss: unknown;
  sub: unknown;
  aud: unknown;
  exp: unknown;
  jti: unknown;
  signingInput: string;
  signature: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]*$/;

function jsonPart(part: string): Record<string, unknown> | null {
  if (!B64URL.test(part)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The header, claims and signature of a compact JWS, or null when it is not one. */
export function parseAssertion(jwt: string): ParsedAssertion | null {
  const parts = jwt.split('.');
  if (parts.length !== 3) return null;
  const [h = '', p = '', s = ''] = parts;
  const header = jsonPart(h);
  const payload = jsonPart(p);
  if (!header || !payload || !B64URL.test(s) || s === '') return null;
  return {
    alg: typeof header.alg === 'string' ? header.alg : '',
    kid: typeof header.kid === 'string' ? header.kid : null,
    iss: payload.iss,
    sub: payload.sub,
    aud: payload.aud,
    exp: payload.exp,
    jti: payload.jti,
    signingInput: `${h}.${p}`,
    signature: Buffer.from(s, 'base64url'),
  };
}

/**
 * Whether the signature is the key's over the signing input: RS384 is RSASSA-PKCS1-v1_5 with SHA-384, ES384 is
 * ECDSA P-384 with SHA-384 and the signature as R‖S (RFC 7518 §3.3, §3.4). The header's alg must be the key's.
 */
export function signedBy(a: ParsedAssertion, key: PublicJwk): boolean {
  if (a.alg !== algorithmOf(key)) return false;
  try {
    const publicKey = createPublicKey({ key: { ...key }, format: 'jwk' });
    const data = Buffer.from(a.signingInput, 'ascii');
    return key.kty === 'RSA'
      ? verify('sha384', data, publicKey, a.signature)
      : verify('sha384', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, a.signature);
  } catch {
    return false;
  }
}

/**
 * What is wrong with the claims, or null: iss and sub are the client id, aud is the token URL (or a list holding
 * it), exp is in the future and at most five minutes ahead, jti is a non-empty string.
 */
export function claimsProblem(
  a: ParsedAssertion,
  expected: { clientId: string; tokenUrl: string; nowMs: number },
): string | null {
  if (a.iss !== expected.clientId || a.sub !== expected.clientId)
    return 'The assertion’s iss and sub must both be the client id.';
  const audiences = Array.isArray(a.aud) ? (a.aud as unknown[]) : [a.aud];
  if (!audiences.includes(expected.tokenUrl)) return `The assertion’s aud must be ${expected.tokenUrl}.`;
  if (typeof a.exp !== 'number' || !Number.isFinite(a.exp)) return 'The assertion needs an exp (seconds).';
  const now = expected.nowMs / 1000;
  if (a.exp <= now) return 'The assertion has expired.';
  if (a.exp > now + MAX_ASSERTION_SECONDS) return 'The assertion’s exp is more than five minutes ahead.';
  if (typeof a.jti !== 'string' || a.jti === '' || a.jti.length > 255)
    return 'The assertion needs a jti (a unique string).';
  return null;
}

/** The registered key set of a client (stored JSON), or null when it has none. */
export function storedKeySet(jwks: string | null | undefined): JwkSet | null {
  if (jwks === null || jwks === undefined) return null;
  const parsed = jwkSetSchema.safeParse(JSON.parse(jwks));
  return parsed.success ? parsed.data : null;
}

/**
 * Which key of the set cannot be read as a public key (index), or null when all can. The shape is checked by
 * the schema; this checks that `n`/`e` (2048 bits or more) or the P-384 point `x`/`y` make a real key.
 */
export function unusableKey(set: JwkSet): number | null {
  const bad = set.keys.findIndex((key) => {
    try {
      const k = createPublicKey({ key: { ...key }, format: 'jwk' });
      if (key.kty === 'EC') return k.asymmetricKeyType !== 'ec';
      // RSA keys shorter than 2048 bits are refused (NIST SP 800-131A: 2048 bits at least for signatures).
      return k.asymmetricKeyType !== 'rsa' || (k.asymmetricKeyDetails?.modulusLength ?? 0) < 2048;
    } catch {
      return true;
    }
  });
  return bad < 0 ? null : bad;
}
