/**
 * SVG drawing of a nomogram in the layout of rms `plot.nomogram`: a Points scale (0–maxscale) on
 * top, one axis per predictor placed at its points, then the Total Points scale and, below it, the
 * linear-predictor and probability axes read off the total points. The output is a self-contained
 * `<svg>` string (no scripts, no external resources) that can be inlined in an HTML report.
 */
import { pretty } from '../math/pretty.js';
import type { NomogramModel, NomogramPatientPoints } from './model.js';

/** Options of {@link renderNomogramSvg}. */
export interface NomogramSvgOptions {
  /** Total width in px (default 900). */
  readonly width?: number;
  /** Vertical distance between axes in px (default 46). */
  readonly rowHeight?: number;
  /** Font size in px (default 13). */
  readonly fontSize?: number;
  /** Font family (default a sans-serif stack). */
  readonly fontFamily?: string;
  /** Width reserved for the axis names on the left, as a fraction of `width` (rms `xfrac`, default 0.22). */
  readonly labelFraction?: number;
  /** Optional title drawn above the nomogram. */
  readonly title?: string;
  /** Display names per predictor (default: the predictor names). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Label of the linear-predictor axis (default "Linear Predictor"); `null` hides the axis. */
  readonly lpLabel?: string | null;
  /** One patient to mark (points per predictor, total points and risk), e.g. from `nomogramPoints`. */
  readonly patient?: NomogramPatientPoints;
  /** Colour of axes and text (default #222). */
  readonly color?: string;
  /** Colour of the patient markers (default #c0392b). */
  readonly patientColor?: string;
}

/** Formats an axis value for display: at most 10 significant digits, no binary noise (0.6000000000000001 → 0.6). */
export function formatTick(v: number | string): string {
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(10)));
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function num(v: number): string {
  return String(Math.round(v * 100) / 100);
}

interface Tick { readonly x: number; readonly label: string }

/**
 * Places tick labels above the axis line, or below it when they would overlap a label already
 * placed above; a label that fits neither row is left out (its tick stays). The end ticks are placed
 * first so that the range of every axis is always labelled.
 */
function layoutTicks(ticks: readonly Tick[], charWidth: number): { tick: Tick; below: boolean; hidden: boolean }[] {
  const sorted = [...ticks].sort((a, b) => a.x - b.x);
  const order = sorted.length <= 2 ? sorted.map((_, i) => i) : [0, sorted.length - 1, ...sorted.slice(1, -1).map((_, i) => i + 1)];
  const rows: [number, number][][] = [[], []];
  const placed = new Map<number, { below: boolean; hidden: boolean }>();
  for (const i of order) {
    const t = sorted[i];
    const half = (t.label.length * charWidth) / 2 + 3;
    const lo = t.x - half;
    const hi = t.x + half;
    const free = (r: number) => rows[r].every(([a, b]) => hi <= a || lo >= b);
    const r = free(0) ? 0 : free(1) ? 1 : -1;
    if (r >= 0) rows[r].push([lo, hi]);
    placed.set(i, { below: r === 1, hidden: r < 0 });
  }
  return sorted.map((tick, i) => ({ tick, ...(placed.get(i) as { below: boolean; hidden: boolean }) }));
}

/**
 * Renders the nomogram as an SVG string (see {@link NomogramSvgOptions}). Every axis is labelled and
 * its end ticks carry their values; overlapping tick labels are alternated above and below the line,
 * and labels that fit in neither row are left out (the full axis values are in the nomogram block).
 */
