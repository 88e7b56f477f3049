/**
 * Resumable feature caches (`DIR/features/<kind>.csv`). Each row records the patient id, the image, mask and
 * mask label it was computed from, a cheap fingerprint of those files (size and modification time), the
 * settings hash and the dlrn version. A later run reuses a row only when all of these match, computes the
 * missing patients, and rewrites the file atomically as results arrive, so an interrupted run loses at most
 * the last few patients.
 */
import { existsSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../core/atomic.js';
import { InvalidInputError } from '../core/errors.js';
import { dlrnVersion } from '../features/index.js';
import { parseNumberField, readCsv, toCsv } from '../table/csv.js';

/** The provenance of one cached row. */
export interface CacheSource {
  readonly id: string;
  readonly image: string;
  readonly mask: string;
  readonly maskLabel: number;
}

const META = ['id', 'image', 'mask', 'mask_label', 'fingerprint', 'settings_hash', 'dlrn_version'] as const;

/** `size:mtime` of the image and the mask (a changed file gives a new fingerprint). */
export function sourceFingerprint(s: CacheSource): string {
  const f = (p: string): string => {
    try {
      const st = statSync(p);
      return `${st.size}:${Math.round(st.mtimeMs)}`;
    } catch {
      return 'missing';
    }
  };
  return `${f(s.image)}/${f(s.mask)}`;
}

/** A feature cache being filled. */
export class FeatureCache {
  private readonly rows = new Map<string, { source: CacheSource; fingerprint: string; values: Float64Array }>();
  private names: string[] | null = null;
  private dirty = false;
  private lastFlush = Date.now();

  /** @param path CSV file; @param settingsHash hash of everything the features depend on. */
  constructor(readonly path: string, readonly settingsHash: string) {}

  /** Loads the rows of an existing file that match `sources` (same files, fingerprint and settings). */
  load(sources: readonly CacheSource[]): number {
    if (!existsSync(this.path)) return 0;
    let t;
    try {
      t = readCsv(this.path);
    } catch {
      return 0; // unreadable cache: recompute everything
    }
    if (META.some((m, i) => t.header[i] !== m)) return 0;
    const names = t.header.slice(META.length);
    const want = new Map(sources.map((s) => [s.id, s]));
    let n = 0;
    for (const r of t.rows) {
      const s = want.get(r[0]);
      if (!s || r[5] !== this.settingsHash || r[1] !== s.image || r[2] !== s.mask || Number(r[3]) !== s.maskLabel) continue;
      const fp = sourceFingerprint(s);
      if (r[4] !== fp) continue;
      this.rows.set(s.id, { source: s, fingerprint: fp, values: Float64Array.from(r.slice(META.length), parseNumberField) });
      n++;
    }
    if (n > 0) this.names = names;
    return n;
  }

  /** True when the patient's features are present. */
  has(id: string): boolean {
    return this.rows.has(id);
  }

  /** Feature names (null until the first row is known). */
  featureNames(): readonly string[] | null {
    return this.names;
  }

  /** Adds one patient's features; `names` must equal the names of earlier rows. */
  put(source: CacheSource, names: readonly string[], values: ArrayLike<number>): void {
    if (this.names === null) this.names = [...names];
    else if (names.length !== this.names.length || names.some((n, i) => n !== this.names![i])) {
      throw new InvalidInputError(`patient ${source.id}: its features differ from the other patients'`, {
        expected: `${this.names.length} features named as the others`, found: `${names.length} features`,
      });
    }
    this.rows.set(source.id, { source, fingerprint: sourceFingerprint(source), values: Float64Array.from(values) });
    this.dirty = true;
  }

  /** Writes the file if something changed and `force` or at least `everyMs` passed since the last write. */
  flush(force = true, everyMs = 5000): void {
    if (!this.dirty || this.names === null) return;
    if (!force && Date.now() - this.lastFlush < everyMs) return;
    const version = dlrnVersion();
    const rows = [...this.rows.values()].map((r) => [
      r.source.id, r.source.image, r.source.mask, r.source.maskLabel, r.fingerprint, this.settingsHash, version, ...Array.from(r.values),
    ]);
    writeFileAtomic(this.path, toCsv([...META, ...this.names], rows));
    this.dirty = false;
    this.lastFlush = Date.now();
  }

  /** Values of the given patients (all must be present), in order. */
  valuesFor(ids: readonly string[]): Float64Array[] {
    return ids.map((id) => {
      const r = this.rows.get(id);
      if (!r) throw new InvalidInputError(`no features for patient ${id}`);
      return r.values;
    });
  }
}
