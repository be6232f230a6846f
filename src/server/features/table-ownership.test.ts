import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 18: a feature's tables are written only by its own code; another feature asks through the owner's
// face (or, for a feature that depends on the asker, through a port on deps wired by bootstrap.ts). This
// reads every production file under features/ and names, for each table, the features that insert, update
// or delete its rows: no table may have two, with no exceptions.
const featuresDir = new URL('.', import.meta.url).pathname;

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productionFiles(path);
    const isTest = /\.test\.tsx?$|\.test-kit\.ts$/.test(entry.name);
    return entry.name.endsWith('.ts') && !isTest ? [path] : [];
  });
}

function writersByTable(): Map<string, Set<string>> {
  const writers = new Map<string, Set<string>>();
  for (const file of productionFiles(featuresDir)) {
    const feature = relative(featuresDir, file).split('/')[0] ?? '';
    for (const match of readFileSync(file, 'utf8').matchAll(
      /\b(?:insertInto|updateTable|deleteFrom)\('([a-z_]+)/g,
    )) {
      const table = match[1] ?? '';
      const set = writers.get(table) ?? new Set<string>();
      set.add(feature);
      writers.set(table, set);
    }
  }
  return writers;
}

describe("a feature's tables are written only by that feature", () => {
  it('finds the writes (the scan itself works)', () => {
    const writers = writersByTable();
    expect(writers.get('appointments')).toEqual(new Set(['appointments']));
    expect(writers.size).toBeGreaterThan(30);
  });

  it('no table is written by two features', () => {
    const shared = [...writersByTable()]
      .filter(([, features]) => features.size > 1)
      .map(([table, features]) => [table, [...features].sort()] as const);
    expect(Object.fromEntries(shared)).toEqual({});
  });

  it('the tables untied in issue 18 have their one writer', () => {
    const writers = writersByTable();
    expect(writers.get('medications')).toEqual(new Set(['medications']));
    expect(writers.get('patients')).toEqual(new Set(['patients']));
  });
});
