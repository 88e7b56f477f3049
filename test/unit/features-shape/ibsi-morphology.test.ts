import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ibsiMorphology, spatialAutocorrelation, ellipsoidSurfaceArea, minimumVolumeEnclosingEllipsoid, minimumAreaRectangle,
  orientedMinimumBox, axisAlignedBox, IBSI_MORPHOLOGY_FEATURES,
} from '../../../src/features/ibsi-morphology/index.js';
import { convexHull3D } from '../../../src/features/shape/convex-hull-3d.js';
import * as SHAPE from '../../../src/features/shape/index.js';
import { Rng } from '../../../src/core/rng.js';
import type { Vec3 } from '../../../src/core/vec.js';
import type { RoiImage } from '../../../src/features/types.js';

const close = (a: number, b: number, rel: number, what: string) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300), `${what}: ${a} vs ${b}`);

test('ellipsoid surface: the IBSI series as published (exact for spheres; spheroids by its hand-summed terms)', () => {
  close(ellipsoidSurfaceArea(3, 3, 3), 4 * Math.PI * 9, 1e-14, 'sphere');
  // prolate a > b = c: α = β = e, P_ν(1) = 1, so the series is 4πab·Σ_{ν≤20} e^{2ν}/(1 − 4ν²)
  const [a, b] = [5, 4];
  const e2 = 1 - (b * b) / (a * a);
  let sum = 0;
  for (let nu = 0; nu <= 20; nu++) sum += e2 ** nu / (1 - 4 * nu * nu);
  close(ellipsoidSurfaceArea(a, b, b), 4 * Math.PI * a * b * sum, 1e-14, 'prolate series');
  // oblate a = b > c: α = 0, so only (α² + β²)/2 = β²/2 enters through the scaled Legendre terms
  close(ellipsoidSurfaceArea(4, 5, 5), ellipsoidSurfaceArea(5, 5, 4), 1e-15, 'axis order does not matter');
  assert.ok(ellipsoidSurfaceArea(5, 5, 4) < 4 * Math.PI * 25);
});

test('MVEE of the corners of a box is the axis-aligned ellipsoid with semi-axes √3·half-sides', () => {
  const pts: number[] = [];
  for (const x of [-2, 2]) for (const y of [-1, 1]) for (const z of [-0.5, 0.5]) pts.push(x + 10, y - 3, z);
  const e = minimumVolumeEnclosingEllipsoid(pts);
  assert.ok(e);
  close(e.semiAxes[0], 2 * Math.sqrt(3), 1e-12, 'a');
  close(e.semiAxes[1], Math.sqrt(3), 1e-12, 'b');
  close(e.semiAxes[2], 0.5 * Math.sqrt(3), 1e-12, 'c');
  assert.equal(minimumVolumeEnclosingEllipsoid([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0]), null); // coplanar
});

test('minimum-area rectangle equals brute force over hull edge directions', () => {
  const rng = Rng.fromSeed(5);
  for (let t = 0; t < 25; t++) {
    const n = 5 + rng.int(60);
    const us = Float64Array.from({ length: n }, () => rng.normal() * 3);
    const vs = Float64Array.from({ length: n }, (_, i) => rng.normal() + 0.5 * us[i]);
    const [w, h] = minimumAreaRectangle(us, vs);
    let best = Infinity;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const ex = us[j] - us[i], ey = vs[j] - vs[i], l = Math.hypot(ex, ey);
      let a0 = Infinity, a1 = -Infinity, b0 = Infinity, b1 = -Infinity;
      for (let k = 0; k < n; k++) {
        const a = (us[k] * ex + vs[k] * ey) / l, b = (-us[k] * ey + vs[k] * ex) / l;
        a0 = Math.min(a0, a); a1 = Math.max(a1, a); b0 = Math.min(b0, b); b1 = Math.max(b1, b);
      }
      best = Math.min(best, (a1 - a0) * (b1 - b0));
    }
    close(w * h, best, 1e-9, `rectangle ${t}`);
  }
});

test('oriented minimum box finds a box rotated 45° about z; for an axis-aligned box it is the AABB', () => {
  const pts: number[] = [];
  for (const z of [0, 3]) pts.push(1, 0, z, 0, 1, z, -1, 0, z, 0, -1, z);
  const hull = convexHull3D(pts);
  assert.ok(hull);
  const b = orientedMinimumBox(pts, hull.faces);
  close(b.volume, 6, 1e-12, 'rotated volume');
  close(axisAlignedBox(pts).volume, 12, 1e-15, 'aabb volume');
  close(b.area, 2 * (2 + 3 * Math.SQRT2 * 2), 1e-12, 'rotated area');
});

