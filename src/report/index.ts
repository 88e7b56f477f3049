/** The study report: self-contained HTML with SVG figures, and a PDF rendering through headless Chromium. */
export { renderReport, readResults, type RenderedReport } from './render.js';
export { reportHtml } from './page.js';
export { htmlToPdf, findChromium, HEADLESS_FLAGS } from './pdf.js';
export * from './svg/index.js';
