/**
 * FHIR ids of a plan's goals and problems. A goal or problem has an id within its plan version (letters,
 * digits, `-`, `_`, up to 40); its FHIR id names the version too, and must fit FHIR's id type
 * ([A-Za-z0-9\-.]{1,64}, hl7.org/fhir/R4/datatypes.html#id). The version's UUID is written in 22 characters of
 * FHIR's 64-letter id alphabet, then `-`, then the item id with `_` written as `.` (which item ids never hold):
 * at most 22 + 1 + 40 = 63 characters, and read back exactly.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ITEM = /^[A-Za-z0-9_-]{1,40}$/;

function compactUuid(uuid: string): string {
  let n = BigInt(`0x${uuid.replaceAll('-', '')}`);
  let out = '';
  for (let i = 0; i < 22; i++) {
    out = (ALPHABET[Number(n & 63n)] ?? 'A') + out;
    n >>= 6n;
  }
  return out;
}

function expandUuid(text: string): string | null {
  let n = 0n;
  for (const ch of text) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return null;
    n = (n << 6n) | BigInt(digit);
  }
  if (n >> 128n !== 0n) return null;
  const hex = n.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The FHIR id of item `itemId` of plan version `versionId` (a UUID); null when either does not fit. */
export function planItemId(versionId: string, itemId: string): string | null {
  if (!UUID.test(versionId) || !ITEM.test(itemId)) return null;
  return `${compactUuid(versionId)}-${itemId.replaceAll('_', '.')}`;
}

/** The plan version and item an id names, or null when it is not such an id. */
export function parsePlanItemId(id: string): { versionId: string; itemId: string } | null {
  if (id.length < 24 || id[22] !== '-') return null;
  const versionId = expandUuid(id.slice(0, 22));
  const itemId = id.slice(23).replaceAll('.', '_');
  if (versionId === null || !ITEM.test(itemId)) return null;
  return { versionId, itemId };
}