test("Moran's I and Geary's C: two voxels give −1 and 1; the FFT sums equal the direct double sum", () => {
  const two = spatialAutocorrelation(Float64Array.of(3, 7), Uint8Array.of(1, 1), [2, 1, 1], [1, 1, 1]);
  close(two.moranI, -1, 1e-14, 'I');
  close(two.gearyC, 1, 1e-14, 'C');
  const rng = Rng.fromSeed(9);
  const size: Vec3 = [13, 11, 7];
  const n = size[0] * size[1] * size[2];
  const values = new Float64Array(n), mask = new Uint8Array(n);
  for (let k = 0, p = 0; k < size[2]; k++) for (let j = 0; j < size[1]; j++) for (let i = 0; i < size[0]; i++, p++) {
    values[p] = Math.sin(i / 2) + 0.3 * j + rng.normal();
    mask[p] = (i - 6) ** 2 + (j - 5) ** 2 + 2 * (k - 3) ** 2 < 30 ? 1 : 0;
  }
  const spacing: Vec3 = [0.8, 1.1, 2.5];
  const d = spatialAutocorrelation(values, mask, size, spacing, { method: 'direct' });
  const f = spatialAutocorrelation(values, mask, size, spacing, { method: 'fft' });
  close(f.moranI, d.moranI, 1e-10, 'I fft vs direct');
  close(f.gearyC, d.gearyC, 1e-10, 'C fft vs direct');
  assert.ok(Number.isNaN(spatialAutocorrelation(Float64Array.of(2, 2), Uint8Array.of(1, 1), [2, 1, 1], [1, 1, 1]).moranI));
});

test('IBSI morphology of a solid box: convex-hull densities 1, AABB density against the analytic mesh volume', () => {
  const nb: Vec3 = [4, 3, 2];
  const size: Vec3 = [6, 5, 4];
  const s: Vec3 = [0.9, 1.1, 2.0];
  const n = size[0] * size[1] * size[2];
  const mask = new Uint8Array(n), values = new Float64Array(n);
  for (let k = 0, p = 0; k < size[2]; k++) for (let j = 0; j < size[1]; j++) for (let i = 0; i < size[0]; i++, p++) {
    values[p] = 10 + i; // intensity grows along x
    if (i >= 1 && i <= nb[0] && j >= 1 && j <= nb[1] && k >= 1 && k <= nb[2]) mask[p] = 1;
  }
  const roi: RoiImage = { size, spacing: s, values, intensityMask: mask, morphologicalMask: mask };
  const f = ibsiMorphology(roi);
  assert.equal(Object.keys(f).length, IBSI_MORPHOLOGY_FEATURES.length);
  const [a, b, c] = [nb[0] - 1, nb[1] - 1, nb[2] - 1];
  const V = (a * b * c + (a * b + a * c + b * c) + (a + b + c) / 2 + 1 / 6) * s[0] * s[1] * s[2];
  close(f.morph_volume, V, 1e-12, 'volume');
  close(f.morph_vol_dens_conv_hull, 1, 1e-12, 'hull volume density');
  close(f.morph_area_dens_conv_hull, 1, 1e-12, 'hull area density');
  close(f.morph_vol_dens_aabb, V / (nb[0] * s[0] * nb[1] * s[1] * nb[2] * s[2]), 1e-12, 'aabb');
  close(f.morph_vol_approx, 24 * s[0] * s[1] * s[2], 1e-14, 'approx volume');
  // intensity-weighted centre of mass along x: Σ(10+i)·i / Σ(10+i) over i = 1..4 versus the geometric 2.5
  const wx = [1, 2, 3, 4].reduce((t, i) => t + (10 + i) * i, 0) / [1, 2, 3, 4].reduce((t, i) => t + 10 + i, 0);
  close(f.morph_com, Math.abs(wx - 2.5) * s[0], 1e-12, 'centre of mass shift');
  close(f.morph_integ_int, V * 12.5, 1e-12, 'integrated intensity');
  // IBSI PCA: sample covariance (N − 1): variance along x of 4 centres = s²·(4² − 1)/12 · 24/23
  close(f.morph_pca_maj_axis, 4 * Math.sqrt(((s[0] ** 2 * 15) / 12) * (24 / 23)), 1e-12, 'major axis');
  assert.ok(f.morph_moran_i > 0, 'a smooth gradient is positively autocorrelated');
});

