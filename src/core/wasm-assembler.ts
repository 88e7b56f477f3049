/**
 * A minimal WebAssembly binary writer (enough for the numeric kernels of the glmnet solver and the volume
 * statistics): LEB128
 * integers, the opcodes used, and module sections. Encodings follow the WebAssembly core specification
 * (binary format, §5) and the fixed-width SIMD proposal (opcode prefix 0xFD).
 */

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** Instruction encoders (each returns the bytes of one instruction). */
export const op = {
  block: (): number[] => [0x02, 0x40],
  loop: (): number[] => [0x03, 0x40],
  if: (): number[] => [0x04, 0x40],
  else: (): number[] => [0x05],
  end: (): number[] => [0x0b],
  br: (depth: number): number[] => [0x0c, ...uleb(depth)],
  brIf: (depth: number): number[] => [0x0d, ...uleb(depth)],
  return: (): number[] => [0x0f],
  call: (f: number): number[] => [0x10, ...uleb(f)],
  get: (l: number): number[] => [0x20, ...uleb(l)],
  set: (l: number): number[] => [0x21, ...uleb(l)],
  tee: (l: number): number[] => [0x22, ...uleb(l)],
  i32Load: (offset = 0): number[] => [0x28, 2, ...uleb(offset)],
  i32Load8U: (offset = 0): number[] => [0x2d, 0, ...uleb(offset)],
  i32Store: (offset = 0): number[] => [0x36, 2, ...uleb(offset)],
  f64Load: (offset = 0): number[] => [0x2b, 3, ...uleb(offset)],
  f32Load: (offset = 0): number[] => [0x2a, 2, ...uleb(offset)],
  f64Store: (offset = 0): number[] => [0x39, 3, ...uleb(offset)],
  i32Const: (v: number): number[] => [0x41, ...sleb(v)],
  f64Const: (v: number): number[] => {
    const b = new Uint8Array(new Float64Array([v]).buffer);
    return [0x44, ...b];
  },
  i32Eqz: (): number[] => [0x45],
  i32LtS: (): number[] => [0x48],
  i32GtS: (): number[] => [0x4a],
  i32GeS: (): number[] => [0x4e],
  f64Abs: (): number[] => [0x99],
  f64Floor: (): number[] => [0x9c],
  f64Div: (): number[] => [0xa3],
  f64Ne: (): number[] => [0x62],
  f64Ge: (): number[] => [0x66],
  i32Ne: (): number[] => [0x47],
  f64ConvertI32S: (): number[] => [0xb7],
  /** i32.trunc_sat_f64_s (non-trapping: NaN → 0, out of range → the nearest bound). */
  i32TruncSatF64S: (): number[] => [0xfc, ...uleb(2)],
  f64Lt: (): number[] => [0x63],
  f64Gt: (): number[] => [0x64],
  f64PromoteF32: (): number[] => [0xbb],
  select: (): number[] => [0x1b],
  f64Add: (): number[] => [0xa0],
  f64Sub: (): number[] => [0xa1],
  f64Mul: (): number[] => [0xa2],
  i32Add: (): number[] => [0x6a],
  i32Sub: (): number[] => [0x6b],
  i32Mul: (): number[] => [0x6c],
  i32And: (): number[] => [0x71],
  i32Or: (): number[] => [0x72],
  i32Shl: (): number[] => [0x74],
  v128Load: (offset = 0): number[] => [0xfd, ...uleb(0x00), 3, ...uleb(offset)],
  v128Store: (offset = 0): number[] => [0xfd, ...uleb(0x0b), 3, ...uleb(offset)],
  f64x2Splat: (): number[] => [0xfd, ...uleb(0x14)],
  f64x2ExtractLane: (lane: number): number[] => [0xfd, ...uleb(0x21), lane],
  f64x2Add: (): number[] => [0xfd, ...uleb(0xf0)],
  i32x4Splat: (): number[] => [0xfd, ...uleb(0x11)],
  i32x4Add: (): number[] => [0xfd, ...uleb(0xae)],
  i16x8MinS: (): number[] => [0xfd, ...uleb(0x96)],
  i16x8MinU: (): number[] => [0xfd, ...uleb(0x97)],
  i16x8MaxS: (): number[] => [0xfd, ...uleb(0x98)],
  i16x8MaxU: (): number[] => [0xfd, ...uleb(0x99)],
  i32x4ExtaddPairwiseI16x8S: (): number[] => [0xfd, ...uleb(0x7e)],
  i32x4ExtaddPairwiseI16x8U: (): number[] => [0xfd, ...uleb(0x7f)],
  f64x2Sub: (): number[] => [0xfd, ...uleb(0xf1)],
  f64x2Mul: (): number[] => [0xfd, ...uleb(0xf2)],
};

/** Instructions loading the f64 values at `at`, `at` + 8, ... (one per local) into `locals`. */
export function loadF64Locals(at: number, locals: readonly number[]): number[][] {
  return locals.flatMap((l, i) => [op.i32Const(at), op.f64Load(8 * i), op.set(l)]);
}

/** Instructions storing `locals` as f64 values at `at`, `at` + 8, ... (the inverse of {@link loadF64Locals}). */
export function storeF64Locals(at: number, locals: readonly number[]): number[][] {
  return locals.flatMap((l, i) => [op.i32Const(at), op.get(l), op.f64Store(8 * i)]);
}

/** One function: parameter and result types, extra locals (grouped by type), body instructions. */
export interface WasmFunction {
  readonly name: string;
  readonly params: readonly number[];
  readonly results: readonly number[];
  readonly locals: readonly number[];
  readonly body: readonly (readonly number[])[];
}

function vec(items: readonly (readonly number[])[]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, content: readonly number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function nameBytes(s: string): number[] {
  const b = [...new TextEncoder().encode(s)];
  return [...uleb(b.length), ...b];
}

/** A JavaScript function a module imports (`env.<name>`), with its WebAssembly signature. */
export interface WasmImport {
  readonly name: string;
  readonly params: readonly number[];
  readonly results: readonly number[];
}

/**
 * A module that imports one memory (`env.memory`, at least `minPages` pages) and the functions of `imports` (function
 * indices 0, 1, ... for `op.call`, in that order), and exports the functions by name. Each function gets its own type.
 */
export function assembleModule(funcs: readonly WasmFunction[], minPages = 1, imports: readonly WasmImport[] = []): Uint8Array {
  const signature = (f: WasmImport): number[] => [0x60, ...uleb(f.params.length), ...f.params, ...uleb(f.results.length), ...f.results];
  const types = [...imports.map(signature), ...funcs.map(signature)];
  const importEntries = [
    [...nameBytes('env'), ...nameBytes('memory'), 0x02, 0x00, ...uleb(minPages)],
    ...imports.map((im, t) => [...nameBytes('env'), ...nameBytes(im.name), 0x00, ...uleb(t)]),
  ];
  const k = imports.length;
  const fnIdx = funcs.map((_, i) => uleb(k + i));
  const exports = funcs.map((f, i) => [...nameBytes(f.name), 0x00, ...uleb(k + i)]);
  const codes = funcs.map((f) => {
    const groups: number[][] = [];
    for (const t of f.locals) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0]++; else groups.push([1, t]);
    }
    const body = [...uleb(groups.length), ...groups.flatMap(([c, t]) => [...uleb(c), t]), ...f.body.flat(), 0x0b];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec(importEntries)),
    ...section(3, vec(fnIdx)),
    ...section(7, vec(exports)),
    ...section(10, vec(codes)),
  ]);
}
