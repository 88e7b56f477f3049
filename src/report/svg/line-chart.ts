import { axesSvg, frame, linearScale, logScale, svgDoc, type LinearScale } from './axes.js';
import { esc, r2 } from './escape.js';

/** One line of a chart. */
export interface Series {
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly color?: string;
  readonly dash?: string;
  readonly width?: number;
  /** Draw as a step function (ROC curves), with markers, or as an error band (`lower`/`upper` required). */
  readonly step?: boolean;
  readonly markers?: boolean;
  readonly lower?: ArrayLike<number>;
  readonly upper?: ArrayLike<number>;
}

export interface LineChartSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly width?: number;
  readonly height?: number;
  /** Draw the identity line (ROC chance line, perfect calibration). */
  readonly diagonal?: boolean;
  readonly logX?: boolean;
  /** Vertical reference lines (e.g. λ.min and λ.1se). */
  readonly vlines?: readonly { x: number; label: string; dash?: string }[];
  /** Legend position. */
  readonly legend?: 'bottom-right' | 'top-right' | 'top-left' | 'none';
}

/** Default colours for up to 8 series (colour-blind-safe Okabe-Ito palette). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

function extent(values: ArrayLike<number>[], positive = false): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const a of values) for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (!Number.isFinite(v) || (positive && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

function pathOf(s: Series, x: LinearScale, y: LinearScale): string {
  const pts: string[] = [];
  let prev: [number, number] | null = null;
  for (let i = 0; i < s.x.length; i++) {
    const xv = s.x[i], yv = s.y[i];
    if (!Number.isFinite(xv) || !Number.isFinite(yv)) { prev = null; continue; }
    const px = x(xv), py = y(yv);
    if (prev === null) pts.push(`M${r2(px)} ${r2(py)}`);
    else if (s.step) pts.push(`H${r2(px)}V${r2(py)}`);
    else pts.push(`L${r2(px)} ${r2(py)}`);
    prev = [px, py];
  }
  return pts.join('');
}

/** A line chart as a standalone SVG string. */
export function lineChartSvg(spec: LineChartSpec): string {
  const width = spec.width ?? 480;
  const height = spec.height ?? 380;
  const f = frame(width, height);
  const xd = spec.xDomain ?? extent(spec.series.map((s) => s.x), spec.logX);
  const yd = spec.yDomain ?? extent(spec.series.flatMap((s) => [s.y, ...(s.lower ? [s.lower] : []), ...(s.upper ? [s.upper] : [])]));
  const x = spec.logX ? logScale(xd, [f.left, f.right]) : linearScale(xd, [f.left, f.right]);
  const y = linearScale(yd, [f.bottom, f.top]);
  const parts: string[] = [];
  const logTicks = spec.logX ? decadeTicks(xd) : undefined;
  parts.push(axesSvg(f, x, y, { title: spec.title, x: spec.xLabel, y: spec.yLabel }, { xTickValues: logTicks, xFormat: spec.logX ? (v) => `1e${Math.round(Math.log10(v))}` : undefined }));
  parts.push(`<clipPath id="clip-${hash(spec.title)}"><rect x="${f.left}" y="${f.top}" width="${f.right - f.left}" height="${f.bottom - f.top}"/></clipPath>`);
  parts.push(`<g clip-path="url(#clip-${hash(spec.title)})">`);
  if (spec.diagonal) {
    const lo = Math.max(xd[0], yd[0]), hi = Math.min(xd[1], yd[1]);
    parts.push(`<line x1="${r2(x(lo))}" y1="${r2(y(lo))}" x2="${r2(x(hi))}" y2="${r2(y(hi))}" stroke="#999" stroke-dasharray="4 4"/>`);
  }
  spec.series.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length];
    if (s.lower && s.upper) {
      const up: string[] = [], lo: string[] = [];
      for (let k = 0; k < s.x.length; k++) {
        if (!Number.isFinite(s.upper[k]) || !Number.isFinite(s.lower[k])) continue;
        up.push(`${r2(x(s.x[k]))} ${r2(y(s.upper[k]))}`);
        lo.unshift(`${r2(x(s.x[k]))} ${r2(y(s.lower[k]))}`);
      }
      if (up.length) parts.push(`<path d="M${[...up, ...lo].join('L')}Z" fill="${color}" fill-opacity="0.15" stroke="none"/>`);
    }
    parts.push(`<path class="series" data-name="${esc(s.name)}" d="${pathOf(s, x, y)}" fill="none" stroke="${color}" stroke-width="${s.width ?? 2}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    if (s.markers) {
      for (let k = 0; k < s.x.length; k++) if (Number.isFinite(s.x[k]) && Number.isFinite(s.y[k])) parts.push(`<circle cx="${r2(x(s.x[k]))}" cy="${r2(y(s.y[k]))}" r="2.5" fill="${color}"/>`);
    }
  });
  for (const v of spec.vlines ?? []) {
    parts.push(`<line x1="${r2(x(v.x))}" x2="${r2(x(v.x))}" y1="${f.top}" y2="${f.bottom}" stroke="#555" stroke-dasharray="${v.dash ?? '3 3'}"/><text x="${r2(x(v.x) + 3)}" y="${f.top + 12}" font-size="10" fill="#555">${esc(v.label)}</text>`);
  }
  parts.push('</g>');
  if ((spec.legend ?? 'bottom-right') !== 'none') parts.push(legendSvg(spec, f));
  return svgDoc(width, height, parts.join(''), spec.title);
}

function legendSvg(spec: LineChartSpec, f: ReturnType<typeof frame>): string {
  const items = spec.series.filter((s) => s.name);
  if (!items.length) return '';
  const lineH = 15;
  const w = Math.min(f.right - f.left - 8, 8 + Math.max(...items.map((s) => s.name.length)) * 6.2 + 28);
  const h = items.length * lineH + 6;
  const pos = spec.legend ?? 'bottom-right';
  const x0 = pos === 'top-left' ? f.left + 6 : f.right - w - 6;
  const y0 = pos === 'bottom-right' ? f.bottom - h - 6 : f.top + 6;
  const rows = items.map((s, i) => {
    const color = s.color ?? PALETTE[spec.series.indexOf(s) % PALETTE.length];
    const yy = y0 + 4 + i * lineH + lineH / 2;
    return `<line x1="${r2(x0 + 6)}" x2="${r2(x0 + 26)}" y1="${r2(yy)}" y2="${r2(yy)}" stroke="${color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/><text x="${r2(x0 + 30)}" y="${r2(yy + 4)}" font-size="11">${esc(s.name)}</text>`;
  });
  return `<g class="legend"><rect x="${r2(x0)}" y="${r2(y0)}" width="${r2(w)}" height="${h}" fill="#fff" fill-opacity="0.9" stroke="#bbb"/>${rows.join('')}</g>`;
}

function decadeTicks(d: readonly [number, number]): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(Math.min(d[0], d[1]))); e <= Math.ceil(Math.log10(Math.max(d[0], d[1]))); e++) {
    const v = 10 ** e;
    if (v >= Math.min(d[0], d[1]) && v <= Math.max(d[0], d[1])) out.push(v);
  }
  return out;
}

function hash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h * 33) ^ s.charCodeAt(i)) >>> 0;
  return h.toString(36);
}
