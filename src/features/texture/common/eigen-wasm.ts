/**
 * WebAssembly versions of the eigenvalue code of eigen.ts (Householder tridiagonalisation and Sturm-sequence
 * bisection, Golub & Van Loan, Matrix Computations, §8.3.1 and §8.4.1): the same floating-point operations in the
 * same order, so the same results to the last bit. WebAssembly is compiled before it first runs, so these small dense
 * problems (one per GLCM direction, of the order of the number of grey levels) run at machine speed at once, while
 * the JavaScript loops spend most of such a short run in V8's interpreter and baseline tiers.
 *
 * Arrays live in the module's memory and are passed as byte addresses; f64 arrays must be 8-byte aligned.
 * {@link EIGEN_WASM_FUNCTIONS} must be the first functions of a module (their calls use these indices).
 */
import {
  type Code, F64, I32, forRange, get, i32, loadF64, op, op2, rowMajor, storeF64, wasmFunction,
} from './wasm-code.js';
import type { WasmFunction } from '../../../core/wasm-assembler.js';

/** Function indices in a module that starts with {@link EIGEN_WASM_FUNCTIONS}. */
const HOUSEHOLDER = 1;
const STURM = 2;

/**
 * `tridiag(m, n, v, p, d, e)`: {@link tridiagonalizeInPlace} of eigen.ts — overwrites the symmetric n×n matrix at `m`,
 * writes the diagonal to `d[0..n)` and the off-diagonal to `e[0..n−1)`; `v`, `p` scratch (n f64 each).
 */
const tridiag = wasmFunction('tridiag', { m: I32, n: I32, v: I32, p: I32, d: I32, e: I32 }, [], { k: I32 }, (l) => [
  ...forRange(l.k, i32(0), [op.get(l.n), op.i32Const(2), op.i32Sub()],
    storeF64(get(l.e), get(l.k), [op.get(l.m), op.get(l.n), op.get(l.k), op.get(l.v), op.get(l.p), op.call(HOUSEHOLDER)])),
  ...forRange(l.k, i32(0), get(l.n), storeF64(get(l.d), get(l.k), loadF64(get(l.m), rowMajor(get(l.k), get(l.n), get(l.k))))),
  op.get(l.n), op.i32Const(2), op.i32GeS(), op.if(),
  ...storeF64(get(l.e), minus(l.n, 2), loadF64(get(l.m), rowMajor(minus(l.n, 1), get(l.n), minus(l.n, 2)))),
  op.end(),
]);

/** local − c (i32). */
function minus(local: number, c: number): Code {
  return [op.get(local), op.i32Const(c), op.i32Sub()];
}

/** `s = Σ_{i=from}^{n−1} a[i]·b[i]` in increasing i (dotRange of eigen.ts); `s` f64 local, `i` i32 local. */
function dot(s: number, idx: number, a: number, b: number, from: number, n: number): Code {
  return [
    op.f64Const(0), op.set(s),
    ...forRange(idx, get(from), get(n), [op.get(s), ...loadF64(get(a), get(idx)), ...loadF64(get(b), get(idx)), op.f64Mul(), op.f64Add(), op.set(s)]),
  ];
}

