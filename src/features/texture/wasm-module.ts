/**
 * The texture code's WebAssembly module, assembled from its parts: the eigenvalue functions (common/eigen-wasm.ts,
 * functions 0–3: tridiag, householder, sturm, kth), the MCC matrix (glcm/mcc-wasm.ts, 4: scaled) and the voxel pass
 * (common/pass-wasm.ts, 5–7: findRoot, pass, passAll) and the GLCM integer marginals (glcm/marginals-wasm.ts, 8:
 * glcmMarginals); it imports `env.memory`. The CLI does not assemble it at run
 * time (a one-off run of the assembler is interpreted JavaScript, several milliseconds): common/texture-wasm.ts loads
 * the bytes kept in common/texture-wasm-bytes.ts, which a unit test checks against {@link textureWasmModule}.
 */
import { assembleModule } from '../../core/wasm-assembler.js';
import { EIGEN_WASM_FUNCTIONS } from './common/eigen-wasm.js';
import { passWasmFunctions } from './common/pass-wasm.js';
import { glcmMarginalsFunction } from './glcm/marginals-wasm.js';
import { scaledFunction } from './glcm/mcc-wasm.js';

/** The module bytes. */
export function textureWasmModule(): Uint8Array {
  const first = [...EIGEN_WASM_FUNCTIONS, scaledFunction];
  return assembleModule([...first, ...passWasmFunctions(first.length), glcmMarginalsFunction]);
}
