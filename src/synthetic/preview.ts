import type { Mask } from '../core/mask.js';
import type { Volume } from '../core/volume.js';
import { WINDOW_PRESETS, type CtWindow } from '../deep/windows.js';
import { encodePng, type RasterImage } from './png.js';

/** The usual brain window (L 40, W 80), shared with the deep-feature windows. */
export const BRAIN_WINDOW: CtWindow = WINDOW_PRESETS.brain;

/** Index of the axial slice with the most mask voxels (the middle slice when the mask is empty). */
export function largestMaskSlice(mask: Mask): number {
  const [nx, ny, nz] = mask.size;
  let best = Math.floor(nz / 2), bestN = 0;
  for (let k = 0; k < nz; k++) {
    let c = 0;
    const off = k * nx * ny;
    for (let p = 0; p < nx * ny; p++) c += mask.data[off + p];
    if (c > bestN) { bestN = c; best = k; }
  }
  return best;
}

/**
 * An axial slice as an RGB raster in radiological display (patient's right on the left of the image,
 * anterior at the top; with dlrn's LPS grid that is column = i, row = j): the windowed slice, and next to
 * it the same slice with the mask outline in red. `scale` repeats pixels (nearest neighbour).
 */
export function axialPreview(image: Volume, mask: Mask, k: number, window: CtWindow = BRAIN_WINDOW, scale = 1): RasterImage {
  const [nx, ny] = image.size;
  const w = nx * scale, h = ny * scale, W = 2 * w + 4 * scale;
  const out = new Uint8Array(W * h * 3);
  const lo = window.level - window.width / 2;
  const off = k * nx * ny;
  const m = (i: number, j: number): number => (i < 0 || j < 0 || i >= nx || j >= ny ? 0 : mask.data[off + i + nx * j]);
  for (let y = 0; y < h; y++) {
    const j = Math.floor(y / scale);
    for (let x = 0; x < w; x++) {
      const i = Math.floor(x / scale);
      const v = image.data[off + i + nx * j];
      const g = Math.max(0, Math.min(255, Math.round(((v - lo) / window.width) * 255)));
      const a = (y * W + x) * 3;
      out[a] = out[a + 1] = out[a + 2] = g;
      const b = (y * W + x + w + 4 * scale) * 3;
      const edge = m(i, j) === 1 && (m(i - 1, j) === 0 || m(i + 1, j) === 0 || m(i, j - 1) === 0 || m(i, j + 1) === 0);
      if (edge) { out[b] = 255; out[b + 1] = 40; out[b + 2] = 40; } else { out[b] = out[b + 1] = out[b + 2] = g; }
    }
  }
  return { width: W, height: h, channels: 3, data: out };
}

/** PNG bytes of {@link axialPreview} at the slice with the largest mask area. */
export function previewPng(image: Volume, mask: Mask, window: CtWindow = BRAIN_WINDOW, scale = 1): Uint8Array {
  return encodePng(axialPreview(image, mask, largestMaskSlice(mask), window, scale));
}
