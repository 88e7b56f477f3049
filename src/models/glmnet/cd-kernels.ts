/**
 * The inner loops of the coordinate-descent solver, on one `Float64Array` heap addressed by element
 * offsets: dot products, weighted squares and sums in Eigen's summation order (see eigen-reduce.ts), and
 * residual updates. Two interchangeable implementations give the same bits: WebAssembly with 128-bit SIMD
 * (two f64 lanes, which is exactly Eigen's SSE2 packet order; written here with a tiny assembler) and plain
 * JavaScript (used when WebAssembly SIMD is not available, or with `DLRN_NO_WASM=1`).
 */
import { eigenDot, eigenDotSquare, eigenSum } from './eigen-reduce.js';
import { F64, I32, V128, assembleModule, op, type WasmFunction } from '../../core/wasm-assembler.js';

/** Numeric kernels over a shared heap (offsets are in doubles). */
export interface CdKernels {
  /** The heap; re-read after {@link ensure} (it may be replaced when the memory grows). */
  heap: Float64Array;
  /** `"wasm-simd"` or `"js"`. */
  readonly kind: string;
  /** Makes the heap hold at least `doubles` values (contents are kept) and the index list `ints` entries. */
  ensure(doubles: number, ints?: number): void;
  /** Σ heap[a+i]·heap[b+i] (Eigen order). */
  dot(a: number, b: number, n: number): number;
  /** Σ heap[w+i]·heap[x+i]² (Eigen order). */
  dotSquare(w: number, x: number, n: number): number;
  /** Σ heap[a+i] (Eigen order). */
  sum(a: number, n: number): number;
  /** heap[r+i] -= d·(heap[v+i]·heap[z+i]). */
  subScaledProduct(r: number, v: number, z: number, n: number, d: number): void;
  /** heap[r+i] -= d·heap[v+i]. */
  subScaled(r: number, v: number, n: number, d: number): void;
  /** heap[e+i] += b·heap[z+i]. */
  addScaled(e: number, z: number, n: number, b: number): void;
  /** For t < count: k = list[t]; heap[out+k] = |Σ_i heap[r+i]·heap[z0 + k·n + i]| (list = Int32 indices held in `index`). */
  absDots(r: number, z0: number, n: number, index: Int32Array, count: number, out: number): void;
}

function jsKernels(): CdKernels {
  const k: CdKernels = {
    heap: new Float64Array(0),
    kind: 'js',
    ensure(doubles: number): void {
      if (k.heap.length >= doubles) return;
      const h = new Float64Array(Math.max(doubles, Math.ceil(k.heap.length * 1.5)));
      h.set(k.heap);
      k.heap = h;
    },
    dot: (a, b, n) => eigenDot(k.heap, a, k.heap, b, n),
    dotSquare: (w, x, n) => eigenDotSquare(k.heap.subarray(w), k.heap, x, n),
    sum: (a, n) => eigenSum(k.heap.subarray(a), n),
    subScaledProduct(r, v, z, n, d): void {
      const h = k.heap;
      for (let i = 0; i < n; i++) h[r + i] -= d * (h[v + i] * h[z + i]);
    },
    subScaled(r, v, n, d): void {
      const h = k.heap;
      for (let i = 0; i < n; i++) h[r + i] -= d * h[v + i];
    },
    addScaled(e, z, n, b): void {
      const h = k.heap;
      for (let i = 0; i < n; i++) h[e + i] += b * h[z + i];
    },
    absDots(r, z0, n, index, count, out): void {
      const h = k.heap;
      for (let t = 0; t < count; t++) {
        const j = index[t];
        h[out + j] = Math.abs(eigenDot(h, r, h, z0 + j * n, n));
      }
    },
  };
  return k;
}

// ---- WebAssembly kernels -------------------------------------------------------------------------

type Term = (a: number, b: number) => number[][];

/**
 * A reduction in Eigen's order over byte addresses held in locals `a` (and `b`), length in local `n`
 * (elements), as the body of a function returning f64. `vecTerm`/`scalarTerm` push the packet/scalar
 * term for the byte offset held in local `i` (vector) or computed address (scalar).
 */
