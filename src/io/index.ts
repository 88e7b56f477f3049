/**
 * Medical image IO: NIfTI-1, NRRD and DICOM (CT series, RTSTRUCT, SEG) to and from the core `Volume`,
 * with geometry in LPS exactly as SimpleITK/ITK report it. See docs/io.md.
 */
export { readImage, readImageDetailed, writeImage, type ReadImageOptions, type ImageFileInfo } from './read-image.js';
export { readLabelMap, readMask, type ReadMaskOptions } from './read-mask.js';
export { decodeNifti, decodeNiftiDetailed, encodeNifti, type EncodeNiftiOptions, type DecodedNifti } from './nifti.js';
export { decodeNrrd, decodeNrrdDetailed, encodeNrrd, type EncodeNrrdOptions, type DecodeNrrdOptions, type DecodedNrrd } from './nrrd.js';
export { parseNiftiHeader, type NiftiHeader } from './nifti-header.js';
export { niftiGeometry, type NiftiGeometry } from './nifti-geometry.js';
export { parseNrrdHeader, type NrrdHeader } from './nrrd-header.js';
export { sniffFormat, type FileFormat } from './format.js';
export { describeImage, describeVolume, MASK_MAX_LABELS, type ImageDescription, type LabelCount, type DescribeOptions } from './describe.js';
export { encodeDicomSeg, type DicomSegOptions, type CodedConcept } from './dicom/seg-write.js';
export { parseDicom } from './dicom/parse.js';
export type { DicomDataset } from './dicom/dataset.js';
export { parseRtStruct, rasterizeRoi, type RtRoi, type RtContour } from './dicom/rtstruct.js';
export { readSegOnGrid, readSegSegmentOnGrid, segSegments, type SegSegment } from './dicom/seg-read.js';