/** `householder(m, n, k, v, p) → e_k`: reflection k of the tridiagonalisation (householderStep of eigen.ts). */
const householder = wasmFunction(
  'householder', { m: I32, n: I32, k: I32, v: I32, p: I32 }, [F64],
  { from: I32, i: I32, j: I32, row: I32, alpha: F64, x0: F64, r: F64, vv: F64, beta: F64, s: F64, c: F64, vi: F64, wi: F64, val: F64 },
  (l) => [
    op.get(l.k), op.i32Const(1), op.i32Add(), op.set(l.from),
    // x = column k below the diagonal (copied to v), α = ‖x‖
    ...forRange(l.i, get(l.from), get(l.n), storeF64(get(l.v), get(l.i), loadF64(get(l.m), rowMajor(get(l.i), get(l.n), get(l.k))))),
    ...dot(l.s, l.i, l.v, l.v, l.from, l.n),
    op.get(l.s), op2.f64Sqrt(), op.set(l.alpha),
    ...loadF64(get(l.v), get(l.from)), op.set(l.x0),
    op.get(l.alpha), op.f64Const(0), op2.f64Eq(), op.if(), op.f64Const(0), op.return(), op.end(),
    // r = −sign(x0)·α; v = x − r e1; β = 2 / vᵀv
    op.get(l.alpha), op.set(l.r),
    op.get(l.x0), op.f64Const(0), op2.f64Gt(), op.if(), op.get(l.alpha), op2.f64Neg(), op.set(l.r), op.end(),
    ...storeF64(get(l.v), get(l.from), [op.get(l.x0), op.get(l.r), op.f64Sub()]),
    ...dot(l.vv, l.i, l.v, l.v, l.from, l.n),
    op.get(l.vv), op.f64Const(0), op2.f64Eq(), op.if(), op.get(l.x0), op.return(), op.end(),
    op.f64Const(2), op.get(l.vv), op2.f64Div(), op.set(l.beta),
    // p = β A22 v
    ...forRange(l.i, get(l.from), get(l.n), [
      op.f64Const(0), op.set(l.s),
      op.get(l.i), op.get(l.n), op.i32Mul(), op.set(l.row),
      ...forRange(l.j, get(l.from), get(l.n), [
        op.get(l.s), ...loadF64(get(l.m), [op.get(l.row), op.get(l.j), op.i32Add()]), ...loadF64(get(l.v), get(l.j)), op.f64Mul(), op.f64Add(), op.set(l.s),
      ]),
      ...storeF64(get(l.p), get(l.i), [op.get(l.beta), op.get(l.s), op.f64Mul()]),
    ]),
    // w = p − (β pᵀv / 2) v
    ...dot(l.s, l.i, l.p, l.v, l.from, l.n),
    op.get(l.beta), op.get(l.s), op.f64Mul(), op.f64Const(2), op2.f64Div(), op.set(l.c),
    ...forRange(l.i, get(l.from), get(l.n),
      storeF64(get(l.p), get(l.i), [...loadF64(get(l.p), get(l.i)), op.get(l.c), ...loadF64(get(l.v), get(l.i)), op.f64Mul(), op.f64Sub()])),
    // A22 −= v wᵀ + w vᵀ (lower triangle, mirrored)
    ...forRange(l.i, get(l.from), get(l.n), [
      ...loadF64(get(l.v), get(l.i)), op.set(l.vi),
      ...loadF64(get(l.p), get(l.i)), op.set(l.wi),
      op.get(l.i), op.get(l.n), op.i32Mul(), op.set(l.row),
      ...forRange(l.j, get(l.from), [op.get(l.i), op.i32Const(1), op.i32Add()], [
        ...loadF64(get(l.m), [op.get(l.row), op.get(l.j), op.i32Add()]),
        op.get(l.vi), ...loadF64(get(l.p), get(l.j)), op.f64Mul(), op.get(l.wi), ...loadF64(get(l.v), get(l.j)), op.f64Mul(), op.f64Add(),
        op.f64Sub(), op.set(l.val),
        ...storeF64(get(l.m), [op.get(l.row), op.get(l.j), op.i32Add()], get(l.val)),
        ...storeF64(get(l.m), rowMajor(get(l.j), get(l.n), get(l.i)), get(l.val)),
      ]),
    ]),
    op.get(l.r),
  ],
);

/** `sturm(d, e, n, x) → count`: eigenvalues below x of the tridiagonal (d, e) (sturmCount of eigen.ts). */
const sturm = wasmFunction('sturm', { d: I32, e: I32, n: I32, x: F64 }, [I32], { count: I32, i: I32, q: F64, ei: F64 }, (l) => [
  ...loadF64(get(l.d), i32(0)), op.get(l.x), op.f64Sub(), op.set(l.q),
  ...countIfNegative(l.q, l.count),
  ...forRange(l.i, i32(1), get(l.n), [
    op.get(l.q), op.f64Const(0), op2.f64Eq(), op.if(), op.f64Const(1e-300), op.set(l.q), op.end(),
    ...loadF64(get(l.e), minus(l.i, 1)), op.set(l.ei),
    ...loadF64(get(l.d), get(l.i)), op.get(l.x), op.f64Sub(),
    op.get(l.ei), op.get(l.ei), op.f64Mul(), op.get(l.q), op2.f64Div(),
    op.f64Sub(), op.set(l.q),
    ...countIfNegative(l.q, l.count),
  ]),
  op.get(l.count),
]);

