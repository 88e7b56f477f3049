/**
 * Random forest classifier (Breiman 2001): an ensemble of CART trees, each grown on a bootstrap sample of
 * the training rows, choosing at each node the best Gini split among `mtry` features drawn at random
 * (default ⌊√p⌋, R randomForest's and scikit-learn's default for classification). If none of the drawn
 * features can split the node (all constant there), further features are drawn until one can
 * (scikit-learn's rule). Splits are at the midpoint between consecutive distinct values; ties between equally
 * good splits keep the first found. Trees are grown until leaves are pure or hold fewer than
 * 2·`minSamplesLeaf` bootstrap draws (or `maxDepth` is reached).
 *
 * `predictProba` = mean over trees of the class-1 fraction of the leaf (scikit-learn's `predict_proba`;
 * R's randomForest averages votes instead). Every tree gets its own random stream `rng.child("tree-k")`
 * from the seed, so results are reproducible and independent of evaluation order. Out-of-bag
 * probabilities and mean-decrease-in-impurity importances are returned with the fit.
 */
import { InvalidInputError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { toBinaryLabels, toColumnMajor, type ColumnMajorMatrix, type MatrixInput } from '../../selection/matrix.js';
import type { Classifier, FittedClassifier } from './classifier.js';

/** Options of {@link RandomForest}. */
export interface RandomForestOptions {
  /** Number of trees (default 500, as R's randomForest). */
  readonly nTrees?: number;
  /** Features tried per split: a number, or `"sqrt"` (default) = ⌊√p⌋, or `"all"`. */
  readonly mtry?: number | 'sqrt' | 'all';
  /** Minimum bootstrap draws in a leaf (default 1). */
  readonly minSamplesLeaf?: number;
  /** Maximum depth (default unlimited). */
  readonly maxDepth?: number;
  /** Draw bootstrap samples (default true); false grows every tree on all rows. */
  readonly bootstrap?: boolean;
  /** Seed (default 0). Ignored when `rng` is given. */
  readonly seed?: number | string;
  readonly rng?: Rng;
}

/** One grown tree in flat arrays (node 0 is the root; leaves have feature -1). */
interface Tree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Class-1 fraction at the node. */
  readonly value: Float64Array;
}

function predictTree(t: Tree, x: ColumnMajorMatrix, i: number): number {
  let node = 0;
  while (t.feature[node] >= 0) {
    node = x.data[i + t.feature[node] * x.nrow] <= t.threshold[node] ? t.left[node] : t.right[node];
  }
  return t.value[node];
}

/** A fitted random forest. */
export class FittedRandomForest implements FittedClassifier {
  readonly name = 'random-forest';
  readonly nFeatures: number;
  readonly trees: readonly Tree[];
  /** Out-of-bag P(y=1) of each training row (NaN for rows in every bootstrap sample). */
  readonly oobProba: Float64Array;
  /** Mean decrease in Gini impurity per feature, normalised to sum to 1. */
  readonly importance: Float64Array;
  readonly mtry: number;

  constructor(trees: Tree[], nFeatures: number, oobProba: Float64Array, importance: Float64Array, mtry: number) {
    this.trees = trees;
    this.nFeatures = nFeatures;
    this.oobProba = oobProba;
    this.importance = importance;
    this.mtry = mtry;
  }

  predictProba(x: MatrixInput): Float64Array {
    const m = toColumnMajor(x, 'X');
    if (m.ncol !== this.nFeatures) throw new InvalidInputError('new data has the wrong number of columns', { expected: `${this.nFeatures}`, found: `${m.ncol}` });
    const out = new Float64Array(m.nrow);
    for (let i = 0; i < m.nrow; i++) {
      let s = 0;
      for (const t of this.trees) s += predictTree(t, m, i);
      out[i] = s / this.trees.length;
    }
    return out;
  }
}

