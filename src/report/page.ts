import type { StudyResults } from '../study/results.js';
import { esc } from './svg/escape.js';
import { cohortSection } from './sections/cohorts.js';
import { calibrationSection, dcaSection, rocSection } from './sections/curves.js';
import { modelsSection } from './sections/models.js';
import { performanceSection } from './sections/performance.js';
import { selectionSection } from './sections/selection.js';
import { tripodSection } from './sections/tripod.js';

const CSS = `
:root { color-scheme: light; }
body { font-family: Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 1180px; padding: 24px; color: #222; line-height: 1.4; }
h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 19px; border-bottom: 2px solid #D55E00; padding-bottom: 3px; margin-top: 34px; }
h3 { font-size: 15px; margin-top: 22px; } .meta { color: #666; font-size: 13px; }
table { border-collapse: collapse; margin: 10px 0; font-size: 12.5px; } th, td { border: 1px solid #ccc; padding: 3px 7px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } table.plain td, table.plain th { border: none; padding: 0; }
.figrow { display: flex; flex-wrap: wrap; gap: 14px; } figure.chart { margin: 8px 0; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; display: block; } figcaption { font-size: 12px; color: #555; max-width: 520px; }
nav a { margin-right: 12px; font-size: 13px; } pre { font-size: 11px; white-space: pre-wrap; }
@media print { body { max-width: none; padding: 0; } section { break-before: page; } section#performance { break-before: avoid; } nav { display: none; } }
`;

/**
 * The report as one self-contained HTML document: inline CSS and SVG figures, no scripts, no external
 * resources (it opens offline and prints to PDF as is).
 */
export function reportHtml(r: StudyResults, nomogramSvg: string | null): string {
  const nav = [['performance', 'Discrimination'], ['cohorts', 'Cohorts'], ['selection', 'Features'], ['models', 'Models'], ['roc', 'ROC'], ['calibration', 'Calibration'], ['dca', 'Decision curves'], ['tripod', 'TRIPOD+AI']]
    .map(([id, t]) => `<a href="#${id}">${t}</a>`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.study.name)}: DLRN study report</title><style>${CSS}</style></head>
<body><header><h1>${esc(r.study.name)}</h1>
<p class="meta">Deep learning radiomics nomogram study report · dlrn ${esc(r.dlrn_version)} · ${esc(r.study.created)} · seed ${r.study.seed} · outcome: ${esc(r.study.outcome)}</p>
<nav>${nav}</nav></header>
${performanceSection(r)}
${cohortSection(r)}
${selectionSection(r)}
${modelsSection(r, nomogramSvg)}
${rocSection(r)}
${calibrationSection(r)}
${dcaSection(r)}
${tripodSection(r)}
</body></html>
`;
}
