// Issue 12: every screen, plan and message reads crisis and emergency numbers from one place, the crisis
// module (src/shared/crisis/defaults.ts and the clinic's settings). This test reads every source file under
// src/ and fails, listing the files, when one outside src/shared/crisis/ writes such a number itself.
// (It lives on the server side because it reads files; the crisis module in src/shared stays pure.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const src = join(root, 'src');
const allowed = `src${sep}shared${sep}crisis${sep}`;
const guardTests = new Set([
  'src/server/features/crisis/no-hard-coded-numbers.test.ts',
  'src/server/features/side-effects/no-hard-coded-numbers.test.ts',
]);

/**
 * Emergency and crisis numbers from crisis-lines.md. Short numbers (911, 988, 999, 112, 000, 111, 113, 1737,
 * 3114) count when written as something to dial: after tel:/sms:, "call", "text", "dial",
 * "phone", "emergency", "crisis", "lifeline", "helpline" or "or" a few characters before, so years, sizes,
 * lab values and ids do not match. Longer numbers are distinctive and count anywhere.
 */
const dialWords = String.raw`(?:tel:|sms:|\bcall|\btext|\bdial|\bphone|\bemergency|\bcrisis|\blifeline|\bhelpline|\bor)`;
const short = (n: string) =>
  new RegExp(String.raw`${dialWords}[^\n\d]{0,12}(?<![\w.,+-])(?:${n})(?![\w,:/-]|\.\d|\s?\d)`, 'i');
const patterns: { name: string; re: RegExp }[] = [
  { name: '911', re: short('911') },
  { name: '988', re: short('988') },
  { name: '999', re: short('999') },
  { name: '112', re: short('112') },
  { name: '000 as a phone', re: short('000') },
  { name: '111', re: short('111') },
  { name: '113', re: short('113') },
  // Two- and three-digit service numbers also read as minutes or counts: only a dial link or "call 15" alone.
  {
    name: '15 / 142-144',
    re: /(?:tel:|sms:)(?:15|14[234])(?!\d)|\bcall (?:15|14[234])(?=['"`)]|\.?$|\.\s| or\b)/i,
  },
  { name: '1737', re: short('1737') },
  { name: '3114', re: short('3114') },
  { name: '116 123', re: /(?<!\d)116[\s-]?123(?!\d)/ },
  { name: '13 11 14', re: /(?<!\d)13[\s-]11[\s-]14(?!\d)/ },
  { name: '741741', re: /(?<!\d)741741(?!\d)/ },
  { name: '85258', re: /(?<!\d)85258(?!\d)/ },
  { name: '50808', re: /(?<!\d)50808(?!\d)/ },
  { name: '0800 111 0 111/222', re: /0800[\s-]?111[\s-]?0[\s-]?(?:111|222)/ },
  { name: '0800-0113', re: /0800-?0113/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|html|md|json|css)$/.test(entry.name) ? [path] : [];
  });
}

/** Each offending file with the numbers it writes and the first line of each. */
function offenders(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const rel = relative(root, file);
    // The data module, and guard tests like this one, which name the numbers only to forbid them.
    if (rel.startsWith(allowed) || guardTests.has(rel.split(sep).join('/'))) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    const hits = patterns.flatMap(({ name, re }) => {
      const line = lines.findIndex((l) => re.test(l));
      return line === -1 ? [] : [`${name} (line ${String(line + 1)})`];
    });
    if (hits.length > 0) found.push(`${rel}: ${hits.join(', ')}`);
  }
  return found;
}

const hit = (text: string) => patterns.some(({ re }) => re.test(text));

describe('no hard-coded emergency or crisis numbers outside src/shared/crisis', () => {
  it.each([
    "{ name: 'Emergency services', phone: '911' }",
    'Call or text 988.',
    'call 999',
    'href="tel:112"',
    'emergency: 112 or 999',
    'Samaritans: 116 123',
    'Lifeline 13 11 14',
    'call 000',
    'text HOME to 741741',
    'tel:0800 111 0 111',
    'call 113',
    'call 3114',
    'Call or text 1737',
    'tel:144',
    'Call 15.',
    'call 911.',
  ])('finds %s', (text) => {
    expect(hit(text)).toBe(true);
  });

  it.each([
    '1988-06-21',
    '[Date.UTC(2026, 11, 31, 23, 59, 59, 999)',
    `{ 'if-match': '"999"' }`,
    "['anc', '999', 'cells/uL']",
    'call within 15 minutes',
    'call back in 15-20 minutes',
    'max(9990)',
    'phone: 0.988',
    '+1 312 555 0100',
  ])('leaves %s alone', (text) => {
    expect(hit(text)).toBe(false);
  });

  it('no file outside the crisis module writes one', () => {
    expect(offenders(sourceFiles(src))).toEqual([]);
  });
});
