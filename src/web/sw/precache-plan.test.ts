import { describe, expect, it } from 'vitest';
import { isShellFile, OFFLINE_PAGES, precacheFiles, type ViteManifest } from './precache-plan';

const pages = Object.fromEntries(
  OFFLINE_PAGES.map((page) => [
    page,
    {
      file: `assets/${(page.split('/').pop() ?? '').replace('.tsx', '')}.js`,
      isDynamicEntry: true,
      imports: ['_api.js'],
    },
  ]),
);

const manifest: ViteManifest = {
  'main.tsx': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_react.js'],
    dynamicImports: ['features/patient-home/home-page.tsx', 'features/timeline/timeline-page.tsx'],
    css: ['assets/index.css'],
  },
  '_react.js': { file: 'assets/react.js' },
  '_api.js': { file: 'assets/api.js' },
  ...pages,
  'features/patient-home/home-page.tsx': {
    file: 'assets/home-page.js',
    isDynamicEntry: true,
    imports: ['_api.js'],
    dynamicImports: ['features/measures/due-card.tsx'],
  },
  'features/measures/due-card.tsx': {
    file: 'assets/due-card.js',
    isDynamicEntry: true,
    imports: ['_words.js'],
    css: ['assets/due-card.css'],
  },
  '_words.js': { file: 'assets/words.js' },
  'features/timeline/timeline-page.tsx': {
    file: 'assets/timeline-page.js',
    isDynamicEntry: true,
    imports: ['_echarts.js'],
  },
  '_echarts.js': { file: 'assets/echarts.js' },
  'features/patients/patient-page.tsx': { file: 'assets/patient-page.js', isDynamicEntry: true },
};

describe('the precache plan (issue 17)', () => {
  const files = precacheFiles(manifest);

  it('keeps the entry, the offline pages, Today’s lazy cards and their imports and CSS', () => {
    for (const file of [
      'assets/index.js',
      'assets/index.css',
      'assets/react.js',
      'assets/api.js',
      'assets/home-page.js',
      'assets/my-medicines-page.js',
      'assets/patient-plan-pages.js',
      'assets/questionnaire-page.js',
      'assets/due-card.js',
      'assets/due-card.css',
      'assets/words.js',
    ])
      expect(files, file).toContain(file);
  });

  it('leaves out clinicians’ pages and the charts library', () => {
    expect(files).not.toContain('assets/timeline-page.js');
    expect(files).not.toContain('assets/echarts.js');
    expect(files).not.toContain('assets/patient-page.js');
  });

  it('fails the build when an offline page is missing from the manifest (the list follows the router)', () => {
    const { ['features/doses/my-medicines-page.tsx']: _gone, ...rest } = manifest;
    expect(() => precacheFiles(rest)).toThrow(/my-medicines-page/);
  });

  it.each([
    ['index.html', true],
    ['manifest.webmanifest', true],
    ['icons/icon-192.png', true],
    ['favicon.svg', true],
    ['assets/index.js', false],
    ['sw.js', false],
  ])('%s is part of the shell: %s', (url, shell) => {
    expect(isShellFile(url)).toBe(shell);
  });
});