export function renderNomogramSvg(model: NomogramModel, opts: NomogramSvgOptions = {}): string {
  const width = opts.width ?? 900;
  const rowH = opts.rowHeight ?? 46;
  const fs = opts.fontSize ?? 13;
  const font = opts.fontFamily ?? 'Helvetica, Arial, sans-serif';
  const color = opts.color ?? '#222';
  const pColor = opts.patientColor ?? '#c0392b';
  const charW = fs * 0.58;
  const left = Math.round(width * (opts.labelFraction ?? 0.22));
  const right = width - 24;
  const axisW = right - left;
  const maxTotal = Math.max(...model.totalPointsAxis);
  const xPoints = (p: number): number => left + (p / model.maxscale) * axisW;
  const xTotal = (t: number): number => left + (t / maxTotal) * axisW;
  const titleH = opts.title ? fs * 2.2 : 0;
  const parts: string[] = [];
  let row = 0;
  const yOf = (r: number): number => titleH + 20 + rowH * r + rowH / 2;

  const axis = (name: string, ticks: readonly Tick[], lineFrom?: number, lineTo?: number): void => {
    const y = yOf(row++);
    const xs = ticks.map((t) => t.x);
    const x0 = lineFrom ?? Math.min(...xs);
    const x1 = lineTo ?? Math.max(...xs);
    parts.push(`<g class="axis"><text x="${num(left - 12)}" y="${num(y + fs * 0.35)}" text-anchor="end" font-weight="bold">${esc(name)}</text>`);
    parts.push(`<line x1="${num(x0)}" y1="${num(y)}" x2="${num(x1)}" y2="${num(y)}" stroke="${color}" stroke-width="1.2"/>`);
    for (const { tick, below, hidden } of layoutTicks(ticks, charW)) {
      const ty = below ? y + 6 : y - 6;
      parts.push(`<line x1="${num(tick.x)}" y1="${num(y)}" x2="${num(tick.x)}" y2="${num(ty)}" stroke="${color}"/>`);
      if (!hidden) parts.push(`<text x="${num(tick.x)}" y="${num(below ? y + 7 + fs : y - 9)}" text-anchor="middle">${esc(tick.label)}</text>`);
    }
    parts.push('</g>');
  };

  const pointTicks = Array.from(pretty([0, model.maxscale], 10)).map((p) => ({ x: xPoints(p), label: formatTick(p) }));
  axis('Points', pointTicks);
  const predictorRows: Record<string, number> = {};
  for (const a of model.predictors) {
    predictorRows[a.name] = row;
    const ticks = a.axisValues.map((v, k) => ({ x: xPoints(a.points[k]), label: formatTick(v) }));
    axis(opts.labels?.[a.name] ?? a.name, ticks);
  }
  const totalRow = row;
  axis('Total Points', model.totalPointsAxis.map((t) => ({ x: xTotal(t), label: formatTick(t) })));
  const inRange = (t: number): boolean => t >= -1e-9 && t <= maxTotal + 1e-9;
  if (opts.lpLabel !== null) {
    const lpTicks = model.lpAxis.lpValues
      .map((v, k) => ({ t: model.lpAxis.totalPoints[k], v }))
      .filter(({ t }) => inRange(t))
      .map(({ t, v }) => ({ x: xTotal(t), label: formatTick(v) }));
    if (lpTicks.length > 0) axis(opts.lpLabel ?? 'Linear Predictor', lpTicks);
  }
  const pa = model.probabilityAxis;
  const probTicks = pa.probability
    .map((p, k) => ({ t: pa.totalPoints[k], p }))
    .filter(({ t }) => inRange(t))
    .map(({ t, p }) => ({ x: xTotal(t), label: formatTick(p) }));
  const riskRow = row;
  if (probTicks.length > 0) axis(pa.label, probTicks);

  if (opts.patient) {
    const pt = opts.patient;
    const marks: string[] = [];
    for (const a of model.predictors) {
      const p = pt.points[a.name];
      if (p === undefined) continue;
      const x = xPoints(p);
      const y = yOf(predictorRows[a.name]);
      marks.push(`<line x1="${num(x)}" y1="${num(y)}" x2="${num(x)}" y2="${num(yOf(0))}" stroke="${pColor}" stroke-dasharray="3 3"/>`);
      marks.push(`<circle cx="${num(x)}" cy="${num(y)}" r="4" fill="${pColor}"/>`);
    }
    const xt = xTotal(Math.min(Math.max(pt.totalPoints, 0), maxTotal));
    marks.push(`<line x1="${num(xt)}" y1="${num(yOf(totalRow))}" x2="${num(xt)}" y2="${num(yOf(riskRow))}" stroke="${pColor}" stroke-dasharray="3 3"/>`);
    marks.push(`<circle cx="${num(xt)}" cy="${num(yOf(totalRow))}" r="4" fill="${pColor}"/>`);
    marks.push(`<text x="${num(Math.min(xt + 8, right))}" y="${num(yOf(riskRow) + fs * 1.6)}" fill="${pColor}" text-anchor="${xt + 8 > right - 120 ? 'end' : 'start'}">` +
      `${esc(`total ${formatTick(Math.round(pt.totalPoints * 10) / 10)} points, ${pa.label.toLowerCase()} ${formatTick(Math.round(pt.probability * 1000) / 1000)}`)}</text>`);
    parts.push(`<g class="patient">${marks.join('')}</g>`);
  }

  const height = yOf(row - 1) + rowH / 2 + (opts.patient ? fs * 2 : 0) + 10;
  const title = opts.title ?? 'Nomogram';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${num(height)}" viewBox="0 0 ${width} ${num(height)}" role="img" aria-label="${esc(title)}" font-family="${esc(font)}" font-size="${fs}" fill="${color}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    opts.title ? `<text x="${num(width / 2)}" y="${num(fs * 1.5)}" text-anchor="middle" font-size="${num(fs * 1.25)}" font-weight="bold">${esc(opts.title)}</text>` : '',
    ...parts,
    '</svg>',
  ].join('\n');
}
