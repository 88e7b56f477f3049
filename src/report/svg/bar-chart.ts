import { axesSvg, linearScale, svgDoc, ticks } from './axes.js';
import { esc, fmtNum, r2 } from './escape.js';

/** Horizontal bar chart of signed values (e.g. LASSO coefficients), bars sorted as given. */
export function barChartSvg(spec: { title: string; xLabel: string; labels: readonly string[]; values: readonly number[]; width?: number }): string {
  const n = spec.labels.length;
  const labelW = Math.min(320, 12 + Math.max(10, ...spec.labels.map((l) => l.length)) * 6.3);
  const width = spec.width ?? Math.max(520, labelW + 320);
  const barH = 18;
  const height = 30 + 46 + n * barH;
  const f = { width, height, left: labelW, right: width - 20, top: 30, bottom: height - 46 };
  const lo = Math.min(0, ...spec.values);
  const hi = Math.max(0, ...spec.values);
  const pad = (hi - lo || 1) * 0.05;
  const x = linearScale([lo - (lo < 0 ? pad : 0), hi + (hi > 0 ? pad : 0)], [f.left, f.right]);
  const y = linearScale([0, n], [f.top, f.bottom]);
  const parts: string[] = [axesSvg(f, x, y, { title: spec.title, x: spec.xLabel }, { yTickValues: [], xTickValues: ticks(x.domain) })];
  spec.values.forEach((v, i) => {
    const x0 = x(Math.min(0, v)), x1 = x(Math.max(0, v));
    const yy = y(i) + 3;
    parts.push(`<rect x="${r2(x0)}" y="${r2(yy)}" width="${r2(Math.max(1, x1 - x0))}" height="${barH - 6}" fill="${v >= 0 ? '#D55E00' : '#0072B2'}"><title>${esc(`${spec.labels[i]}: ${fmtNum(v, 5)}`)}</title></rect>`);
    parts.push(`<text x="${f.left - 6}" y="${r2(yy + barH / 2)}" font-size="11" text-anchor="end">${esc(spec.labels[i])}</text>`);
  });
  parts.push(`<line x1="${r2(x(0))}" x2="${r2(x(0))}" y1="${f.top}" y2="${f.bottom}" stroke="#333"/>`);
  return svgDoc(width, height, parts.join(''), spec.title);
}
