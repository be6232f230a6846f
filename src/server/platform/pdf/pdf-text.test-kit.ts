import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdfjs reads the standard fonts' metrics from its own package (tests run from the repository root). */
const standardFontDataUrl = join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts/');

/** The text of each page of a PDF (pdfjs-dist), items joined by spaces: for tests that read documents. */
export async function pdfPages(data: Uint8Array | Buffer): Promise<string[]> {
  const pdf = await getDocument({
    data: new Uint8Array(data),
    useSystemFonts: false,
    standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await pdf.destroy();
  return pages;
}
