/**
 * A CNN backbone that turns preprocessed 2D images into feature vectors (global-average-pooled
 * activations of an ImageNet network, as in the DLRN literature).
 */
export interface BackboneSpec {
  /** Short id used in feature names `dl_<id>_<i>` (letters, digits, underscores). */
  readonly id: string;
  /** Network input height and width in pixels. */
  readonly inputSize: readonly [number, number];
  /** Per-channel mean subtracted from [0,1] intensities (ImageNet: 0.485, 0.456, 0.406). */
  readonly mean: readonly [number, number, number];
  /** Per-channel standard deviation dividing them (ImageNet: 0.229, 0.224, 0.225). */
  readonly std: readonly [number, number, number];
}

export interface Backbone extends BackboneSpec {
  /** Length of one feature vector. */
  readonly featureDim: number;
  /** Identity of the weights (sha256 of the model file), for provenance. */
  readonly modelSha256: string;
  /**
   * Features of a batch: `batch` holds n images as float32 NCHW [n, 3, H, W] (already normalised);
   * resolves to n·featureDim values, image after image.
   */
  embed(batch: Float32Array, n: number): Promise<Float32Array>;
  /** Runs the network and returns named original outputs (e.g. class logits), for checks. */
  runOutputs(batch: Float32Array, n: number, names: readonly string[]): Promise<Record<string, Float32Array>>;
  /** Frees the native session. */
  dispose(): Promise<void>;
}

/** ImageNet normalisation constants (torchvision). */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;
