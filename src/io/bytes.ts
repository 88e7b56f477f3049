import { unzip, unzipSync, gzipSync, type ZlibOptions } from 'node:zlib';
import { readFileSync, statSync } from 'node:fs';
import { CorruptFileError, FileNotFoundError, DlrnError } from '../core/errors.js';

/** True when the bytes start with the gzip magic number 1f 8b (RFC 1952). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Inflates gzip or zlib data (auto-detected), turning zlib failures
 * (truncated stream, bad CRC, garbage) into a {@link CorruptFileError} naming the file.
 * `maxOutputLength` guards against decompression bombs and absurd header sizes.
 * `expectedLength` (e.g. from the header: voxels × bytes per voxel), else the gzip size trailer, sizes zlib's output
 * buffer so the data comes out in one piece instead of 16 kB chunks joined by a full copy. The result is a fresh
 * buffer the caller owns.
 */
export function inflate(bytes: Uint8Array, file: string | undefined, what: string, maxOutputLength?: number, expectedLength?: number): Uint8Array {
  try {
    const out = unzipSync(bytes, inflateOptions(bytes, maxOutputLength, expectedLength));
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (e) {
    throw inflateError(e, file, what);
  }
}

/**
 * {@link inflate} on libuv's thread pool: the main thread stays free, and two files (an image and its mask) inflate
 * at the same time on two cores. Same result and errors.
 */
export function inflateAsync(bytes: Uint8Array, file: string | undefined, what: string, maxOutputLength?: number, expectedLength?: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    unzip(bytes, inflateOptions(bytes, maxOutputLength, expectedLength), (e, out) => {
      if (e) reject(inflateError(e, file, what));
      else resolve(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
    });
  });
}

function inflateOptions(bytes: Uint8Array, maxOutputLength: number | undefined, expectedLength: number | undefined): ZlibOptions {
  const limit = maxOutputLength !== undefined ? Math.max(1, Math.min(maxOutputLength, 2 ** 31 - 1)) : undefined;
  return { maxOutputLength: limit, chunkSize: outputChunkSize(bytes, limit, expectedLength) };
}

function inflateError(e: unknown, file: string | undefined, what: string): CorruptFileError {
  const msg = (e as Error).message ?? String(e);
  return new CorruptFileError(`the ${what} cannot be decompressed`, {
    file,
    expected: 'a complete gzip stream',
    found: /unexpected end/i.test(msg) ? 'a truncated gzip stream (the file was cut short)' : `zlib error "${msg}"`,
    fix: 'the file is damaged or was not fully copied; export or download it again.',
    cause: e,
  });
}

/** deflate's largest compression ratio (RFC 1951: a 258-byte match costs at least 2 bits), to bound a size hint. */
const MAX_DEFLATE_RATIO = 1032;
/** zlib's default output chunk (bytes). */
const DEFAULT_CHUNK = 16 * 1024;

/**
 * zlib output chunk size for {@link inflate}: one byte more than the expected output (so the whole output fits in
 * one chunk), bounded by what the input can inflate to and by the output limit; zlib's default when unknown or small.
 */
function outputChunkSize(bytes: Uint8Array, limit: number | undefined, expectedLength: number | undefined): number | undefined {
  let hint = expectedLength;
  if (hint === undefined && isGzip(bytes) && bytes.length >= 18) {
    const n = bytes.length; // ISIZE trailer: uncompressed size mod 2^32 (RFC 1952), exact for one member < 4 GiB
    hint = (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0;
  }
  if (hint === undefined) return undefined;
  const size = Math.min(hint + 1, MAX_DEFLATE_RATIO * bytes.length + 64, limit !== undefined ? limit + 1 : Infinity, 2 ** 31 - 1);
  return size > DEFAULT_CHUNK ? size : undefined;
}

/** gzip-compresses bytes. Level 1 by default: about 3× faster than level 6 on CT data for ~12 % larger files. */
export function deflateGzip(bytes: Uint8Array, level = 1): Uint8Array {
  const out = gzipSync(bytes, { level });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * Reads a whole file, with typed errors: {@link FileNotFoundError} for a missing path,
 * {@link CorruptFileError} for an empty file. Folders are rejected by the caller.
 *
 * The read is synchronous on purpose: from the page cache a file is one copy, while the asynchronous `readFile` needs
 * a main-thread turn per 512 kB chunk, so behind a busy thread (e.g. `dlrn extract` loading the feature code while
 * its inputs are read) it finished ~40 ms late and held back the inflation on libuv's threads that follows.
 */
export async function readInputFile(path: string): Promise<Uint8Array> {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw fsError(path, e);
  }
  if (buf.byteLength === 0) {
    throw new CorruptFileError('the file is empty', { file: path, expected: 'image data', found: '0 bytes', fix: 'the file was not written completely; export it again.' });
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Whether a path is a folder (typed error when it does not exist; synchronous, see {@link readInputFile}). */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return statSync(path).isDirectory();
  } catch (e) {
    throw fsError(path, e);
  }
}

/** Maps a node fs error to a dlrn error. */
export function fsError(path: string, e: unknown): DlrnError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileNotFoundError(path);
  if (code === 'EISDIR') return new FileNotFoundError(path, { expected: 'a file', found: 'a folder', fix: 'give the path of an image file, or of a DICOM folder where a folder is accepted.' });
  if (code === 'EACCES' || code === 'EPERM') return new FileNotFoundError(path, { found: 'a path that cannot be read (permission denied)', fix: 'check the file permissions.' });
  return new CorruptFileError('the file cannot be read', { file: path, found: (e as Error).message, cause: e });
}

/** A short printable preview of the first bytes of a file, for error messages. */
export function bytePreview(bytes: Uint8Array, n = 8): string {
  const head = Array.from(bytes.subarray(0, n), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `first bytes ${head || '(none)'}`;
}
