import onnxProto from 'onnx-proto';
import { CorruptFileError, InvalidInputError, UnsupportedFormatError } from '../core/errors.js';

const { onnx } = onnxProto;
type ModelProto = InstanceType<typeof onnx.ModelProto>;

/** Name of the graph output dlrn adds for deep features. */
export const FEATURE_OUTPUT_NAME = 'dlrn_features';

/** Where the deep features come from inside a graph. */
export interface FeatureTap {
  /** Tensor holding the pooled activations (e.g. `464_quantized`, or a GlobalAveragePool output). */
  readonly tensor: string;
  /** When the tensor is int8/uint8-quantised: the names of its scale and zero-point tensors. */
  readonly dequantize?: { readonly scale: string; readonly zeroPoint: string };
  /** How it was found: given by the user or detected from a (QLinear)GlobalAveragePool node. */
  readonly source: 'given' | 'detected';
}

/** Decodes ONNX model bytes, with a clear error when they are not an ONNX model. */
export function decodeOnnxModel(bytes: Uint8Array, file?: string): ModelProto {
  let model: ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw new UnsupportedFormatError('the file is not an ONNX model', {
      file, expected: 'an ONNX ModelProto (.onnx)', found: `bytes that do not decode as one (${(e as Error).message})`,
      fix: 'export the network to ONNX (e.g. torch.onnx.export) and pass the .onnx file.', cause: e,
    });
  }
  if (!model.graph || !model.graph.node || model.graph.node.length === 0) {
    throw new CorruptFileError('the ONNX model has no graph nodes', {
      file, expected: 'a model graph with nodes', found: 'an empty graph', fix: 'check that the file is a complete ONNX export.',
    });
  }
  return model;
}

/**
 * Finds the pooled-feature tensor: the given tensor name, or else the output of the last
 * `GlobalAveragePool` / `QLinearGlobalAveragePool` node of the graph (for the quantised op, its
 * output scale and zero point are the node's inputs 3 and 4).
 */
export function findFeatureTap(model: ModelProto, tensor?: string, file?: string): FeatureTap {
  const nodes = model.graph!.node!;
  if (tensor) {
    const producer = nodes.find((n) => (n.output ?? []).includes(tensor));
    const isGraphInput = (model.graph!.input ?? []).some((i) => i.name === tensor);
    if (!producer && !isGraphInput) {
      throw new InvalidInputError(`feature tensor "${tensor}" is not in the model graph`, {
        file, expected: 'the name of a tensor produced by a node', found: `no node produces "${tensor}"`,
        fix: 'list the node outputs with Netron or onnx.helper and pass the pooled-features tensor with --feature-output.',
      });
    }
    if (producer && producer.opType === 'QLinearGlobalAveragePool') {
      return { tensor, dequantize: { scale: producer.input![3], zeroPoint: producer.input![4] }, source: 'given' };
    }
    return { tensor, source: 'given' };
  }
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (n.opType === 'GlobalAveragePool') return { tensor: n.output![0], source: 'detected' };
    if (n.opType === 'QLinearGlobalAveragePool') {
      return { tensor: n.output![0], dequantize: { scale: n.input![3], zeroPoint: n.input![4] }, source: 'detected' };
    }
  }
  throw new InvalidInputError('no global-average-pooling layer found in the model', {
    file, expected: 'a GlobalAveragePool node (or give the feature tensor name)', found: 'none',
    fix: 'pass --feature-output with the name of the pooled-features tensor.',
  });
}

/**
 * Returns new model bytes with one extra graph output, {@link FEATURE_OUTPUT_NAME}, holding the
 * feature tensor as float32 (through a `DequantizeLinear` node when the tensor is quantised).
 * Nothing else in the graph changes, so the original outputs (class logits) are unchanged.
 */
export function addFeatureOutput(model: ModelProto, tap: FeatureTap): Uint8Array {
  const copy = onnx.ModelProto.decode(onnx.ModelProto.encode(model).finish());
  const graph = copy.graph!;
  if ((graph.output ?? []).some((o) => o.name === FEATURE_OUTPUT_NAME)) return onnx.ModelProto.encode(copy).finish();
  let source = tap.tensor;
  if (tap.dequantize) {
    const node = onnx.NodeProto.create({
      opType: 'DequantizeLinear',
      name: 'dlrn_dequantize_features',
      input: [tap.tensor, tap.dequantize.scale, tap.dequantize.zeroPoint],
      output: [`${FEATURE_OUTPUT_NAME}_dq`],
    });
    graph.node!.push(node);
    source = `${FEATURE_OUTPUT_NAME}_dq`;
  }
  // An Identity gives the output its own, stable name whatever the source tensor is called.
  graph.node!.push(onnx.NodeProto.create({ opType: 'Identity', name: 'dlrn_features_identity', input: [source], output: [FEATURE_OUTPUT_NAME] }));
  graph.output!.push(onnx.ValueInfoProto.create({
    name: FEATURE_OUTPUT_NAME,
    type: onnx.TypeProto.create({ tensorType: onnx.TypeProto.Tensor.create({ elemType: onnx.TensorProto.DataType.FLOAT }) }),
  }));
  return onnx.ModelProto.encode(copy).finish();
}
