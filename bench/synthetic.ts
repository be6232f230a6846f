// Deterministic synthetic people for the benchmark clinic: the same --patients gives the same names,
// birth dates, time zones and caseload sizes on every run, so two runs are comparable.

/** mulberry32: a tiny seeded PRNG, good enough for test data (not for anything secret). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Fisher-Yates, in place. */
export function shuffle<T>(random: () => number, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = list[i] as T;
    list[i] = list[j] as T;
    list[j] = a;
  }
  return list;
}

// prettier-ignore
const givenNames = [
  'Aaliyah', 'Adam', 'Aisha', 'Alex', 'Amara', 'Ana', 'Andre', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe',
  'Daniel', 'Dev', 'Diego', 'Elena', 'Eli', 'Emma', 'Farah', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines',
  'Isaac', 'Jamal', 'Jin', 'Jordan', 'Julia', 'Kai', 'Kofi', 'Lara', 'Leo', 'Lina', 'Lucas', 'Maya',
  'Mei', 'Mohammed', 'Nadia', 'Nina', 'Noah', 'Omar', 'Priya', 'Quinn', 'Rafael', 'Rosa', 'Sam', 'Sara',
  'Tariq', 'Tom', 'Uma', 'Victor', 'Wei', 'Yara', 'Yusuf', 'Zoe',
] as const;

// prettier-ignore
const familyNames = [
  'Abebe', 'Ahmed', 'Alvarez', 'Anderson', 'Becker', 'Brown', 'Chen', 'Costa', 'Dubois', 'Eriksen',
  'Fischer', 'Garcia', 'Gonzalez', 'Gupta', 'Hansen', 'Ibrahim', 'Ivanova', 'Jackson', 'Johnson', 'Kim',
  'Kowalski', 'Lee', 'Lopez', 'Martin', 'Mensah', 'Miller', 'Moreau', 'Nakamura', 'Nguyen', 'Novak',
  'Okafor', 'Olsen', 'Patel', 'Pereira', 'Petrov', 'Reyes', 'Rivera', 'Rossi', 'Santos', 'Schmidt',
  'Shah', 'Silva', 'Smith', 'Tanaka', 'Taylor', 'Thomas', 'Torres', 'Usman', 'Wang', 'Williams',
  'Wilson', 'Xu', 'Yilmaz', 'Young', 'Zhang',
] as const;

// prettier-ignore
// Weighted towards the US zones a US clinic sees most, with a few patients abroad.
const timeZones = [
  'America/New_York', 'America/New_York', 'America/Chicago', 'America/Chicago', 'America/Chicago',
  'America/Denver', 'America/Los_Angeles', 'America/Los_Angeles', 'America/Phoenix', 'America/Anchorage',
  'Pacific/Honolulu', 'Europe/Berlin', 'Europe/London', 'Asia/Kolkata',
] as const;

export interface Person {
  givenName: string;
  familyName: string;
}

export function person(random: () => number): Person {
  return { givenName: pick(random, givenNames), familyName: pick(random, familyNames) };
}

/** An adult's date of birth, 18 to 85 years before `today` (YYYY-MM-DD, always a real day). */
export function birthDate(random: () => number, today: Date): string {
  const year = today.getUTCFullYear() - 18 - Math.floor(random() * 68);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function timeZone(random: () => number): string {
  return pick(random, timeZones);
}

export function phone(random: () => number): string | null {
  if (random() < 0.2) return null;
  return `+1 312 555 ${String(Math.floor(random() * 10000)).padStart(4, '0')}`;
}

/**
 * Splits `total` patients between clinicians whose workloads differ (part-time, full-time): each gets a
 * weight in [0.8, 1.2] and a share of `total` in proportion, the shares summing exactly to `total`.
 */
export function caseloadQuotas(random: () => number, clinicians: number, total: number): number[] {
  const weights = Array.from({ length: clinicians }, () => 0.8 + 0.4 * random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => Math.floor((total * w) / sum));
  let missing = total - quotas.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0; i = (i + 1) % clinicians, missing--) quotas[i] = (quotas[i] ?? 0) + 1;
  return quotas;
}
