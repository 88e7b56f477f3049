/**
 * Deep-learning (CNN) features of a lesion, with ONNX Runtime on the CPU.
 *
 * - {@link loadOnnxBackbone}: the shipped ImageNet MobileNetV2 (1280-d) or a user ONNX model.
 * - {@link buildSliceInput}: largest ROI slice, square crop with margin, bilinear resize, CT windows → channels.
 * - {@link extractDeepFeatures} / {@link extractDeepFeaturesBatch}: `dl_<backbone>_<i>` features.
 */
export * from './backbone.js';
export * from './default-model.js';
export * from './onnx-graph.js';
export * from './onnx-backbone.js';
export * from './windows.js';
export * from './slice-input.js';
export * from './embed.js';
export * from './case-features.js';
export * from './batch.js';
