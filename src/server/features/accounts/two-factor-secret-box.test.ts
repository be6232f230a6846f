import { describe, expect, it } from 'vitest';
import { keyRingFrom } from '../../platform/audit/audit-keys.js';
import { openSecret, sealSecret } from './two-factor-secret-box.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('the sealed TOTP key', () => {
  it('opens with the key that sealed it and does not show the key', () => {
    const ring = keyRingFrom('server-key-one');
    const stored = sealSecret(SECRET, ring);
    expect(stored).not.toContain(SECRET);
    expect(stored.startsWith(`v1.${ring.current.id}.`)).toBe(true);
    expect(openSecret(stored, ring)).toBe(SECRET);
    // A fresh IV each time: the same key seals differently.
    expect(sealSecret(SECRET, ring)).not.toBe(stored);
  });

  it('opens after a rotation while the old key is kept; not with another key', () => {
    const stored = sealSecret(SECRET, keyRingFrom('server-key-one'));
    expect(openSecret(stored, keyRingFrom('server-key-two', ['server-key-one']))).toBe(SECRET);
    expect(openSecret(stored, keyRingFrom('server-key-two'))).toBeNull();
  });

  it('refuses altered or unreadable text', () => {
    const ring = keyRingFrom('server-key-one');
    const parts = sealSecret(SECRET, ring).split('.');
    const cipher = Buffer.from(parts[3] ?? '', 'base64url');
    cipher[0] = (cipher[0] ?? 0) ^ 1;
    parts[3] = cipher.toString('base64url');
    expect(openSecret(parts.join('.'), ring)).toBeNull();
    expect(openSecret(SECRET, ring)).toBeNull();
    expect(openSecret('v1.x.y', ring)).toBeNull();
  });
});
