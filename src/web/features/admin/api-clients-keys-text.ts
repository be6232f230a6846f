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
  return keyedJwksError(fieldErrorsFrom(error), 'jwks');
}

/**
 * The message about the key set among a form's field errors filed under `at` (the browser's check or the
 * server's), naming the key (1-based) when a key is at fault.
 */
export function keyedJwksError(errors: Readonly<Record<string, string>>, at: string): string | undefined {
  const keyPath = Object.keys(errors).find(
    (k) => k.startsWith(`${at}.keys.`) && /^\d+$/.test(k.slice(at.length + 6)),
  );
  if (keyPath !== undefined)
    return `Key ${String(Number(keyPath.slice(at.length + 6)) + 1)}: ${errors[keyPath] ?? ''}`;
  return errors[at];
}

export const JWKS_HELP =
  'Optional. For private_key_jwt (SMART Backend Services): the public keys as a JWK Set, RSA (RS384, 2048 bits or more) or EC P-384 (ES384), each with a kid.';