function reduction(name: string, params: number[], vecTerm: (addrA: number[][], addrB: number[][], off: number) => number[][], scalarTerm: Term): WasmFunction {
  // params: 0 = a, 1 = b (unused by sum), 2 = n; locals: 3 n2, 4 n4, 5 i, 6 end, 7 p0, 8 p1, 9 res
  const A = 0, B = 1, N = 2, N2 = 3, N4 = 4, I = 5, END = 6, P0 = 7, P1 = 8, RES = 9;
  const at = (base: number, idx: number[][]): number[][] => [op.get(base), ...idx, op.i32Add()];
  const body: number[][] = [
    op.get(N), op.i32Const(-2), op.i32And(), op.set(N2),
    op.get(N), op.i32Const(-4), op.i32And(), op.set(N4),
    op.get(N2), op.i32Eqz(), op.if(),
    op.get(N), op.i32Eqz(), op.if(), op.f64Const(0), op.return(), op.end(),
    ...scalarTerm(A, B), op.return(),
    op.end(),
    ...vecTerm([op.get(A)], [op.get(B)], 0), op.set(P0),
    op.get(N2), op.i32Const(2), op.i32GtS(), op.if(),
    ...vecTerm([op.get(A)], [op.get(B)], 16), op.set(P1),
    op.i32Const(32), op.set(I),
    op.get(N4), op.i32Const(3), op.i32Shl(), op.set(END),
    op.block(), op.loop(),
    op.get(I), op.get(END), op.i32GeS(), op.brIf(1),
    op.get(P0), ...vecTerm(at(A, [op.get(I)]), at(B, [op.get(I)]), 0), op.f64x2Add(), op.set(P0),
    op.get(P1), ...vecTerm(at(A, [op.get(I)]), at(B, [op.get(I)]), 16), op.f64x2Add(), op.set(P1),
    op.get(I), op.i32Const(32), op.i32Add(), op.set(I),
    op.br(0),
    op.end(), op.end(),
    op.get(P0), op.get(P1), op.f64x2Add(), op.set(P0),
    op.get(N2), op.get(N4), op.i32GtS(), op.if(),
    op.get(P0), ...vecTerm(at(A, [op.get(END)]), at(B, [op.get(END)]), 0), op.f64x2Add(), op.set(P0),
    op.end(),
    op.end(),
    op.get(P0), op.f64x2ExtractLane(0), op.get(P0), op.f64x2ExtractLane(1), op.f64Add(), op.set(RES),
    op.get(N2), op.get(N), op.i32LtS(), op.if(),
    op.get(RES),
    // scalar tail at element n2: addresses a + 8·n2, b + 8·n2
    op.get(A), op.get(N2), op.i32Const(3), op.i32Shl(), op.i32Add(), op.set(A),
    op.get(B), op.get(N2), op.i32Const(3), op.i32Shl(), op.i32Add(), op.set(B),
    ...scalarTerm(A, B), op.f64Add(), op.set(RES),
    op.end(),
    op.get(RES),
  ];
  return { name, params, results: [F64], locals: [I32, I32, I32, I32, V128, V128, F64], body };
}

const dotFn = reduction('dot', [I32, I32, I32],
  (a, b, off) => [...a, op.v128Load(off), ...b, op.v128Load(off), op.f64x2Mul()],
  (a, b) => [op.get(a), op.f64Load(), op.get(b), op.f64Load(), op.f64Mul()]);
const dotSquareFn = reduction('dotSquare', [I32, I32, I32],
  (w, x, off) => [...w, op.v128Load(off), ...x, op.v128Load(off), ...x, op.v128Load(off), op.f64x2Mul(), op.f64x2Mul()],
  (w, x) => [op.get(w), op.f64Load(), op.get(x), op.f64Load(), op.get(x), op.f64Load(), op.f64Mul(), op.f64Mul()]);
