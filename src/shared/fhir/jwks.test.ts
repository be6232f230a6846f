import { describe, expect, it } from 'vitest';
import { jwkSetSchema } from './jwks.js';

const rsa = { kty: 'RSA', kid: 'r1', alg: 'RS384', n: 'sXch', e: 'AQAB' };
const ec = { kty: 'EC', kid: 'e1', crv: 'P-384', x: 'AAAA', y: 'BBBB' };

describe('JWK Set for private_key_jwt (shape; the server checks the key material)', () => {
  it.each([
    ['an RSA key', { keys: [rsa] }],
    ['an EC P-384 key without alg', { keys: [ec] }],
    ['both, use sig', { keys: [{ ...rsa, use: 'sig' }, ec] }],
  ])('accepts %s', (_name, set) => {
    expect(jwkSetSchema.safeParse(set).success).toBe(true);
  });

  it.each([
    ['no keys', { keys: [] }, ['keys'], 'Add at least one key.'],
    ['a private RSA key', { keys: [{ ...rsa, d: 'x' }] }, ['keys', 0, 'd'], 'This is a private key'],
    ['a private EC key', { keys: [{ ...ec, d: 'x' }] }, ['keys', 0, 'd'], 'This is a private key'],
    [
      'a symmetric key',
      { keys: [{ kty: 'oct', kid: 'k', k: 'abc' }] },
      ['keys', 0, 'k'],
      'This is a private key',
    ],
    ['an RSA key with alg RS256', { keys: [{ ...rsa, alg: 'RS256' }] }, ['keys', 0, 'alg'], 'RS384'],
    ['an EC key on P-256', { keys: [{ ...ec, crv: 'P-256' }] }, ['keys', 0, 'crv'], 'P-384'],
    ['a key without kid', { keys: [{ ...ec, kid: undefined }] }, ['keys', 0, 'kid'], ''],
    ['two keys with one kid', { keys: [rsa, { ...ec, kid: 'r1' }] }, ['keys'], 'its own kid'],
    ['n not base64url', { keys: [{ ...rsa, n: 'a+b/' }] }, ['keys', 0, 'n'], 'base64url'],
    ['an encryption key', { keys: [{ ...rsa, use: 'enc' }] }, ['keys', 0, 'use'], 'sig'],
  ])('refuses %s, at the element', (_name, set, path, words) => {
    const parsed = jwkSetSchema.safeParse(set);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(words);
  });
});
