import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// A guard for the privacy rule: the psychotherapy_notes table is read and written in one repository only
// (where every query takes the author). Any other file naming the table — a report, an export, a search,
// a summary — must be reviewed against the rule before it is allowed here.
const allowed = new Set([
  'src/server/features/notes/notes.repository.ts',
  'src/server/db/migrations/021-notes.ts',
  'src/server/db/schema-notes.ts',
  'src/server/features/notes/psychotherapy-notes.int.test.ts',
  'src/server/features/notes/psychotherapy-isolation.test.ts',
]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('psychotherapy notes stay in their own corner', () => {
  it('no file outside the notes repository names the psychotherapy_notes table', () => {
    const root = process.cwd();
    const offenders = filesUnder(join(root, 'src'))
      .map((f) => relative(root, f))
      .filter((f) => !allowed.has(f))
      .filter((f) => readFileSync(join(root, f), 'utf8').includes('psychotherapy_notes'));
    expect(offenders).toEqual([]);
  });
});
