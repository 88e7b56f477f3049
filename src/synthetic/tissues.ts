/**
 * Tissue classes of the synthetic head and their attenuation (HU, before the scanner's calibration
 * offset, blur and noise). Each case draws its own tissue means inside these ranges (see `anatomy.ts`).
 *
 * Sources of the ranges: grey ~35 HU / white ~25 HU / CSF 0–15 HU / venous sinus 40–55 HU / acute blood
 * 50–80 HU / perihematomal edema 10–20 HU, as in issue 6; acute clot 56–76 HU (New & Aronow 1976,
 * Radiology 121:635); thrombosed sinus 60–92 HU vs 31–68 HU normal (Black et al. / multicentre NECT
 * study, Indian J Radiol Imaging 2023, doi:10.1055/s-0043-1761184); skull tables ~1200–1500 HU with
 * lower-density diploë (~700–900 HU).
 */
export const Tissue = {
  AIR: 0,
  SCALP: 1,
  FAT: 2,
  BONE: 3,
  DIPLOE: 4,
  CSF: 5,
  GREY: 6,
  WHITE: 7,
  DEEP_GREY: 8,
  VENTRICLE: 9,
  SINUS: 10,
  THROMBUS: 11,
  HEMATOMA: 12,
  EDEMA: 13,
  SAH: 14,
  CALCIFICATION: 15,
  FALX: 16,
  CEREBELLUM: 17,
  MUSCLE: 18,
  LESION: 19,
  /** Output voxel whose slab holds more than one tissue (partial volume). */
  MIXED: 255,
} as const;

export type TissueCode = (typeof Tissue)[keyof typeof Tissue];

/** Names of the tissue codes (for hidden parameters and messages). */
export const TISSUE_NAMES: Readonly<Record<number, string>> = Object.freeze(
  Object.fromEntries(Object.entries(Tissue).map(([k, v]) => [v, k.toLowerCase()])),
);

/** Closed HU interval. */
export interface HuRange {
  readonly lo: number;
  readonly hi: number;
}

/**
 * Nominal HU ranges of the *noise-free, unblurred* value of a voxel made of one tissue only (before the
 * centre's calibration offset). Tests check the generator against these; `anatomy.ts` draws per-case
 * means inside them and keeps smooth variation within them. `edema` covers any brain voxel darkened by
 * edema (its core reaches 10–20 HU); `thrombus` covers isodense (48–60 HU) and dense (≥ 62 HU) clot.
 */
export const TISSUE_HU: Readonly<Record<string, HuRange>> = Object.freeze({
  air: { lo: -1000, hi: -1000 },
  scalp: { lo: 10, hi: 60 },
  fat: { lo: -110, hi: -60 },
  bone: { lo: 1150, hi: 1500 },
  diploe: { lo: 700, hi: 950 },
  csf: { lo: 0, hi: 15 },
  grey: { lo: 29, hi: 43 },
  white: { lo: 19, hi: 32 },
  deep_grey: { lo: 29, hi: 43 },
  ventricle: { lo: 0, hi: 15 },
  sinus: { lo: 40, hi: 58 },
  thrombus: { lo: 48, hi: 88 },
  hematoma: { lo: 50, hi: 80 },
  edema: { lo: 3, hi: 43 },
  sah: { lo: 25, hi: 70 },
  calcification: { lo: 120, hi: 400 },
  falx: { lo: 45, hi: 70 },
  cerebellum: { lo: 27, hi: 40 },
  muscle: { lo: 35, hi: 60 },
  lesion: { lo: 20, hi: 48 },
});
