import { describe, expect, it } from 'vitest';
import { stylesheetsAsPreloads } from './stylesheets';

// Issue 17 ("Fast"): the built index.html's stylesheet links become preloads, so they no longer hold up the first
// paint; main.tsx attaches them before React's first render.
describe('stylesheetsAsPreloads', () => {
  it.each([
    [
      '<link rel="stylesheet" crossorigin href="/assets/index-Bd77mCRq.css">',
      '<link rel="preload" as="style" crossorigin href="/assets/index-Bd77mCRq.css" data-duet-styles>',
    ],
    [
      '<link rel="stylesheet" href="/assets/a-1.css">',
      '<link rel="preload" as="style" href="/assets/a-1.css" data-duet-styles>',
    ],
    // Only the app's own hashed stylesheets; anything else stays as it is.
    [
      '<link rel="stylesheet" href="https://example.org/x.css">',
      '<link rel="stylesheet" href="https://example.org/x.css">',
    ],
    [
      '<link rel="manifest" href="/manifest.webmanifest">',
      '<link rel="manifest" href="/manifest.webmanifest">',
    ],
  ])('%s', (html, expected) => {
    expect(stylesheetsAsPreloads(html)).toBe(expected);
  });

  it('turns every stylesheet link of a page and leaves the rest of it alone', () => {
    const html =
      '<head><script type="module" crossorigin src="/assets/index-1.js"></script>\n' +
      '<link rel="stylesheet" crossorigin href="/assets/index-1.css">\n' +
      '<link rel="stylesheet" crossorigin href="/assets/other-2.css"></head>';
    const out = stylesheetsAsPreloads(html);
    expect(out).not.toContain('rel="stylesheet"');
    expect(out.match(/rel="preload" as="style"/g)).toHaveLength(2);
    expect(out).toContain('<script type="module" crossorigin src="/assets/index-1.js"></script>');
  });
});
