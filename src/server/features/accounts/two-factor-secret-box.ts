import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { AuditKey, AuditKeyRing } from '../../platform/audit/audit-keys.js';

/**
 * The TOTP key is stored sealed (AES-256-GCM) with a key derived (HKDF-SHA-256) from the server key kept
 * outside the database (the audit key ring: AUDIT_HMAC_KEY or the key file in DATA_DIR), so a copy of the
 * database alone cannot compute codes. The sealing key's id is stored with it, so after a rotation older
 * keys (still in the ring) open what they sealed. Format: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url).
 */
const VERSION = 'v1';

function aesKey(key: AuditKey): Buffer {
  return Buffer.from(hkdfSync('sha256', key.secret, 'duet', 'two-factor secret', 32));
}

export function sealSecret(secret: string, keys: AuditKeyRing): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey(keys.current), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, keys.current.id, iv, sealed, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The TOTP key, or null when it cannot be opened (unknown key id, altered text). */
export function openSecret(stored: string, keys: AuditKeyRing): string | null {
  const [version, keyId, iv, sealed, tag] = stored.split('.');
  if (version !== VERSION || !keyId || !iv || !sealed || !tag) return null;
  const key = keys.byId.get(keyId);
  if (!key) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', aesKey(key), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}
