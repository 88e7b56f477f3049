import { createHash } from 'node:crypto';
import { InvalidInputError, MaskError } from '../../core/errors.js';
import { indexToPhysical } from '../../core/geometry.js';
import type { Mask } from '../../core/mask.js';
import { SOP, T } from './tags.js';
import { DLRN_IMPLEMENTATION_UID, uidFromName } from './uid.js';
import { encodePart10, type DicomItem, type DicomValue } from './write-dataset.js';

/** A coded concept (PS3.3 Code Sequence Macro). */
export interface CodedConcept {
  readonly value: string;
  readonly scheme: string;
  readonly meaning: string;
}

/** Options of {@link encodeDicomSeg}. */
export interface DicomSegOptions {
  /** SegmentLabel. Default `"ROI"`. */
  readonly segmentLabel?: string;
  /** SegmentNumber. Default 1. */
  readonly segmentNumber?: number;
  /** SegmentAlgorithmType. Default `MANUAL`. */
  readonly algorithmType?: 'MANUAL' | 'SEMIAUTOMATIC' | 'AUTOMATIC';
  /** SegmentAlgorithmName (required by the standard unless MANUAL). Default `"dlrn"`. */
  readonly algorithmName?: string;
  /** SegmentedPropertyCategory. Default SCT 49755003 "Morphologically Altered Structure". */
  readonly category?: CodedConcept;
  /** SegmentedPropertyType. Default SCT 4147007 "Mass". */
  readonly propertyType?: CodedConcept;
  /** SeriesDescription. Default `"dlrn segmentation"`. */
  readonly seriesDescription?: string;
  /** Identity of the source image, copied so viewers attach the SEG to it. All optional. */
  readonly reference?: {
    readonly patientId?: string;
    readonly patientName?: string;
    readonly studyInstanceUid?: string;
    readonly frameOfReferenceUid?: string;
  };
  /** ContentDate/ContentTime (DICOM DA and TM). Default "19700101"/"000000" for reproducible files. */
  readonly contentDate?: string;
  readonly contentTime?: string;
}

const DEFAULT_CATEGORY: CodedConcept = { value: '49755003', scheme: 'SCT', meaning: 'Morphologically Altered Structure' };
const DEFAULT_TYPE: CodedConcept = { value: '4147007', scheme: 'SCT', meaning: 'Mass' };

type El = readonly [string, DicomValue];
const item = (entries: [number, El][]): DicomItem => new Map(entries);
const code = (c: CodedConcept): DicomItem[] => [item([[T.CodeValue, ['SH', c.value]], [T.CodingSchemeDesignator, ['SH', c.scheme]], [T.CodeMeaning, ['LO', c.meaning]]])];
/** A decimal string (DS) of at most 16 characters with as many significant digits as fit. */
function ds(x: number): string {
  for (let p = 15; p >= 1; p--) {
    const s = String(Number(x.toPrecision(p)) + 0);
    if (s.length <= 16) return s;
  }
  return '0';
}

/**
 * Encodes a binary mask as a DICOM Segmentation object (PS3.3 A.51, SegmentationType BINARY,
 * explicit VR little endian), one frame per slice that contains the ROI, with shared functional groups
 * (PixelMeasures, PlaneOrientation) and per-frame groups (PlanePosition, SegmentIdentification,
 * FrameContent). UIDs are derived from the mask content and options, so the output is reproducible.
 *
 * @throws MaskError for an empty mask.
 */
