import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client';
import { jwksError, parseJwksText } from './api-clients-keys-text';

const invalid = (details: unknown) =>
  new ApiError(400, 'validation_failed', 'Some fields are missing or not valid.', details);

describe('the pasted JWK Set', () => {
  it.each([
    ['{"keys":[{"kty":"EC","kid":"a"}]}', true, ''],
    ['{"kty":"EC"}', false, 'Paste a JWK Set'],
    ['[1,2]', false, 'Paste a JWK Set'],
    ['null', false, 'Paste a JWK Set'],
    ['-----BEGIN PUBLIC KEY-----', false, 'This is not JSON'],
  ])('%s → ok %s', (text, ok, words) => {
    const parsed = parseJwksText(text);
    expect(parsed.ok).toBe(ok);
    if (!parsed.ok) expect(parsed.message).toContain(words);
  });

  it('names the key (1-based) the server refused, or the set', () => {
    expect(
      jwksError(
        invalid([
          { path: 'body.jwks.keys.1.d', message: 'This is a private key: paste the public keys only.' },
        ]),
      ),
    ).toBe('Key 2: This is a private key: paste the public keys only.');
    expect(jwksError(invalid([{ path: 'body.jwks.keys', message: 'Each key needs its own kid.' }]))).toBe(
      'Each key needs its own kid.',
    );
    expect(jwksError(invalid([{ path: 'body.name', message: 'Name the integration.' }]))).toBeUndefined();
    expect(jwksError(null)).toBeUndefined();
  });
});
