/**
 * Typed errors of dlrn. Every error carries a stable `code`, and its message says what was
 * expected, what was found and how to fix it ("Potential fix: ..."), in the spirit of
 * PyRadiomics' mask checks. Library code never returns `null` for a failure: it throws one of these.
 */

/** Structured parts of an error message. */
export interface ErrorDetails {
  /** The file or folder involved, if any. */
  readonly file?: string;
  /** What was expected (e.g. "a NIfTI-1 header of 348 bytes"). */
  readonly expected?: string;
  /** What was found instead. */
  readonly found?: string;
  /** How the user can fix it. */
  readonly fix?: string;
  /** The underlying error, if this one wraps another. */
  readonly cause?: unknown;
}

function composeMessage(summary: string, d: ErrorDetails): string {
  const parts = [d.file ? `${d.file}: ${summary}` : summary];
  if (d.expected !== undefined) parts.push(`Expected: ${d.expected}.`);
  if (d.found !== undefined) parts.push(`Found: ${d.found}.`);
  if (d.fix !== undefined) parts.push(`Potential fix: ${d.fix}`);
  return parts.join(' ');
}

/** Base class of every dlrn error. `code` is stable and machine-readable. */
export class DlrnError extends Error {
  readonly code: string;
  readonly file?: string;
  readonly expected?: string;
  readonly found?: string;
  readonly fix?: string;

  constructor(code: string, summary: string, details: ErrorDetails = {}) {
    super(composeMessage(summary, details), details.cause !== undefined ? { cause: details.cause } : undefined);
    this.name = new.target.name;
    this.code = code;
    this.file = details.file;
    this.expected = details.expected;
    this.found = details.found;
    this.fix = details.fix;
  }

  /** A plain object for JSON output (CLI `--json`, batch error rows). */
  toJSON(): Record<string, string | undefined> {
    return { name: this.name, code: this.code, message: this.message, file: this.file };
  }
}

/** A path that does not exist or cannot be read. */
export class FileNotFoundError extends DlrnError {
  constructor(file: string, details: Omit<ErrorDetails, 'file'> = {}) {
    super('E_NOT_FOUND', 'no such file or folder', { fix: 'check the path (relative paths are resolved from the current folder).', ...details, file });
  }
}

/** A file whose format is not one dlrn reads, or a feature of a format dlrn does not support. */
export class UnsupportedFormatError extends DlrnError {
  constructor(summary: string, details: ErrorDetails = {}) {
    super('E_UNSUPPORTED_FORMAT', summary, details);
  }
}

/** A file that claims a known format but is damaged: truncated, inconsistent header, bad compression... */
export class CorruptFileError extends DlrnError {
  constructor(summary: string, details: ErrorDetails = {}) {
    super('E_CORRUPT_FILE', summary, details);
  }
}

/** Two images (e.g. an image and its mask) that do not share the same grid. */
export class GeometryMismatchError extends DlrnError {
  constructor(summary: string, details: ErrorDetails = {}) {
    super('E_GEOMETRY_MISMATCH', summary, details);
  }
}

/** A DICOM folder with no series, or with several series when one was expected. */
export class DicomSeriesError extends DlrnError {
  constructor(summary: string, details: ErrorDetails = {}) {
    super('E_DICOM_SERIES', summary, details);
  }
}

/** Invalid user input: a bad option, setting, parameter file or data table. */
export class InvalidInputError extends DlrnError {
  constructor(summary: string, details: ErrorDetails = {}) {
    super('E_INVALID_INPUT', summary, details);
  }
}

/** A region of interest that cannot be used (empty, absent label, too small...). */
export class MaskError extends DlrnError {
  constructor(summary: string, details: ErrorDetails = {}) {
    super('E_MASK', summary, details);
  }
}

/** A model or transform used before it was fitted. */
export class NotFittedError extends DlrnError {
  constructor(what: string, fix = 'call fit() on training data first and use the object it returns.') {
    super('E_NOT_FITTED', `${what} is not fitted`, { fix });
  }
}

/** A fit that cannot give a trustworthy answer (separation, singular information matrix...). */
export class ModelFitError extends DlrnError {
  constructor(summary: string, details: ErrorDetails = {}) {
    super('E_MODEL_FIT', summary, details);
  }
}

/** A saved model bundle that is corrupt or from an incompatible version. */
export class BundleError extends DlrnError {
  constructor(summary: string, details: ErrorDetails = {}) {
    super('E_BUNDLE', summary, details);
  }
}

/**
 * True for any dlrn error, also one made by another copy of this module (each bundled CLI command carries its own):
 * then by shape, an Error with a `code` like `E_MASK` and the `toJSON` of {@link DlrnError}.
 */
export function isDlrnError(e: unknown): e is DlrnError {
  if (e instanceof DlrnError) return true;
  const o = e as { code?: unknown; toJSON?: unknown } | null;
  return e instanceof Error && typeof o?.code === 'string' && /^E_[A-Z_]+$/.test(o.code) && typeof o.toJSON === 'function';
}

/** A non-fatal problem worth telling the user about (e.g. few events per variable). */
export interface DlrnWarning {
  readonly code: string;
  readonly message: string;
}
