/**
 * IBSI texture aggregation methods and small helpers to average feature records.
 *
 * Directional families (GLCM, GLRLM), IBSI 1 §3.6.2 / §3.7.2:
 * - `2D_avg`  (BTW3): features of every 2D directional matrix of every slice, averaged;
 * - `2D_comb` (SUJT): per slice, the 2D directional matrices are merged (summed); features averaged over slices;
 * - `2_5D_avg` (JJUI): per 2D direction, the matrices of all slices are merged; features averaged over directions;
 * - `2_5D_comb` (ZW7Z): all 2D matrices merged into one;
 * - `3D_avg`  (ITBB): features of every 3D directional matrix, averaged;
 * - `3D_comb` (IAZD): all 3D directional matrices merged into one.
 *
 * Zone/neighbourhood families (GLSZM, GLDZM, NGTDM, NGLDM):
 * - `2D` (8QNN): features of each slice's 2D matrix, averaged over slices;
 * - `2_5D` (62GR): the 2D matrices of all slices merged into one;
 * - `3D` (KOBO): one 3D matrix.
 *
 * Averages skip empty matrices (e.g. a slice with a single ROI voxel has no co-occurring pair) and, per
 * feature, values that are NaN, like PyRadiomics' `nanmean`.
 */

/** Aggregation of the directional families (GLCM, GLRLM); suffix of the IBSI tag. */
export type DirectionalAggregation = '2D_avg' | '2D_comb' | '2_5D_avg' | '2_5D_comb' | '3D_avg' | '3D_comb';
/** Aggregation of the zone/neighbourhood families (GLSZM, GLDZM, NGTDM, NGLDM); suffix of the IBSI tag. */
export type ZoneAggregation = '2D' | '2_5D' | '3D';

/** All directional aggregations, in IBSI table order. */
export const DIRECTIONAL_AGGREGATIONS: readonly DirectionalAggregation[] = ['2D_avg', '2D_comb', '2_5D_avg', '2_5D_comb', '3D_avg', '3D_comb'];
/** All zone aggregations, in IBSI table order. */
export const ZONE_AGGREGATIONS: readonly ZoneAggregation[] = ['2D', '2_5D', '3D'];

/** IBSI aggregation ids (concept codes) of each method. */
export const AGGREGATION_IBSI_ID: Readonly<Record<DirectionalAggregation | ZoneAggregation, string>> = {
  '2D_avg': 'BTW3', '2D_comb': 'SUJT', '2_5D_avg': 'JJUI', '2_5D_comb': 'ZW7Z', '3D_avg': 'ITBB', '3D_comb': 'IAZD',
  '2D': '8QNN', '2_5D': '62GR', '3D': 'KOBO',
};

/**
 * Spatial approach of an IBSI texture computation: per slice (`2D`), per slice with merging over slices
 * (`2_5D`), or as a volume (`3D`). For the directional families each gives two aggregations
 * (`2D` → `2D_avg`, `2D_comb`; `2_5D` → `2_5D_avg`, `2_5D_comb`; `3D` → `3D_avg`, `3D_comb`), for the
 * others one (`2D`, `2_5D`, `3D`). IBSI configurations A/B use ['2D', '2_5D'], C–E ['3D'].
 */
export type IbsiSpatial = '2D' | '2_5D' | '3D';

/** All spatial approaches. */
export const IBSI_SPATIAL: readonly IbsiSpatial[] = ['2D', '2_5D', '3D'];

/** Options of the IBSI-mode texture functions. */
export interface IbsiTextureOptions {
  /** Spatial approaches to compute (default all: ['2D', '2_5D', '3D']). */
  readonly spatial?: readonly IbsiSpatial[];
  /** Chebyshev neighbour distance δ for GLCM, NGTDM and NGLDM (default 1). Ignored by GLRLM, GLSZM, GLDZM. */
  readonly distance?: number;
  /** NGLDM coarseness parameter α (default 0). Used by NGLDM only. */
  readonly alpha?: number;
}

/** The directional aggregations of a set of spatial approaches. */
export function directionalAggregationsFor(spatial: readonly IbsiSpatial[]): DirectionalAggregation[] {
  const out: DirectionalAggregation[] = [];
  if (spatial.includes('2D')) out.push('2D_avg', '2D_comb');
  if (spatial.includes('2_5D')) out.push('2_5D_avg', '2_5D_comb');
  if (spatial.includes('3D')) out.push('3D_avg', '3D_comb');
  return out;
}

/**
 * Per-key mean of numeric records, ignoring NaN values (a key that is NaN in every record gives NaN).
 * `keys` selects the fields to average.
 */
export function nanMeanRecords<T extends object>(records: readonly T[], keys: readonly (keyof T)[]): Record<keyof T, number> {
  const out = {} as Record<keyof T, number>;
  for (const k of keys) {
    let s = 0;
    let n = 0;
    for (const r of records) {
      const v = r[k] as unknown as number;
      if (!Number.isNaN(v)) { s += v; n++; }
    }
    out[k] = n > 0 ? s / n : NaN;
  }
  return out;
}

/** Writes `values[stat]` under `${tag}_${suffix}` for every (stat, tag) pair of `table` into `out`. */
export function writeTagged<S extends object>(
  out: Record<string, number>,
  table: readonly { readonly stat: keyof S; readonly ibsiTag: string | null }[],
  values: Record<keyof S, number> | S,
  suffix: string,
): void {
  for (const row of table) {
    if (row.ibsiTag === null) continue;
    out[`${row.ibsiTag}_${suffix}`] = (values as Record<keyof S, number>)[row.stat];
  }
}
