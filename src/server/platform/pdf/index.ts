// PDF documents (issue 14): pdfkit with the standard fonts, one header and footer on every page.
export { renderPdf, footerLine, generatedLine, type PdfMeta } from './render-pdf.js';
export { PdfWriter, type TableColumn, type TableSpec } from './pdf-writer.js';
export { paperFor, paperSchema, paperSizes, mm, type Paper } from './paper.js';
export {
  chartGeometry,
  columnWidths,
  linearScale,
  paginateRows,
  winAnsiSafe,
  wrapWords,
  type ChartBand,
  type ChartSeries,
  type ChartSpec,
} from './layout.js';
