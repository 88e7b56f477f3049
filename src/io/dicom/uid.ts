import { createHash } from 'node:crypto';

/**
 * A DICOM UID derived from a name (PS3.5 §B.2: the "2.25." root followed by a 128-bit integer, here the
 * first 128 bits of SHA-256 of `name`). The same name always gives the same UID, so written files are
 * reproducible; pass names that are unique per object (e.g. include a content hash).
 */
export function uidFromName(name: string): string {
  const h = createHash('sha256').update(name).digest();
  let x = 0n;
  for (let i = 0; i < 16; i++) x = (x << 8n) | BigInt(h[i]);
  return `2.25.${x.toString(10)}`;
}

/** A dlrn implementation class UID (fixed). */
export const DLRN_IMPLEMENTATION_UID = uidFromName('dlrn implementation class');
