import { assembleModule, type WasmFunction, type WasmImport } from './wasm-assembler.js';
import { WASM_KERNEL_BASE64 } from './wasm-kernel-bytes.js';

/** The part of the WebAssembly JS API used here (the project's TypeScript lib has no WebAssembly types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (d: { initial: number }) => { readonly buffer: ArrayBuffer };
  Instance: new (m: object, imports: object) => { exports: unknown };
}

/** One compiled single-function module and its memory. */
export interface WasmKernel<F> {
  readonly run: F;
  readonly buffer: ArrayBuffer;
}

const kernels = new Map<string, WasmKernel<unknown> | null>();

/**
 * Compiles a one-function WebAssembly module (the function `build()` describes, exported as `name`, importing a memory
 * of `pages` × 64 KiB and the JavaScript functions of `imports`; its bytes from wasm-kernel-bytes.ts when stored there)
 * once per process and name; null where WebAssembly (or the SIMD the function uses) is unavailable, or with
 * `DLRN_NO_WASM=1`, so that the caller takes its JavaScript path.
 */
export function wasmKernel<F>(
  name: string, build: () => WasmFunction, pages = 2, imports: readonly { readonly sig: WasmImport; readonly fn: (...args: number[]) => number }[] = [],
): WasmKernel<F> | null {
  const known = kernels.get(name);
  if (known !== undefined) return known as WasmKernel<F> | null;
  let k: WasmKernel<F> | null = null;
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (api && process.env.DLRN_NO_WASM !== '1') {
    try {
      const stored = WASM_KERNEL_BASE64[name];
      const bytes = stored !== undefined ? Buffer.from(stored, 'base64') : assembleModule([{ ...build(), name }], 1, imports.map((i) => i.sig));
      const memory = new api.Memory({ initial: pages });
      const env: Record<string, unknown> = { memory };
      for (const i of imports) env[i.sig.name] = i.fn;
      const ex = new api.Instance(new api.Module(bytes), { env }).exports as Record<string, F>;
      k = { run: ex[name], buffer: memory.buffer };
    } catch {
      k = null;
    }
  }
  kernels.set(name, k);
  return k;
}
