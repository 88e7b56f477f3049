import { pretty } from '../../math/pretty.js';
import { esc, fmtNum, r2 } from './escape.js';

/** A linear map from a data interval to a pixel interval. */
export interface LinearScale {
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  (x: number): number;
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = ((x: number) => r0 + (x - d0) * k) as LinearScale;
  Object.defineProperties(f, { domain: { value: domain }, range: { value: range } });
  return f;
}

/** Log10 scale (for λ axes). */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const lin = linearScale([Math.log10(domain[0]), Math.log10(domain[1])], range);
  const f = ((x: number) => lin(Math.log10(x))) as LinearScale;
  Object.defineProperties(f, { domain: { value: domain }, range: { value: range } });
  return f;
}

/** Tick values inside a domain, chosen with R's `pretty`. */
export function ticks(domain: readonly [number, number], n = 5): number[] {
  const lo = Math.min(domain[0], domain[1]);
  const hi = Math.max(domain[0], domain[1]);
  if (lo === hi) return [lo];
  return Array.from(pretty([lo, hi], n)).filter((t) => t >= lo - 1e-9 * (hi - lo) && t <= hi + 1e-9 * (hi - lo));
}

/** Plot frame: the inner rectangle of a chart after margins. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export function frame(width: number, height: number, margin = { top: 30, right: 16, bottom: 46, left: 56 }): Frame {
  return { width, height, left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
}

/** Axes with ticks, grid lines, labels and a title. `xTickValues` overrides the x ticks (e.g. for log axes). */
export function axesSvg(
  f: Frame,
  x: LinearScale,
  y: LinearScale,
  labels: { title?: string; x?: string; y?: string },
  opts: { xTickValues?: number[]; yTickValues?: number[]; xFormat?: (v: number) => string } = {},
): string {
  const out: string[] = [];
  const xt = opts.xTickValues ?? ticks(x.domain);
  const yt = opts.yTickValues ?? ticks(y.domain);
  const xf = opts.xFormat ?? ((v: number) => fmtNum(v, 3));
  out.push(`<g class="grid" stroke="#e3e3e3" stroke-width="1">`);
  for (const t of xt) out.push(`<line x1="${r2(x(t))}" x2="${r2(x(t))}" y1="${f.top}" y2="${f.bottom}"/>`);
  for (const t of yt) out.push(`<line x1="${f.left}" x2="${f.right}" y1="${r2(y(t))}" y2="${r2(y(t))}"/>`);
  out.push('</g>');
  out.push(`<rect x="${f.left}" y="${f.top}" width="${f.right - f.left}" height="${f.bottom - f.top}" fill="none" stroke="#333"/>`);
  out.push(`<g class="ticks" font-size="11" fill="#333">`);
  for (const t of xt) out.push(`<line x1="${r2(x(t))}" x2="${r2(x(t))}" y1="${f.bottom}" y2="${f.bottom + 4}" stroke="#333"/><text x="${r2(x(t))}" y="${f.bottom + 16}" text-anchor="middle">${esc(xf(t))}</text>`);
  for (const t of yt) out.push(`<line x1="${f.left - 4}" x2="${f.left}" y1="${r2(y(t))}" y2="${r2(y(t))}" stroke="#333"/><text x="${f.left - 7}" y="${r2(y(t) + 4)}" text-anchor="end">${esc(fmtNum(t, 3))}</text>`);
  out.push('</g>');
  if (labels.x) out.push(`<text x="${r2((f.left + f.right) / 2)}" y="${f.height - 8}" text-anchor="middle" font-size="12">${esc(labels.x)}</text>`);
  if (labels.y) out.push(`<text transform="translate(14 ${r2((f.top + f.bottom) / 2)}) rotate(-90)" text-anchor="middle" font-size="12">${esc(labels.y)}</text>`);
  if (labels.title) out.push(`<text x="${r2((f.left + f.right) / 2)}" y="18" text-anchor="middle" font-size="13" font-weight="bold">${esc(labels.title)}</text>`);
  return out.join('');
}

/** Wraps content in an <svg> element with a viewBox, a white background and an accessible title. */
export function svgDoc(width: number, height: number, content: string, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}" font-family="Helvetica, Arial, sans-serif"><title>${esc(title)}</title><rect width="${width}" height="${height}" fill="#fff"/>${content}</svg>`;
}
