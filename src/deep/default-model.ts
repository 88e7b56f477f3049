import { fileURLToPath } from 'node:url';
import { IMAGENET_MEAN, IMAGENET_STD, type BackboneSpec } from './backbone.js';

/**
 * The default backbone shipped with dlrn: ImageNet MobileNetV2 (int8, ONNX Model Zoo, Apache-2.0), see
 * assets/models/mobilenetv2-12-int8/README.md. Features: 1280-d pooled activations (tensor `464_quantized`,
 * dequantised).
 */
export const DEFAULT_BACKBONE = {
  id: 'mobilenetv2',
  inputSize: [224, 224],
  mean: IMAGENET_MEAN,
  std: IMAGENET_STD,
  featureTensor: '464_quantized',
  path: fileURLToPath(new URL('../../assets/models/mobilenetv2-12-int8/mobilenetv2-12-int8.onnx', import.meta.url)),
} as const satisfies BackboneSpec & { featureTensor: string; path: string };
