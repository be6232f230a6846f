// Issue 17 ("Fast", eighth session): the app's stylesheet does not hold up the first paint. A
// `<link rel="stylesheet">` in index.html is render-blocking: the "Opening…" bar (inline styles, needs no
// stylesheet) waited for the 23 kB stylesheet, and Lighthouse counted the entry's scripts that arrived meanwhile
// in the first contentful paint. The build turns the app's stylesheet links into preloads (fetched at once, at
// the same priority, not blocking; `stylesheetsAsPreloads`, vite.config.ts), and main.tsx attaches them as
// stylesheets and waits for them before React's first render, so the app never shows unstyled. (Ninth session:
// first-paint.ts attaches them, ahead of the app's entry, with the same mark.)

const STYLESHEET_LINK = /<link rel="stylesheet"( crossorigin)? href="(\/assets\/[^"]+\.css)">/g;
const MARK = 'data-duet-styles';

/** index.html with each of the app's stylesheet links (hashed, under /assets/) turned into a preload. */
export function stylesheetsAsPreloads(html: string): string {
  return html.replace(
    STYLESHEET_LINK,
    (_link, crossorigin: string | undefined, href: string) =>
      `<link rel="preload" as="style"${crossorigin ?? ''} href="${href}" ${MARK}>`,
  );
}
