// Runs the shipped default backbone (assets/models/mobilenetv2-12-int8, Apache-2.0) with ONNX Runtime.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { loadOnnxBackbone, DEFAULT_BACKBONE } from '../../../src/deep/index.js';
import { FileNotFoundError, InvalidInputError, UnsupportedFormatError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';

const { onnx } = onnxProto;
const tmp = mkdtempSync(join(tmpdir(), 'dlrn-deep-'));

function randomImages(n: number, seed: number): Float32Array {
  const r = Rng.fromSeed(seed);
  const x = new Float32Array(n * 3 * 224 * 224);
  for (let i = 0; i < x.length; i++) x[i] = r.normal(0, 1);
  return x;
}

test('adding the feature output leaves the class logits unchanged', async () => {
  const bb = await loadOnnxBackbone();
  assert.equal(bb.featureDim, 1280);
  assert.equal(bb.id, 'mobilenetv2');
  const original = await ort.InferenceSession.create(readFileSync(DEFAULT_BACKBONE.path), { intraOpNumThreads: 1 });
  const x = randomImages(3, 11);
  const ref = (await original.run({ input: new ort.Tensor('float32', x, [3, 3, 224, 224]) })).output.data as Float32Array;
  const ours = (await bb.runOutputs(x, 3, ['output'])).output;
  assert.equal(ref.length, 3000);
  assert.deepEqual(Array.from(ours), Array.from(ref));
  const f = await bb.embed(x, 3);
  assert.equal(f.length, 3 * 1280);
  assert.ok(f.every(Number.isFinite));
  // Pooled ReLU6 activations are ≥ 0 and not all equal between images.
  assert.ok(f.every((v) => v >= 0));
  assert.notDeepEqual(Array.from(f.subarray(0, 1280)), Array.from(f.subarray(1280, 2560)));
  await original.release();
  await bb.dispose();
});

test('features do not depend on batching', async () => {
  const bb = await loadOnnxBackbone();
  const x = randomImages(2, 5);
  const both = await bb.embed(x, 2);
  const first = await bb.embed(x.subarray(0, 3 * 224 * 224), 1);
  assert.deepEqual(Array.from(both.subarray(0, 1280)), Array.from(first));
  await bb.dispose();
});

test('a missing, non-ONNX or truncated model file is a clear error', async () => {
  await assert.rejects(loadOnnxBackbone({ modelPath: join(tmp, 'nope.onnx') }), FileNotFoundError);
  const junk = join(tmp, 'junk.onnx');
  writeFileSync(junk, Buffer.from('this is not a model at all, just text'));
  await assert.rejects(loadOnnxBackbone({ modelPath: junk }), (e: unknown) => e instanceof UnsupportedFormatError || e instanceof InvalidInputError);
  const truncated = join(tmp, 'trunc.onnx');
  writeFileSync(truncated, readFileSync(DEFAULT_BACKBONE.path).subarray(0, 100_000));
  await assert.rejects(loadOnnxBackbone({ modelPath: truncated }), (e: unknown) => e instanceof UnsupportedFormatError || e instanceof InvalidInputError, 'truncated');
});

function tinyModel(inputShape: number[], withPool: boolean): Uint8Array {
  const dims = inputShape.map((d) => onnx.TensorShapeProto.Dimension.create({ dimValue: d }));
  const vi = (name: string, shape?: typeof dims) => onnx.ValueInfoProto.create({
    name, type: onnx.TypeProto.create({ tensorType: onnx.TypeProto.Tensor.create({ elemType: 1, shape: shape ? onnx.TensorShapeProto.create({ dim: shape }) : undefined }) }),
  });
  const nodes = withPool
    ? [onnx.NodeProto.create({ opType: 'GlobalAveragePool', input: ['x'], output: ['pooled'] }), onnx.NodeProto.create({ opType: 'Relu', input: ['pooled'], output: ['y'] })]
    : [onnx.NodeProto.create({ opType: 'Relu', input: ['x'], output: ['y'] })];
  const model = onnx.ModelProto.create({
    irVersion: 7, opsetImport: [onnx.OperatorSetIdProto.create({ version: 12 })],
    graph: onnx.GraphProto.create({ name: 'tiny', node: nodes, input: [vi('x', dims)], output: [vi('y')] }),
  });
  return onnx.ModelProto.encode(model).finish();
}

test('a model whose input is not an image batch is refused', async () => {
  const vec = join(tmp, 'vector.onnx');
  writeFileSync(vec, tinyModel([1, 10], false));
  await assert.rejects(loadOnnxBackbone({ modelPath: vec, featureOutput: 'y' }), (e: unknown) => e instanceof InvalidInputError && /not an image batch/.test((e as Error).message));
  const gray = join(tmp, 'gray.onnx');
  writeFileSync(gray, tinyModel([1, 1, 32, 32], true));
  await assert.rejects(loadOnnxBackbone({ modelPath: gray }), /1 channels/);
});

test('a user model with a GlobalAveragePool is detected and named after its file', async () => {
  const p = join(tmp, 'My-Net.onnx');
  writeFileSync(p, tinyModel([1, 3, 16, 16], true));
  const bb = await loadOnnxBackbone({ modelPath: p });
  assert.equal(bb.id, 'my_net');
  assert.deepEqual(bb.inputSize, [16, 16]);
  assert.equal(bb.featureDim, 3);
  // GlobalAveragePool of a constant image per channel gives that constant.
  const x = new Float32Array(3 * 256);
  x.fill(1, 0, 256); x.fill(2, 256, 512); x.fill(3, 512);
  assert.deepEqual(Array.from(await bb.embed(x, 1)), [1, 2, 3]);
  await bb.dispose();
});
