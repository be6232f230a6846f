import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 11: emergency and crisis numbers come only from the clinic's crisis settings by the patient's
 * country (shared/crisis, web/components/crisis-resources.tsx). The side-effect advice and the medication
 * guides must not write one (the rash warning once listed a US suicide line first for a physical emergency).
 */
const roots = [
  'src/shared/side-effects',
  'src/shared/medication-guides',
  'src/shared/medication-safety/urgent-symptoms.ts',
  'src/shared/medication-safety/urgent-symptoms-identity.ts',
  'src/server/features/side-effects',
  'src/web/features/side-effects',
  'src/web/features/medication-guides',
];

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

describe('no emergency or crisis number is written in side-effect advice or guides', () => {
  // Product code only (tests may name a number to check it is absent).
  const all = roots.flatMap(files).filter((f) => !f.endsWith('.test.ts'));

  it('reads the files it checks', () => {
    expect(all.length).toBeGreaterThan(15);
  });

  it.each(['911', '988', '999', '112', '116 123', '741741', 'tel:'])('no "%s"', (number) => {
    const pattern = new RegExp(`(^|[^0-9])${number.replace(' ', ' ?')}($|[^0-9])`);
    const hits = all.filter((f) => pattern.test(readFileSync(f, 'utf8')));
    expect(hits).toEqual([]);
  });
});