export function encodeDicomSeg(mask: Mask, opts: DicomSegOptions = {}): Uint8Array {
  const [nx, ny, nz] = mask.size;
  const segNo = opts.segmentNumber ?? 1;
  if (!Number.isInteger(segNo) || segNo < 1 || segNo > 65535) throw new InvalidInputError('the segment number must be an integer 1..65535', { found: String(segNo) });
  const slices: number[] = [];
  for (let k = 0; k < nz; k++) {
    const s = mask.data.subarray(k * nx * ny, (k + 1) * nx * ny);
    if (s.some((v) => v !== 0)) slices.push(k);
  }
  if (slices.length === 0) throw new MaskError('cannot write an empty mask as DICOM SEG', { expected: 'at least one voxel in the mask', found: '0 voxels' });
  const hash = createHash('sha256').update(mask.data).update(JSON.stringify([mask.size, mask.spacing, mask.origin, mask.direction, opts])).digest('hex');
  const ref = opts.reference ?? {};
  const sopInstanceUid = uidFromName(`dlrn seg instance ${hash}`);
  const seriesUid = uidFromName(`dlrn seg series ${hash}`);
  const studyUid = ref.studyInstanceUid ?? uidFromName(`dlrn seg study ${hash}`);
  const forUid = ref.frameOfReferenceUid ?? uidFromName(`dlrn seg frame of reference ${hash}`);
  const dimOrgUid = uidFromName(`dlrn seg dimension organization ${hash}`);
  const d = mask.direction;
  const iop = [d[0], d[3], d[6], d[1], d[4], d[7]].map(ds).join('\\');
  const pixelSpacing = `${ds(mask.spacing[1])}\\${ds(mask.spacing[0])}`;

  // pixel data: frames of nx × ny bits, packed LSB first, continuous across frames (PS3.5 §8.1.1)
  const nbits = slices.length * nx * ny;
  const pixels = new Uint8Array(Math.ceil(nbits / 8));
  let bit = 0;
  for (const k of slices) {
    const base = k * nx * ny;
    for (let p = 0; p < nx * ny; p++, bit++) if (mask.data[base + p] !== 0) pixels[bit >> 3] |= 1 << (bit & 7);
  }
  const perFrame = slices.map((k, f) => {
    const ipp = indexToPhysical(mask, [0, 0, k]).map(ds).join('\\');
    return item([
      [T.FrameContentSequence, ['SQ', [item([[T.DimensionIndexValues, ['UL', [1, f + 1]]]])]]],
      [T.PlanePositionSequence, ['SQ', [item([[T.ImagePositionPatient, ['DS', ipp]]])]]],
      [T.SegmentIdentificationSequence, ['SQ', [item([[T.ReferencedSegmentNumber, ['US', [segNo]]]])]]],
    ]);
  });
  const algorithmType = opts.algorithmType ?? 'MANUAL';
  const segment: [number, El][] = [
    [T.SegmentNumber, ['US', [segNo]]],
    [T.SegmentLabel, ['LO', opts.segmentLabel ?? 'ROI']],
    [T.SegmentAlgorithmType, ['CS', algorithmType]],
    [T.SegmentedPropertyCategoryCodeSequence, ['SQ', code(opts.category ?? DEFAULT_CATEGORY)]],
    [T.SegmentedPropertyTypeCodeSequence, ['SQ', code(opts.propertyType ?? DEFAULT_TYPE)]],
  ];
  if (algorithmType !== 'MANUAL') segment.push([T.SegmentAlgorithmName, ['LO', opts.algorithmName ?? 'dlrn']]);
  const date = opts.contentDate ?? '19700101';
  const time = opts.contentTime ?? '000000';
  const entries: [number, El][] = [
    [T.SpecificCharacterSet, ['CS', 'ISO_IR 192']],
    [T.ImageType, ['CS', 'DERIVED\\PRIMARY']],
    [T.SOPClassUID, ['UI', SOP.Segmentation]],
    [T.SOPInstanceUID, ['UI', sopInstanceUid]],
    [T.StudyDate, ['DA', date]], [T.SeriesDate, ['DA', date]], [T.ContentDate, ['DA', date]],
    [T.StudyTime, ['TM', time]], [T.ContentTime, ['TM', time]],
    [T.AccessionNumber, ['SH', '']],
    [T.Modality, ['CS', 'SEG']],
    [T.Manufacturer, ['LO', 'dlrn']],
    [T.ReferringPhysicianName, ['PN', '']],
    [T.SeriesDescription, ['LO', opts.seriesDescription ?? 'dlrn segmentation']],
    [T.ManufacturerModelName, ['LO', 'dlrn']],
    [T.PatientName, ['PN', ref.patientName ?? '']],
    [T.PatientID, ['LO', ref.patientId ?? '']],
    [T.PatientBirthDate, ['DA', '']],
    [T.PatientSex, ['CS', '']],
    [T.DeviceSerialNumber, ['LO', '0']],
    [T.SoftwareVersions, ['LO', 'dlrn']],
    [T.StudyInstanceUID, ['UI', studyUid]],
    [T.SeriesInstanceUID, ['UI', seriesUid]],
    [T.StudyID, ['SH', '']],
    [T.SeriesNumber, ['IS', '300']],
    [T.InstanceNumber, ['IS', '1']],
    [T.FrameOfReferenceUID, ['UI', forUid]],
    [T.PositionReferenceIndicator, ['LO', '']],
    [T.DimensionOrganizationSequence, ['SQ', [item([[T.DimensionOrganizationUID, ['UI', dimOrgUid]]])]]],
    [T.DimensionIndexSequence, ['SQ', [
      item([[T.DimensionOrganizationUID, ['UI', dimOrgUid]], [T.DimensionIndexPointer, ['AT', [T.ReferencedSegmentNumber]]], [T.FunctionalGroupPointer, ['AT', [T.SegmentIdentificationSequence]]]]),
      item([[T.DimensionOrganizationUID, ['UI', dimOrgUid]], [T.DimensionIndexPointer, ['AT', [T.ImagePositionPatient]]], [T.FunctionalGroupPointer, ['AT', [T.PlanePositionSequence]]]]),
    ]]],
    [T.SamplesPerPixel, ['US', [1]]],
    [T.PhotometricInterpretation, ['CS', 'MONOCHROME2']],
    [T.NumberOfFrames, ['IS', String(slices.length)]],
    [T.Rows, ['US', [ny]]],
    [T.Columns, ['US', [nx]]],
    [T.BitsAllocated, ['US', [1]]],
    [T.BitsStored, ['US', [1]]],
    [T.HighBit, ['US', [0]]],
    [T.PixelRepresentation, ['US', [0]]],
    [T.LossyImageCompression, ['CS', '00']],
    [T.SegmentationType, ['CS', 'BINARY']],
    [T.SegmentSequence, ['SQ', [item(segment)]]],
    [T.ContentLabel, ['CS', 'ROI']],
    [T.ContentDescription, ['LO', opts.segmentLabel ?? 'ROI']],
    [T.ContentCreatorName, ['PN', '']],
    [T.SharedFunctionalGroupsSequence, ['SQ', [item([
      [T.PixelMeasuresSequence, ['SQ', [item([
        [T.SliceThickness, ['DS', ds(mask.spacing[2])]],
        [T.SpacingBetweenSlices, ['DS', ds(mask.spacing[2])]],
        [T.PixelSpacing, ['DS', pixelSpacing]],
      ])]]],
      [T.PlaneOrientationSequence, ['SQ', [item([[T.ImageOrientationPatient, ['DS', iop]]])]]],
    ])]]],
    [T.PerFrameFunctionalGroupsSequence, ['SQ', perFrame]],
    [T.PixelData, ['OB', pixels]],
  ];
  return encodePart10(item(entries), SOP.Segmentation, sopInstanceUid, DLRN_IMPLEMENTATION_UID);
}
