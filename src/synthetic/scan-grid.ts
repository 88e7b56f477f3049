import { type Geometry, makeGeometry } from '../core/geometry.js';
import type { AnatomyParams } from './anatomy.js';
import { skinTop } from './head-geometry.js';
import type { ScannerParams } from './scanner.js';

/**
 * The image grid of a scan (LPS, identity direction: i → patient left, j → posterior, k → superior).
 * In-plane: `matrix` pixels of fov/matrix mm, centred on the scanner axis. Through-plane: contiguous slices
 * of the slice thickness from just below the middle cranial fossa to just above the vertex.
 */
export function scanGeometry(a: AnatomyParams, s: ScannerParams): Geometry {
  const sp = s.fov / s.matrix;
  const t = s.sliceThickness;
  const zLo = a.pose.shift[2] + a.floorMiddle - 5;
  const zHi = a.pose.shift[2] + skinTop(a) + 2;
  const n = Math.max(1, Math.ceil((zHi - zLo) / t));
  const origin0 = -((s.matrix - 1) / 2) * sp;
  const oz = Math.round((zLo + t / 2) * 100) / 100;
  return makeGeometry({ size: [s.matrix, s.matrix, n], spacing: [sp, sp, t], origin: [origin0, origin0, oz] });
}
