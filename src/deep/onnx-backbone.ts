import { createHash } from 'node:crypto';
import * as ort from 'onnxruntime-node';
import { InvalidInputError } from '../core/errors.js';
import { IMAGENET_MEAN, IMAGENET_STD, type Backbone, type BackboneSpec } from './backbone.js';
import { DEFAULT_BACKBONE } from './default-model.js';
import { addFeatureOutput, decodeOnnxModel, FEATURE_OUTPUT_NAME, findFeatureTap } from './onnx-graph.js';
import { readFileChecked } from '../core/read-file.js';

/** Options of {@link loadOnnxBackbone}. Without `modelPath`, the shipped MobileNetV2 is used. */
export interface OnnxBackboneOptions {
  /** Path of a user ONNX model; default: the shipped ImageNet MobileNetV2. */
  readonly modelPath?: string;
  /** Id used in feature names (default: `mobilenetv2`, or the model file name). */
  readonly id?: string;
  /** Input size [H, W] when the model's input has symbolic spatial dimensions. */
  readonly inputSize?: readonly [number, number];
  /** Channel normalisation (default ImageNet). */
  readonly mean?: readonly [number, number, number];
  readonly std?: readonly [number, number, number];
  /** Tensor with the pooled features; default: detected from the last (QLinear)GlobalAveragePool. */
  readonly featureOutput?: string;
  /** ONNX Runtime intra-op threads (default 1: deterministic and best for one worker per core). */
  readonly threads?: number;
}

/**
 * Loads an ONNX backbone with ONNX Runtime (CPU) and adds a graph output for its pooled features.
 * Errors: FileNotFoundError (missing file), UnsupportedFormatError (not ONNX),
 * InvalidInputError (input not [N, 3, H, W], no pooling layer found, feature output not a vector).
 */
export async function loadOnnxBackbone(opts: OnnxBackboneOptions = {}): Promise<Backbone> {
  const isDefault = opts.modelPath === undefined;
  const path = opts.modelPath ?? DEFAULT_BACKBONE.path;
  const bytes = readFileChecked(path, 'an ONNX model file');
  const model = decodeOnnxModel(bytes, path);
  const tap = findFeatureTap(model, opts.featureOutput ?? (isDefault ? DEFAULT_BACKBONE.featureTensor : undefined), path);
  const withFeatures = addFeatureOutput(model, tap);
  const threads = opts.threads ?? 1;
  const session = await ort.InferenceSession.create(withFeatures, {
    intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all',
  }).catch((e: Error) => {
    throw new InvalidInputError('ONNX Runtime cannot load the model', { file: path, found: e.message, fix: 'check the model with onnx.checker and export it with a supported opset.' });
  });
  const inputName = session.inputNames[0];
  const inputSize = resolveInputSize(session, inputName, opts.inputSize, path);
  const spec: BackboneSpec = {
    id: sanitiseId(opts.id ?? (isDefault ? DEFAULT_BACKBONE.id : baseName(path))),
    inputSize,
    mean: opts.mean ?? IMAGENET_MEAN,
    std: opts.std ?? IMAGENET_STD,
  };
  const [h, w] = inputSize;
  const run = async (batch: Float32Array, n: number, names: readonly string[]) => {
    if (batch.length !== n * 3 * h * w) {
      throw new InvalidInputError('batch size does not match the network input', { expected: `${n}×3×${h}×${w} values`, found: `${batch.length}` });
    }
    const out = await session.run({ [inputName]: new ort.Tensor('float32', batch, [n, 3, h, w]) }, [...names]);
    const res: Record<string, Float32Array> = {};
    for (const name of names) res[name] = out[name].data as Float32Array;
    return res;
  };
  // Probe once to learn the feature size and check the output is a pooled vector per image.
  const probe = await run(new Float32Array(3 * h * w), 1, [FEATURE_OUTPUT_NAME]).catch((e: Error) => {
    throw new InvalidInputError('the model cannot run on a [1, 3, H, W] input', { file: path, found: e.message, fix: 'give --input-size matching the model, or a model with an image input.' });
  });
  const featureDim = probe[FEATURE_OUTPUT_NAME].length;
  if (featureDim < 2) {
    throw new InvalidInputError('the feature output is not a vector', { file: path, found: `${featureDim} value(s) per image`, fix: 'pass the pooled-features tensor with --feature-output.' });
  }
  return {
    ...spec,
    featureDim,
    modelSha256: createHash('sha256').update(bytes).digest('hex'),
    async embed(batch, n) {
      const r = await run(batch, n, [FEATURE_OUTPUT_NAME]);
      const f = r[FEATURE_OUTPUT_NAME];
      if (f.length !== n * featureDim) throw new InvalidInputError('unexpected feature output size', { expected: `${n * featureDim}`, found: `${f.length}` });
      return f;
    },
    runOutputs: run,
    async dispose() {
      await session.release();
    },
  };
}

function resolveInputSize(session: ort.InferenceSession, inputName: string, given: readonly [number, number] | undefined, file: string): readonly [number, number] {
  const meta = (session.inputMetadata as unknown as Array<{ name: string; isTensor: boolean; shape?: Array<number | string> }>).find((m) => m.name === inputName);
  const shape = meta?.shape ?? [];
  const bad = (found: string) => new InvalidInputError('the model input is not an image batch', {
    file, expected: 'a float input of shape [N, 3, H, W]', found, fix: 'export the backbone with an NCHW RGB input.',
  });
  if (!meta?.isTensor || shape.length !== 4) throw bad(`input "${inputName}" with shape [${shape.join(', ')}]`);
  if (typeof shape[1] === 'number' && shape[1] !== 3) throw bad(`${shape[1]} channels`);
  const h = typeof shape[2] === 'number' ? shape[2] : given?.[0];
  const w = typeof shape[3] === 'number' ? shape[3] : given?.[1];
  if (!h || !w) throw bad(`symbolic spatial size [${shape.join(', ')}] and no --input-size`);
  if (given && (given[0] !== h || given[1] !== w)) throw bad(`fixed input ${h}×${w}, but --input-size ${given[0]}×${given[1]}`);
  return [h, w];
}

function baseName(p: string): string {
  return p.replace(/^.*[\\/]/, '').replace(/\.onnx$/i, '');
}

function sanitiseId(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'model';
}
