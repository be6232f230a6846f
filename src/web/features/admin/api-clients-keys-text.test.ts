import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client';
import { jwksError, keyedJwksError, parseJwksText } from './api-clients-keys-text';

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

describe("the key set's message among a form's field errors", () => {
  it('names the key under the form field, else the set', () => {
    expect(
      keyedJwksError(
        {
          'jwksText.keys.0.kid': 'Give the key a kid.',
          'jwksText.keys.0': 'Give the key a kid.',
          jwksText: 'x',
        },
        'jwksText',
      ),
    ).toBe('Key 1: Give the key a kid.');
    expect(keyedJwksError({ jwksText: 'This is not JSON.' }, 'jwksText')).toBe('This is not JSON.');
    expect(keyedJwksError({ name: 'Name the integration.' }, 'jwksText')).toBeUndefined();
  });
});
