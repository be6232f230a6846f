/**
 * Each clinician's caseload answer, kept per process while its inputs are unchanged (issue 19). An entry holds
 * the answer's JSON text, the patients it shows (for the audit event every read still records) and the
 * clinic's roster version it was read under (migration 053: bumped by database triggers on every change of a
 * caseload's inputs, on every write path and instance). A read reuses an entry only when the version is still
 * the current one; otherwise it reads again and keeps the new answer.
 *
 * Bounded: at most 256 entries and 16 MiB of text (JavaScript strings, two bytes a character), least recently
 * used out first. A 79-patient caseload is ~60 KB of JSON (~120 KB held), so the byte cap binds first at ~130
 * clinicians; one answer larger than the cap is never kept.
 */
export const CASELOAD_CACHE_MAX_ENTRIES = 256;
export const CASELOAD_CACHE_MAX_BYTES = 16 * 1024 * 1024;

export interface KeptCaseload {
  /** The roster version read in the same read transaction as the answer's rows, before them. */
  version: number;
  json: string;
  patientIds: readonly string[];
}

interface Entry extends KeptCaseload {
  bytes: number;
}

/** What an entry holds in memory, roughly: its strings at two bytes a character, plus a little per string. */
export function keptBytes(value: KeptCaseload): number {
  let bytes = 64 + value.json.length * 2;
  for (const id of value.patientIds) bytes += 16 + id.length * 2;
  return bytes;
}

export class CaseloadCache {
  // A Map iterates in insertion order: the first key is the least recently used (a hit moves it to the end).
  private readonly entries = new Map<string, Entry>();
  private held = 0;

  constructor(
    readonly maxEntries = CASELOAD_CACHE_MAX_ENTRIES,
    readonly maxBytes = CASELOAD_CACHE_MAX_BYTES,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.held;
  }

  /** The kept answer when it was made under `version` (the current one); never an older or newer one. */
  get(clinicId: string, userId: string, version: number): KeptCaseload | undefined {
    const key = keyOf(clinicId, userId);
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Keeps an answer unless one made under a later version is already kept (two reads that missed together
   * may finish in either order).
   */
  keep(clinicId: string, userId: string, value: KeptCaseload): void {
    const key = keyOf(clinicId, userId);
    const old = this.entries.get(key);
    if (old && old.version > value.version) return;
    if (old) this.drop(key, old);
    const bytes = keptBytes(value);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { version: value.version, json: value.json, patientIds: value.patientIds, bytes });
    this.held += bytes;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.held <= this.maxBytes) break;
      this.drop(k, e);
    }
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.held -= entry.bytes;
  }
}

const keyOf = (clinicId: string, userId: string) => `${clinicId}\u0000${userId}`;

// One cache per database handle: each app (and each test's database) its own, gone with it.
const caches = new WeakMap<object, CaseloadCache>();

export function caseloadCacheOf(database: object): CaseloadCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new CaseloadCache();
    caches.set(database, cache);
  }
  return cache;
}
