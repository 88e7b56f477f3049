/**
 * WebAssembly version of the per-direction voxel pass of pass-kernels.ts ({@link directionPass}): co-occurrence
 * counts, union-find of equal-level neighbours, neighbour tallies and run lengths, with the same integer operations,
 * so the same products. WebAssembly runs at machine speed from its first call; the JavaScript pass spends much of a
 * small ROI's few thousand voxels in V8's interpreter and baseline tiers.
 *
 * Arrays are i32 arrays in the module's memory, passed as byte addresses.
 */
import type { WasmFunction } from '../../../core/wasm-assembler.js';
import {
  type Code, F64, I32, addI32, forRange, get, i32, loadI32, op, op2, rowMajor, storeI32, wasmFunction,
} from './wasm-code.js';

/** local − c (i32). */
function minus(local: number, c: number): Code {
  return [op.get(local), op.i32Const(c), op.i32Sub()];
}

/** `findRoot(parent, a) → root`: the root of a's set, halving the path on the way (findRoot of pass-kernels.ts). */
const findRoot = wasmFunction('findRoot', { parent: I32, a: I32 }, [I32], { r: I32, up: I32 }, (l) => [
  op.get(l.a), op.set(l.r),
  op.block(), op.loop(),
  ...loadI32(get(l.parent), get(l.r)), op.tee(l.up), op.get(l.r), op2.i32Eq(), op.brIf(1),
  ...storeI32(get(l.parent), get(l.r), loadI32(get(l.parent), get(l.up))),
  ...loadI32(get(l.parent), get(l.r)), op.set(l.r),
  op.br(0), op.end(), op.end(),
  op.get(l.r),
]);

/**
 * `pass(levels, voxels, from, to, off, ng, alpha, stride, cooc, parent, tallies, runs, doCooc, doZones, doTally, doRuns)
 * → longest run`: {@link directionPass} of pass-kernels.ts over voxels[from..to) for the index offset `off`; the
 * `do…` flags (0/1) say which products are computed. `findRootIndex` is findRoot's index in the module.
 */
function passFunction(findRootIndex: number): WasmFunction {
  return wasmFunction(
    'pass',
    {
      levels: I32, voxels: I32, from: I32, to: I32, off: I32, ng: I32, alpha: F64, stride: I32,
      cooc: I32, parent: I32, tallies: I32, runs: I32, doCooc: I32, doZones: I32, doTally: I32, doRuns: I32,
    },
    [I32],
    { t: I32, v: I32, g: I32, w: I32, h: I32, ra: I32, rb: I32, add: I32, len: I32, u: I32, longest: I32, at: I32 },
    (l) => [...forRange(l.t, get(l.from), get(l.to), [
      ...loadI32(get(l.voxels), get(l.t)), op.set(l.v),
      ...loadI32(get(l.levels), get(l.v)), op.set(l.g),
      op.get(l.v), op.get(l.off), op.i32Add(), op.set(l.w),
      ...loadI32(get(l.levels), get(l.w)), op.set(l.h),
      op.get(l.h), op.if(),
      // co-occurrence (g, h)
      op.get(l.doCooc), op.if(),
      ...addI32(get(l.cooc), [...rowMajor(minus(l.g, 1), get(l.ng), get(l.h)), op.i32Const(1), op.i32Sub()], i32(1), l.at),
      op.end(),
      // union of v and w when their levels are equal and their parents differ (union by smallest root)
      op.get(l.doZones), op.get(l.h), op.get(l.g), op2.i32Eq(), op.i32And(), op.if(),
      ...loadI32(get(l.parent), get(l.v)), ...loadI32(get(l.parent), get(l.w)), op2.i32Ne(), op.if(),
      op.get(l.parent), op.get(l.v), op.call(findRootIndex), op.set(l.ra),
      op.get(l.parent), op.get(l.w), op.call(findRootIndex), op.set(l.rb),
      op.get(l.ra), op.get(l.rb), op.i32LtS(), op.if(),
      ...storeI32(get(l.parent), get(l.rb), get(l.ra)),
      op.else(),
      op.get(l.rb), op.get(l.ra), op.i32LtS(), op.if(), ...storeI32(get(l.parent), get(l.ra), get(l.rb)), op.end(),
      op.end(),
      op.end(),
      op.end(),
      // tallies of both voxels: one neighbour (+ TALLY_DEPENDENT when |g − h| ≤ α) and the other's level
      op.get(l.doTally), op.if(),
      op.i32Const(1), op.set(l.add),
      op.get(l.g), op.get(l.h), op.i32Sub(), op.set(l.len), // |g − h| (len as scratch)
      op.get(l.len), op.i32Const(0), op.i32LtS(), op.if(), op.i32Const(0), op.get(l.len), op.i32Sub(), op.set(l.len), op.end(),
      op.get(l.len), op2.f64ConvertI32S(), op.get(l.alpha), op2.f64Le(), op.if(), op.i32Const(0x10001), op.set(l.add), op.end(),
      ...addI32(get(l.tallies), [op.get(l.v), op.i32Const(1), op.i32Shl()], get(l.add), l.at),
      ...addI32(get(l.tallies), [op.get(l.w), op.i32Const(1), op.i32Shl()], get(l.add), l.at),
      ...addI32(get(l.tallies), [op.get(l.v), op.i32Const(1), op.i32Shl(), op.i32Const(1), op.i32Add()], get(l.h), l.at),
      ...addI32(get(l.tallies), [op.get(l.w), op.i32Const(1), op.i32Shl(), op.i32Const(1), op.i32Add()], get(l.g), l.at),
      op.end(),
      op.end(),
      // a run ends at v when its successor has another level; its length by walking back
      op.get(l.doRuns), op.get(l.h), op.get(l.g), op2.i32Ne(), op.i32And(), op.if(),
      op.i32Const(0), op.set(l.len),
      op.get(l.v), op.set(l.u),
      op.loop(),
      op.get(l.len), op.i32Const(1), op.i32Add(), op.set(l.len),
      op.get(l.u), op.get(l.off), op.i32Sub(), op.set(l.u),
      ...loadI32(get(l.levels), get(l.u)), op.get(l.g), op2.i32Eq(), op.brIf(0),
      op.end(),
      ...addI32(get(l.runs), [...rowMajor(minus(l.g, 1), get(l.stride), get(l.len)), op.i32Const(1), op.i32Sub()], i32(1), l.at),
      op.get(l.len), op.get(l.longest), op.i32GtS(), op.if(), op.get(l.len), op.set(l.longest), op.end(),
      op.end(),
    ]), op.get(l.longest)],
  );
}

