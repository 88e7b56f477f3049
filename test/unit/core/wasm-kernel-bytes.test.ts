// The stored bytes of the single-function WebAssembly kernels (src/core/wasm-kernel-bytes.ts) against what the
// assembler makes of the kernels' descriptions today: a kernel changed without its stored bytes fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleModule, type WasmFunction, type WasmImport } from '../../../src/core/wasm-assembler.js';
import { WASM_KERNEL_BASE64 } from '../../../src/core/wasm-kernel-bytes.js';
import { int16StatsKernel } from '../../../src/core/int16-stats.js';
import { floatStatsKernel } from '../../../src/core/float-stats.js';
import { gatherKernel } from '../../../src/features/firstorder/gather-wasm.js';
import { digitizeKernel } from '../../../src/preprocess/digitize-wasm.js';
import { momentsKernel } from '../../../src/features/firstorder/moments-wasm.js';
import { levelCountsKernel } from '../../../src/features/firstorder/level-counts-wasm.js';
import { GLCM_WASM_IMPORTS, glcmJointEntropyKernel, glcmRowMomentsKernel } from '../../../src/features/texture/glcm/moments-wasm.js';

const KERNELS: Record<string, () => WasmFunction> = {
  int16StatsS: () => int16StatsKernel(true),
  int16StatsU: () => int16StatsKernel(false),
  floatStats32: () => floatStatsKernel(true),
  floatStats64: () => floatStatsKernel(false),
  gatherMasked: gatherKernel,
  digitizeMasked: digitizeKernel,
  centralMoments: momentsKernel,
  levelCounts: levelCountsKernel,
  glcmRowMoments: glcmRowMomentsKernel,
  glcmJointEntropy: glcmJointEntropyKernel,
};
const IMPORTS: Record<string, readonly WasmImport[]> = { glcmRowMoments: GLCM_WASM_IMPORTS, glcmJointEntropy: GLCM_WASM_IMPORTS };

test('stored WebAssembly kernel bytes: one entry per kernel, each equal to the assembled kernel and a valid module', () => {
  assert.deepEqual(Object.keys(WASM_KERNEL_BASE64).sort(), Object.keys(KERNELS).sort());
  for (const [name, build] of Object.entries(KERNELS)) {
    const assembled = Buffer.from(assembleModule([{ ...build(), name }], 1, IMPORTS[name] ?? [])).toString('base64');
    assert.equal(WASM_KERNEL_BASE64[name], assembled, `${name}: paste the new bytes into src/core/wasm-kernel-bytes.ts:\n  ${name}: '${assembled}',`);
    const bytes = Buffer.from(WASM_KERNEL_BASE64[name], 'base64');
    assert.ok(WebAssembly.validate(bytes), name);
    const exports = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
    assert.deepEqual(exports, [name]);
  }
});