/** if (q < 0) count++ */
function countIfNegative(q: number, count: number): Code {
  return [op.get(q), op.f64Const(0), op2.f64Lt(), op.if(), op.get(count), op.i32Const(1), op.i32Add(), op.set(count), op.end()];
}

/**
 * `kth(d, e, n, k, tolerance) → λ`: the k-th largest eigenvalue (1 ≤ k ≤ n) of the tridiagonal (d, e) by bisection
 * from the Gershgorin bounds (bisectEigenvalue of eigen.ts).
 */
const kth = wasmFunction(
  'kth', { d: I32, e: I32, n: I32, k: I32, tol: F64 }, [F64],
  { i: I32, it: I32, lo: F64, hi: F64, r: F64, a: F64, b: F64, mid: F64 },
  (l) => [
    op.f64Const(Infinity), op.set(l.lo),
    op.f64Const(-Infinity), op.set(l.hi),
    ...forRange(l.i, i32(0), get(l.n), [
      // r = (i > 0 ? |e[i−1]| : 0) + (i < n − 1 ? |e[i]| : 0)
      op.f64Const(0), op.set(l.a),
      op.get(l.i), op.i32Const(0), op.i32GtS(), op.if(), ...loadF64(get(l.e), minus(l.i, 1)), op.f64Abs(), op.set(l.a), op.end(),
      op.f64Const(0), op.set(l.b),
      op.get(l.i), ...minus(l.n, 1), op.i32LtS(), op.if(), ...loadF64(get(l.e), get(l.i)), op.f64Abs(), op.set(l.b), op.end(),
      op.get(l.a), op.get(l.b), op.f64Add(), op.set(l.r),
      op.get(l.lo), ...loadF64(get(l.d), get(l.i)), op.get(l.r), op.f64Sub(), op2.f64Min(), op.set(l.lo),
      op.get(l.hi), ...loadF64(get(l.d), get(l.i)), op.get(l.r), op.f64Add(), op2.f64Max(), op.set(l.hi),
    ]),
    // at most 200 halvings; stop when the midpoint is no longer strictly inside or the bracket is narrower than tol
    ...forRange(l.it, i32(0), i32(200), [
      op.f64Const(0.5), op.get(l.lo), op.get(l.hi), op.f64Add(), op.f64Mul(), op.set(l.mid),
      op.get(l.mid), op.get(l.lo), op2.f64Le(),
      op.get(l.mid), op.get(l.hi), op2.f64Ge(), op2.i32Or(),
      op.get(l.hi), op.get(l.lo), op.f64Sub(), op.get(l.tol), op2.f64Lt(), op2.i32Or(),
      op.brIf(1), // leaves the loop (forRange: block › loop › body)
      op.get(l.d), op.get(l.e), op.get(l.n), op.get(l.mid), op.call(STURM), op.get(l.n), op.get(l.k), op.i32Sub(), op.i32GtS(),
      op.if(), op.get(l.mid), op.set(l.hi), op.else(), op.get(l.mid), op.set(l.lo), op.end(),
    ]),
    op.f64Const(0.5), op.get(l.lo), op.get(l.hi), op.f64Add(), op.f64Mul(),
  ],
);

/** The eigenvalue functions, in this order at the start of a module: tridiag (0), householder (1), sturm (2), kth (3). */
export const EIGEN_WASM_FUNCTIONS: readonly WasmFunction[] = [tridiag, householder, sturm, kth];

/** The exports of {@link EIGEN_WASM_FUNCTIONS} (addresses in bytes). */
export interface EigenWasmExports {
  tridiag(m: number, n: number, v: number, p: number, d: number, e: number): void;
  kth(d: number, e: number, n: number, k: number, tolerance: number): number;
}