/** Grows one tree on rows with bootstrap weights `w` (0 = not drawn). */
function growTree(x: ColumnMajorMatrix, y: Float64Array, w: Float64Array, mtry: number, minLeaf: number, maxDepth: number, rng: Rng, importance: Float64Array): Tree {
  const n = x.nrow;
  const p = x.ncol;
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (w[i] > 0) rows.push(i);
  const grow = (nodeRows: number[], depth: number): number => {
    const id = feature.length;
    let wt = 0;
    let w1 = 0;
    for (const r of nodeRows) { wt += w[r]; w1 += w[r] * y[r]; }
    feature.push(-1); threshold.push(0); left.push(-1); right.push(-1); value.push(w1 / wt);
    if (w1 === 0 || w1 === wt || wt < 2 * minLeaf || depth >= maxDepth) return id;
    const parentScore = (w1 * w1 + (wt - w1) * (wt - w1)) / wt;
    let bestGain = 0;
    let bestF = -1;
    let bestT = 0;
    // features in random order; after the first mtry, continue only while no valid split was found
    const order = rng.permutation(p);
    for (let c = 0; c < p && (c < mtry || bestF < 0); c++) {
      const f = order[c];
      const off = f * n;
      const k = nodeRows.length;
      const sorted = nodeRows.slice().sort((a, b) => x.data[off + a] - x.data[off + b] || a - b);
      let lw = 0;
      let l1 = 0;
      for (let t = 0; t < k - 1; t++) {
        const r = sorted[t];
        lw += w[r];
        l1 += w[r] * y[r];
        const v = x.data[off + r];
        const vn = x.data[off + sorted[t + 1]];
        if (v === vn) continue;
        const rw = wt - lw;
        if (lw < minLeaf || rw < minLeaf) continue;
        const r1 = w1 - l1;
        const score = (l1 * l1 + (lw - l1) * (lw - l1)) / lw + (r1 * r1 + (rw - r1) * (rw - r1)) / rw;
        const gain = score - parentScore;
        if (gain > bestGain + 1e-12 * wt) {
          bestGain = gain;
          bestF = f;
          let mid = (v + vn) / 2;
          if (mid >= vn || mid < v) mid = v;
          bestT = mid;
        }
      }
    }
    if (bestF < 0) return id;
    importance[bestF] += bestGain;
    const off = bestF * n;
    const lr = nodeRows.filter((r) => x.data[off + r] <= bestT);
    const rr = nodeRows.filter((r) => x.data[off + r] > bestT);
    feature[id] = bestF;
    threshold[id] = bestT;
    left[id] = grow(lr, depth + 1);
    right[id] = grow(rr, depth + 1);
    return id;
  };
  grow(rows, 0);
  return {
    feature: Int32Array.from(feature), threshold: Float64Array.from(threshold), left: Int32Array.from(left), right: Int32Array.from(right), value: Float64Array.from(value),
  };
}

/** The random forest estimator (see the module comment). */
export class RandomForest implements Classifier<FittedRandomForest> {
  readonly name = 'random-forest';
  readonly options: RandomForestOptions;
  constructor(options: RandomForestOptions = {}) {
    this.options = Object.freeze({ ...options });
  }

  fit(x: MatrixInput, y: ArrayLike<number>): FittedRandomForest {
    const o = this.options;
    const m = toColumnMajor(x, 'X');
    const yy = toBinaryLabels(y, m.nrow, 'y');
    const n = m.nrow;
    const p = m.ncol;
    const nTrees = o.nTrees ?? 500;
    if (!Number.isInteger(nTrees) || nTrees < 1) throw new InvalidInputError('nTrees must be a positive integer', { found: String(nTrees) });
    const mt = o.mtry ?? 'sqrt';
    const mtry = mt === 'sqrt' ? Math.max(1, Math.floor(Math.sqrt(p))) : mt === 'all' ? p : mt;
    if (!Number.isInteger(mtry) || mtry < 1 || mtry > p) throw new InvalidInputError('mtry must be an integer in 1..p', { found: String(mt) });
    const minLeaf = o.minSamplesLeaf ?? 1;
    if (!(minLeaf >= 1)) throw new InvalidInputError('minSamplesLeaf must be >= 1', { found: String(minLeaf) });
    const maxDepth = o.maxDepth ?? Infinity;
    const root = o.rng ?? Rng.fromSeed(o.seed ?? 0);
    const trees: Tree[] = [];
    const importance = new Float64Array(p);
    const oobSum = new Float64Array(n);
    const oobCount = new Float64Array(n);
    for (let t = 0; t < nTrees; t++) {
      const rng = root.child(`tree-${t}`);
      const w = new Float64Array(n);
      if (o.bootstrap ?? true) for (let i = 0; i < n; i++) w[rng.int(n)]++;
      else w.fill(1);
      const tree = growTree(m, yy, w, mtry, minLeaf, maxDepth, rng, importance);
      trees.push(tree);
      for (let i = 0; i < n; i++) if (w[i] === 0) { oobSum[i] += predictTree(tree, m, i); oobCount[i]++; }
    }
    let tot = 0;
    for (const v of importance) tot += v;
    return new FittedRandomForest(trees, p, oobSum.map((s, i) => (oobCount[i] > 0 ? s / oobCount[i] : NaN)), importance.map((v) => (tot > 0 ? v / tot : 0)), mtry);
  }
}
