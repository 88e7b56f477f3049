import { esc, fmtNum } from './svg/escape.js';

/** `0.911 (0.852–0.970)` */
export function aucText(auc: number, lo: number, hi: number): string {
  return `${auc.toFixed(3)} (${lo.toFixed(3)}–${hi.toFixed(3)})`;
}

/** A p-value as journals print it: `< 0.001`, else 3 decimals. */
export function pText(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '–';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** A number with `d` decimals, or an en dash when missing. */
export function nText(x: number | null | undefined, d = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x.toFixed(d);
}

/** A percentage with one decimal. */
export function pctText(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return `${(100 * x).toFixed(1)} %`;
}

/** An HTML table from header cells and rows (cells are escaped unless wrapped with {@link raw}). */
export function table(header: readonly string[], rows: readonly (readonly (string | number | Raw)[])[], cls = ''): string {
  const cell = (c: string | number | Raw, tag: string) => `<${tag}>${c instanceof Raw ? c.html : esc(typeof c === 'number' ? fmtNum(c) : c)}</${tag}>`;
  return `<table class="${cls}"><thead><tr>${header.map((h) => cell(h, 'th')).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Pre-rendered HTML inside {@link table}. */
export class Raw {
  constructor(readonly html: string) {}
}

export function raw(html: string): Raw {
  return new Raw(html);
}

/** A figure with an id (used by the screenshot test), the SVG and a caption. */
export function figure(id: string, svg: string, caption: string): string {
  return `<figure class="chart" id="fig-${esc(id)}" data-figure="${esc(id)}">${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}
