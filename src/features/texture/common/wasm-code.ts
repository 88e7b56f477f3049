/**
 * Helpers to write the texture code's WebAssembly kernels with the project's wasm writer
 * (src/core/wasm-assembler.ts): the opcodes it lacks (f64 division, square root, comparisons, conversions; encodings
 * from the WebAssembly core specification, binary format §5.4) and a few structured pieces (named locals, counted
 * loops, addressing of f64/i32 arrays by element index). A kernel is a list of instructions, each an array of bytes.
 */
import { F64, I32, op, uleb, type WasmFunction } from '../../../core/wasm-assembler.js';

/** Instructions (each an array of bytes), as {@link WasmFunction.body} takes them. */
export type Code = readonly (readonly number[])[];

/** Opcodes not in the shared writer's `op` (all without immediates except the store). */
export const op2 = {
  f64Div: (): number[] => [0xa3],
  f64Sqrt: (): number[] => [0x9f],
  f64Min: (): number[] => [0xa4],
  f64Max: (): number[] => [0xa5],
  f64Eq: (): number[] => [0x61],
  f64Lt: (): number[] => [0x63],
  f64Gt: (): number[] => [0x64],
  f64Le: (): number[] => [0x65],
  f64Ge: (): number[] => [0x66],
  f64ConvertI32S: (): number[] => [0xb7],
  i32LeS: (): number[] => [0x4c],
  i32Eq: (): number[] => [0x46],
  i32Ne: (): number[] => [0x47],
  i32Or: (): number[] => [0x72],
  f64Neg: (): number[] => [0x9a],
  i32Store: (offset = 0): number[] => [0x36, 2, ...uleb(offset)],
};

/** Name → local index of a function's parameters and declared locals, in that order. */
export type Locals<K extends string> = Readonly<Record<K, number>>;

/**
 * A {@link WasmFunction} with named parameters and locals: `params` and `locals` map names to value types (I32/F64),
 * `body` receives the name → index map.
 */
export function wasmFunction<P extends string, L extends string>(
  name: string, params: Readonly<Record<P, number>>, results: readonly number[], locals: Readonly<Record<L, number>>,
  body: (l: Locals<P | L>) => Code,
): WasmFunction {
  const names = [...Object.keys(params), ...Object.keys(locals)] as (P | L)[];
  const index = Object.fromEntries(names.map((k, i) => [k, i])) as Record<P | L, number>;
  return {
    name,
    params: Object.values(params) as number[],
    results,
    locals: Object.values(locals) as number[],
    body: body(index),
  };
}

/** `for (i = from; i < to; i++) body` (i an i32 local; `from`, `to` i32 expressions; `to` is re-evaluated each step). */
export function forRange(i: number, from: Code, to: Code, body: Code): Code {
  return [
    ...from, op.set(i),
    op.block(), op.loop(),
    op.get(i), ...to, op.i32GeS(), op.brIf(1),
    ...body,
    op.get(i), op.i32Const(1), op.i32Add(), op.set(i),
    op.br(0), op.end(), op.end(),
  ];
}

/** Byte address base + 8·index (f64 element `index` of the array at byte address `base`; both i32 expressions). */
export function f64Addr(base: Code, index: Code): Code {
  return [...base, ...index, op.i32Const(3), op.i32Shl(), op.i32Add()];
}

/** Byte address base + 4·index (i32 element). */
export function i32Addr(base: Code, index: Code): Code {
  return [...base, ...index, op.i32Const(2), op.i32Shl(), op.i32Add()];
}

/** Value of f64 element `index` of the array at `base`. */
export function loadF64(base: Code, index: Code): Code {
  return [...f64Addr(base, index), op.f64Load()];
}

/** Stores the f64 `value` at element `index` of the array at `base`. */
export function storeF64(base: Code, index: Code, value: Code): Code {
  return [...f64Addr(base, index), ...value, op.f64Store()];
}

/** Value of i32 element `index` of the array at `base`. */
export function loadI32(base: Code, index: Code): Code {
  return [...i32Addr(base, index), op.i32Load()];
}

/** get local. */
export const get = (l: number): Code => [op.get(l)];
/** i32 constant. */
export const i32 = (v: number): Code => [op.i32Const(v)];
/** row·n + col (i32). */
export const rowMajor = (row: Code, n: Code, col: Code): Code => [...row, ...n, op.i32Mul(), ...col, op.i32Add()];

export { F64, I32, op };

/** Stores the i32 `value` at element `index` of the array at `base`. */
export function storeI32(base: Code, index: Code, value: Code): Code {
  return [...i32Addr(base, index), ...value, op2.i32Store()];
}

/** Adds the i32 `amount` to element `index` of the i32 array at `base` (the address is computed once, in `scratch`). */
export function addI32(base: Code, index: Code, amount: Code, scratch: number): Code {
  return [...i32Addr(base, index), op.tee(scratch), op.get(scratch), op.i32Load(), ...amount, op.i32Add(), op2.i32Store()];
}