/**
 * `passAll(levels, voxels, nvox, offsets, nOff, ng, alpha, stride, coocs, coocSize, parent, tallies, runs, runSize,
 * longest, doCooc, doZones, doTally, doRuns)`: `pass` over all voxels for each of the nOff offsets in turn; direction k
 * adds to the co-occurrence matrix at coocs + 4·k·coocSize and the run matrix at runs + 4·k·runSize (sizes in
 * elements), and writes its longest run to longest[k]. The products do not depend on the order of the voxels and directions (integer counts; a union-find
 * whose sets and roots are order-independent).
 */
function passAllFunction(passIndex: number): WasmFunction {
  return wasmFunction(
    'passAll',
    {
      levels: I32, voxels: I32, nvox: I32, offsets: I32, nOff: I32, ng: I32, alpha: F64, stride: I32,
      coocs: I32, coocSize: I32, parent: I32, tallies: I32, runs: I32, runSize: I32, longest: I32,
      doCooc: I32, doZones: I32, doTally: I32, doRuns: I32,
    },
    [],
    { k: I32 },
    (l) => forRange(l.k, i32(0), get(l.nOff), storeI32(get(l.longest), get(l.k), [
      op.get(l.levels), op.get(l.voxels), op.i32Const(0), op.get(l.nvox), ...loadI32(get(l.offsets), get(l.k)),
      op.get(l.ng), op.get(l.alpha), op.get(l.stride),
      op.get(l.coocs), op.get(l.k), op.get(l.coocSize), op.i32Mul(), op.i32Const(2), op.i32Shl(), op.i32Add(),
      op.get(l.parent), op.get(l.tallies),
      op.get(l.runs), op.get(l.k), op.get(l.runSize), op.i32Mul(), op.i32Const(2), op.i32Shl(), op.i32Add(),
      op.get(l.doCooc), op.get(l.doZones), op.get(l.doTally), op.get(l.doRuns),
      op.call(passIndex),
    ])),
  );
}

/** The pass functions placed at index `base` of a module: findRoot (base), pass (base + 1), passAll (base + 2). */
export function passWasmFunctions(base: number): WasmFunction[] {
  return [findRoot, passFunction(base), passAllFunction(base + 1)];
}

/** The exports of {@link passWasmFunctions} used from JavaScript (addresses in bytes, flags 0/1). */
export interface PassWasmExports {
  passAll(
    levels: number, voxels: number, nvox: number, offsets: number, nOff: number, ng: number, alpha: number, stride: number,
    coocs: number, coocSize: number, parent: number, tallies: number, runs: number, runSize: number, longest: number,
    doCooc: number, doZones: number, doTally: number, doRuns: number,
  ): void;
}
