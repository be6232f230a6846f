import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 17 ("Fast"): src/web/mantine-styles.ts imports only the stylesheets of the Mantine components the app
// uses. This finds them the way the bundler does: every name the app (and @mantine/notifications) imports from
// @mantine/core, followed through Mantine's own modules; each CSS module met (`X.module.mjs`) needs
// `@mantine/core/styles/X.css`, in the order of Mantine's whole stylesheet.
const root = fileURLToPath(new URL('../..', import.meta.url));
const core = path.join(root, 'node_modules/@mantine/core');
const FIRST = ['baseline', 'default-css-variables', 'global'];

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file) && !file.endsWith('.test.ts'))
    .map((file) => path.join(dir, file));
}

/** The names imported from @mantine/core by the files given. */
function coreNames(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, list] of text.matchAll(
      /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]@mantine\/core['"]/g,
    )) {
      for (const part of (list ?? '').split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0];
        if (name) names.add(name);
      }
    }
  }
  return names;
}

/** Mantine's stylesheets the named exports need, in the order of @mantine/core/styles.css. */
function neededStylesheets(names: Set<string>): string[] {
  const esm = path.join(core, 'esm');
  const seen = new Set<string>();
  const modules = new Set<string>();
  const walk = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    if (file.endsWith('.module.mjs')) modules.add(path.basename(file, '.module.mjs'));
    for (const [, relative] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*["'](\.[^"']+)["']/g)) {
      const target = path.resolve(path.dirname(file), relative ?? '');
      if (existsSync(target)) walk(target);
    }
  };
  const index = readFileSync(path.join(esm, 'index.mjs'), 'utf8');
  for (const [, list, from] of index.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)"/g)) {
    const exported = (list ?? '').split(',').map((part) => part.trim().split(/\s+as\s+/)[0] ?? '');
    if (exported.some((name) => names.has(name))) walk(path.resolve(esm, from ?? ''));
  }
  const whole = readFileSync(path.join(core, 'styles.css'), 'utf8');
  const at = (name: string): number => {
    const firstClass = /\.(m_[0-9a-f]+)/.exec(readFileSync(path.join(core, 'styles', `${name}.css`), 'utf8'));
    return whole.indexOf(firstClass?.[1] ?? name);
  };
  const components = [...modules]
    .filter((name) => existsSync(path.join(core, 'styles', `${name}.css`)))
    .sort((a, b) => at(a) - at(b));
  return [...FIRST, ...components];
}

describe('mantine-styles.ts (only the Mantine stylesheets in use)', () => {
  const web = path.join(root, 'src/web');
  const needed = neededStylesheets(
    coreNames([
      ...sourceFiles(web, /\.tsx?$/),
      ...sourceFiles(path.join(root, 'node_modules/@mantine/notifications/esm'), /\.mjs$/),
    ]),
  );
  const imported = [
    ...readFileSync(path.join(web, 'mantine-styles.ts'), 'utf8').matchAll(
      /^import '@mantine\/core\/styles\/([\w-]+)\.css';$/gm,
    ),
  ].map((match) => match[1]);

  it('imports the stylesheet of every Mantine component in use, and no other, in Mantine’s order', () => {
    expect(imported).toEqual(needed);
  });

  it('finds the components of a page (a check that the search itself works)', () => {
    expect(needed).toEqual(expect.arrayContaining(['Button', 'Input', 'Combobox', 'Notification', 'Table']));
    expect(needed).not.toContain('Tour');
  });
});
