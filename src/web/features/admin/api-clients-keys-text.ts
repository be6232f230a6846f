import type { JwkSet } from '../../../shared/fhir/jwks';
import { fieldErrorsFrom } from '../../components/validation-details';

/**
 * The pasted JWK Set as an object, or the reason it is not JSON. Its shape (public RS384 / ES384 keys with a kid)
 * is checked by the server, which names the key at fault.
 */
export function parseJwksText(text: string): { ok: true; value: JwkSet } | { ok: false; message: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !('keys' in value))
      return { ok: false, message: 'Paste a JWK Set: {"keys": [ … ]}.' };
    return { ok: true, value: value as JwkSet };
  } catch {
    return { ok: false, message: 'This is not JSON. Paste the JWK Set as the integration gives it.' };
  }
}

/** The server's message about the key set, naming the key (1-based) when it names one. */
export function jwksError(error: unknown): string | undefined {
  const errors = fieldErrorsFrom(error);
  const keyPath = Object.keys(errors).find((k) => /^jwks\.keys\.\d+$/.test(k));
  if (keyPath !== undefined)
    return `Key ${String(Number(keyPath.split('.')[2]) + 1)}: ${errors[keyPath] ?? ''}`;
  return errors.jwks;
}

export const JWKS_HELP =
  'Optional. For private_key_jwt (SMART Backend Services): the public keys as a JWK Set, RSA (RS384, 2048 bits or more) or EC P-384 (ES384), each with a kid.';