test('MVEE with rank-one updates equals the textbook Khachiyan iteration (recomputed X⁻¹ each step)', () => {
  // independent plain implementation: X = Σ u q qᵀ recomputed and inverted (Gauss–Jordan) at every step
  function plainKhachiyan(p: number[], tol: number): number[] {
    const n = p.length / 3;
    const u = new Array(n).fill(1 / n);
    for (let it = 0; it < 100000; it++) {
      const X = Array.from({ length: 4 }, () => new Array(8).fill(0));
      for (let i = 0; i < n; i++) {
        const q = [p[3 * i], p[3 * i + 1], p[3 * i + 2], 1];
        for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) X[r][c] += u[i] * q[r] * q[c];
      }
      for (let r = 0; r < 4; r++) X[r][4 + r] = 1;
      for (let col = 0; col < 4; col++) {
        let piv = col;
        for (let r = col + 1; r < 4; r++) if (Math.abs(X[r][col]) > Math.abs(X[piv][col])) piv = r;
        [X[col], X[piv]] = [X[piv], X[col]];
        const d = X[col][col];
        for (let c = 0; c < 8; c++) X[col][c] /= d;
        for (let r = 0; r < 4; r++) if (r !== col) { const f = X[r][col]; for (let c = 0; c < 8; c++) X[r][c] -= f * X[col][c]; }
      }
      let best = -1, j = 0;
      for (let i = 0; i < n; i++) {
        const q = [p[3 * i], p[3 * i + 1], p[3 * i + 2], 1];
        let m = 0;
        for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) m += q[r] * X[r][4 + c] * q[c];
        if (m > best) { best = m; j = i; }
      }
      const step = (best - 4) / (4 * (best - 1));
      let ch = 0;
      for (let i = 0; i < n; i++) { const nu = (1 - step) * u[i] + (i === j ? step : 0); ch += (nu - u[i]) ** 2; u[i] = nu; }
      if (Math.sqrt(ch) < tol) break;
    }
    return u;
  }
  const rng = Rng.fromSeed(21);
  const pts: number[] = [];
  for (let i = 0; i < 60; i++) pts.push(rng.normal() * 5, rng.normal() * 3, rng.normal());
  const u = plainKhachiyan(pts, 1e-6);
  const c = [0, 1, 2].map((d) => u.reduce((s, w, i) => s + w * pts[3 * i + d], 0));
  const S = [[0, 0], [0, 1], [0, 2], [1, 1], [1, 2], [2, 2]].map(([r, q]) => u.reduce((s, w, i) => s + w * (pts[3 * i + r] - c[r]) * (pts[3 * i + q] - c[q]), 0));
  // semi-axes from the plain weights, via the 3×3 eigenvalues of S (√(3λ))
  const { symmetricEigenvalues3 } = SHAPE;
  const expected = symmetricEigenvalues3(S).map((e) => Math.sqrt(3 * e)).sort((a, b) => b - a);
  const got = minimumVolumeEnclosingEllipsoid(pts, 1e-6);
  assert.ok(got);
  for (let d = 0; d < 3; d++) close(got.semiAxes[d], expected[d], 1e-6, `axis ${d}`);
});

test('oriented minimum box from silhouettes equals the projection method (all points projected per face normal)', () => {
  const rng = Rng.fromSeed(33);
  for (let t = 0; t < 8; t++) {
    const pts: number[] = [];
    for (let i = 0; i < 80; i++) pts.push(rng.intRange(-30, 30), rng.intRange(-12, 12), rng.intRange(-6, 6));
    const hull = convexHull3D(pts);
    assert.ok(hull);
    // reference: for every face normal, project all points and take the minimum-area rectangle of the projection
    let best = axisAlignedBox(pts).volume;
    for (let f = 0; f < hull.faces.length; f += 3) {
      const [a, b, c] = [hull.faces[f], hull.faces[f + 1], hull.faces[f + 2]];
      const u = [0, 1, 2].map((d) => pts[3 * b + d] - pts[3 * a + d]), v = [0, 1, 2].map((d) => pts[3 * c + d] - pts[3 * a + d]);
      const nrm = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
      const l = Math.hypot(...nrm);
      const n = nrm.map((x) => x / l);
      const e1 = Math.abs(n[0]) < 0.9 ? [0, n[2], -n[1]] : [-n[2], 0, n[0]];
      const l1 = Math.hypot(...e1);
      const E1 = e1.map((x) => x / l1);
      const E2 = [n[1] * E1[2] - n[2] * E1[1], n[2] * E1[0] - n[0] * E1[2], n[0] * E1[1] - n[1] * E1[0]];
      const us: number[] = [], vs: number[] = [], hs: number[] = [];
      for (let i = 0; i < pts.length / 3; i++) {
        const p = [pts[3 * i], pts[3 * i + 1], pts[3 * i + 2]];
        us.push(p[0] * E1[0] + p[1] * E1[1] + p[2] * E1[2]);
        vs.push(p[0] * E2[0] + p[1] * E2[1] + p[2] * E2[2]);
        hs.push(p[0] * n[0] + p[1] * n[1] + p[2] * n[2]);
      }
      const [w, h] = minimumAreaRectangle(us, vs);
      best = Math.min(best, w * h * (Math.max(...hs) - Math.min(...hs)));
    }
    close(orientedMinimumBox(pts, hull.faces).volume, best, 1e-9, `ombb ${t}`);
  }
});