const sumFn = reduction('sum', [I32, I32, I32],
  (a, _b, off) => [...a, op.v128Load(off)],
  (a) => [op.get(a), op.f64Load()]);

/** Element-wise update over pairs then a scalar tail: params (dst, s1, s2?, n, d). */
function elementwise(name: string, nPtr: number, vecExpr: (addr: (p: number) => number[][], off: number) => number[][], scalarExpr: (addr: (p: number) => number[][]) => number[][]): WasmFunction {
  // params: 0..nPtr-1 pointers, nPtr = n (i32), nPtr+1 = d (f64); locals: i (byte), end (byte), sd (v128)
  const N = nPtr, D = nPtr + 1, I = nPtr + 2, END = nPtr + 3, SD = nPtr + 4;
  const addr = (p: number): number[][] => [op.get(p), op.get(I), op.i32Add()];
  const body: number[][] = [
    op.get(D), op.f64x2Splat(), op.set(SD),
    op.i32Const(0), op.set(I),
    op.get(N), op.i32Const(-2), op.i32And(), op.i32Const(3), op.i32Shl(), op.set(END),
    op.block(), op.loop(),
    op.get(I), op.get(END), op.i32GeS(), op.brIf(1),
    ...addr(0), ...vecExpr(addr, 0), op.v128Store(0),
    op.get(I), op.i32Const(16), op.i32Add(), op.set(I),
    op.br(0),
    op.end(), op.end(),
    op.get(N), op.i32Const(1), op.i32And(), op.if(),
    ...addr(0), ...scalarExpr(addr), op.f64Store(0),
    op.end(),
  ];
  const params = [...new Array<number>(nPtr).fill(I32), I32, F64];
  return { name, params, results: [], locals: [I32, I32, V128], body };
}

// r -= d·(v·z)
const subScaledProductFn = elementwise('subScaledProduct', 3,
  (a) => [...a(0), op.v128Load(), op.get(7), ...a(1), op.v128Load(), ...a(2), op.v128Load(), op.f64x2Mul(), op.f64x2Mul(), op.f64x2Sub()],
  (a) => [...a(0), op.f64Load(), op.get(4), ...a(1), op.f64Load(), ...a(2), op.f64Load(), op.f64Mul(), op.f64Mul(), op.f64Sub()]);
// r -= d·v
const subScaledFn = elementwise('subScaled', 2,
  (a) => [...a(0), op.v128Load(), op.get(6), ...a(1), op.v128Load(), op.f64x2Mul(), op.f64x2Sub()],
  (a) => [...a(0), op.f64Load(), op.get(3), ...a(1), op.f64Load(), op.f64Mul(), op.f64Sub()]);
// e += b·z
const addScaledFn = elementwise('addScaled', 2,
  (a) => [...a(0), op.v128Load(), op.get(6), ...a(1), op.v128Load(), op.f64x2Mul(), op.f64x2Add()],
  (a) => [...a(0), op.f64Load(), op.get(3), ...a(1), op.f64Load(), op.f64Mul(), op.f64Add()]);

// absDots(r, z0, n, list, count, out): out[list[t]] = |dot(r, z0 + list[t]·n, n)|   (byte addresses; list of i32)
const absDotsFn: WasmFunction = (() => {
  const R = 0, Z0 = 1, N = 2, LIST = 3, COUNT = 4, OUT = 5, T = 6, K = 7;
  const body: number[][] = [
    op.i32Const(0), op.set(T),
    op.block(), op.loop(),
    op.get(T), op.get(COUNT), op.i32GeS(), op.brIf(1),
    op.get(LIST), op.get(T), op.i32Const(2), op.i32Shl(), op.i32Add(), op.i32Load(), op.set(K),
    op.get(OUT), op.get(K), op.i32Const(3), op.i32Shl(), op.i32Add(),
    op.get(R), op.get(Z0), op.get(K), op.get(N), op.i32Mul(), op.i32Const(3), op.i32Shl(), op.i32Add(), op.get(N), op.call(0),
    op.f64Abs(), op.f64Store(),
    op.get(T), op.i32Const(1), op.i32Add(), op.set(T),
    op.br(0),
    op.end(), op.end(),
  ];
  return { name: 'absDots', params: [I32, I32, I32, I32, I32, I32], results: [], locals: [I32, I32], body };
})();

