/**
 * The texture code's WebAssembly kernels (module: ../wasm-module.ts; bytes: texture-wasm-bytes.ts): one module
 * instance and one memory per thread, made on first use and grown as needed up to {@link TEXTURE_WASM_MAX_BYTES}.
 * Callers fall back to their JavaScript code (the same results) when {@link textureWasm} is null (no WebAssembly, or
 * `DLRN_NO_WASM=1`) or a problem does not fit.
 */
import type { EigenWasmExports } from './eigen-wasm.js';
import type { PassWasmExports } from './pass-wasm.js';
import type { GlcmMarginalsExports } from '../glcm/marginals-wasm.js';
import { TEXTURE_WASM_BASE64 } from './texture-wasm-bytes.js';

/** Largest memory the kernels use (64 MiB): bigger problems run in JavaScript (which V8 optimises on such sizes). */
export const TEXTURE_WASM_MAX_BYTES = 64 * 1024 * 1024;

/** The exports of the module. */
export interface TextureWasmExports extends EigenWasmExports, PassWasmExports, GlcmMarginalsExports {
  scaled(c: number, ng: number, total: number, rows: number, sq: number, n: number, a: number): void;
}

/** The part of the WebAssembly JS API used here (the project's TypeScript lib has no WebAssembly types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (d: { initial: number }) => WasmMemory;
  Instance: new (m: object, imports: object) => { exports: unknown };
}

/** The module instance and its memory. */
export class TextureWasm {
  constructor(readonly ex: TextureWasmExports, private readonly memory: WasmMemory) {}

  /** The memory (take it after {@link reserve}: growing replaces the buffer). */
  get buffer(): ArrayBuffer {
    return this.memory.buffer;
  }

  /** Grows the memory to at least `bytes`; false when that is above {@link TEXTURE_WASM_MAX_BYTES} or fails. */
  reserve(bytes: number): boolean {
    if (bytes > TEXTURE_WASM_MAX_BYTES) return false;
    const need = Math.ceil(bytes / 65536) - this.memory.buffer.byteLength / 65536;
    if (need <= 0) return true;
    try {
      this.memory.grow(need);
      return true;
    } catch {
      return false;
    }
  }
}

let instance: TextureWasm | null | undefined;

/** The kernels, instantiated on first use; null without WebAssembly or with `DLRN_NO_WASM=1`. */
export function textureWasm(): TextureWasm | null {
  if (instance !== undefined) return instance;
  instance = null;
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (api && process.env.DLRN_NO_WASM !== '1') {
    try {
      const memory = new api.Memory({ initial: 1 });
      const module = new api.Module(Buffer.from(TEXTURE_WASM_BASE64, 'base64'));
      instance = new TextureWasm(new api.Instance(module, { env: { memory } }).exports as TextureWasmExports, memory);
    } catch {
      instance = null;
    }
  }
  return instance;
}