interface WasmExports {
  dot(a: number, b: number, n: number): number;
  dotSquare(w: number, x: number, n: number): number;
  sum(a: number, unused: number, n: number): number;
  subScaledProduct(r: number, v: number, z: number, n: number, d: number): void;
  subScaled(r: number, v: number, n: number, d: number): void;
  addScaled(e: number, z: number, n: number, b: number): void;
  absDots(r: number, z0: number, n: number, list: number, count: number, out: number): void;
}

/** The part of the WebAssembly JS API used here (the project's TypeScript lib has no DOM/WebAssembly types). */
interface WasmMemory { readonly buffer: ArrayBuffer; grow(pages: number): number }
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (d: { initial: number }) => WasmMemory;
  Instance: new (m: object, imports: object) => { exports: unknown };
}

let wasmModule: object | null | undefined;

function wasmApi(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

function compileWasm(): object | null {
  if (wasmModule !== undefined) return wasmModule;
  const api = wasmApi();
  try {
    const bytes = assembleModule([dotFn, dotSquareFn, sumFn, subScaledProductFn, subScaledFn, addScaledFn, absDotsFn]);
    wasmModule = api ? new api.Module(bytes) : null;
  } catch {
    wasmModule = null;
  }
  return wasmModule;
}

function wasmKernels(mod: object): CdKernels {
  const api = wasmApi()!;
  const memory = new api.Memory({ initial: 16 });
  const ex = new api.Instance(mod, { env: { memory } }).exports as WasmExports;
  // the i32 index list for absDots sits after the heap's doubles, at the end of the memory
  let listView = new Int32Array(0);
  let heapDoubles = 0;
  const k: CdKernels = {
    heap: new Float64Array(memory.buffer),
    kind: 'wasm-simd',
    ensure(doubles: number, ints = 0): void {
      if (doubles <= heapDoubles && ints <= listView.length) return;
      const d = Math.max(doubles, heapDoubles);
      const m = Math.max(ints, listView.length, 1024);
      const total = d * 8 + m * 4;
      const cur = memory.buffer.byteLength;
      if (total > cur) memory.grow(Math.ceil((total - cur) / 65536));
      heapDoubles = d;
      k.heap = new Float64Array(memory.buffer, 0, d);
      listView = new Int32Array(memory.buffer, d * 8, m);
    },
    dot: (a, b, n) => ex.dot(a * 8, b * 8, n),
    dotSquare: (w, x, n) => ex.dotSquare(w * 8, x * 8, n),
    sum: (a, n) => ex.sum(a * 8, 0, n),
    subScaledProduct: (r, v, z, n, d) => ex.subScaledProduct(r * 8, v * 8, z * 8, n, d),
    subScaled: (r, v, n, d) => ex.subScaled(r * 8, v * 8, n, d),
    addScaled: (e, z, n, b) => ex.addScaled(e * 8, z * 8, n, b),
    absDots(r, z0, n, index, count, out): void {
      if (count > listView.length) k.ensure(heapDoubles, count);
      listView.set(index.subarray(0, count));
      ex.absDots(r * 8, z0 * 8, n, listView.byteOffset, count, out * 8);
    },
  };
  k.ensure(1024, 1024);
  return k;
}

/**
 * Kernels for one solver run: WebAssembly SIMD when available (and not disabled by `DLRN_NO_WASM=1` or
 * `prefer = "js"`), else JavaScript. Both give identical results.
 */
export function createCdKernels(prefer: 'auto' | 'js' = 'auto'): CdKernels {
  const off = prefer === 'js' || (typeof process !== 'undefined' && process.env.DLRN_NO_WASM === '1');
  const mod = off ? null : compileWasm();
  return mod ? wasmKernels(mod) : jsKernels();
}
