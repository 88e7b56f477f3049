// Model bundles: the content hash covers every value (canonical JSON with sorted keys), a written bundle reads
// back identical, and another format, another format version, invalid JSON or an edited content are refused
// with a BundleError that says what was expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BundleError } from '../../../src/core/errors.js';
import { BUNDLE_FORMAT_VERSION, canonicalJson, contentSha256, makeBundle, parseBundle, readBundle, writeBundle, type BundleContent } from '../../../src/study/index.js';

test('canonical JSON: sorted keys at every depth, no spaces, typed arrays as arrays, non-finite as null', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, 2.5], c: 'x' }, e: undefined }), '{"a":{"c":"x","d":[1,2.5]},"b":1}');
  assert.equal(canonicalJson({ v: Float64Array.from([0.1, NaN]) }), '{"v":[0.1,null]}');
  assert.equal(contentSha256({ a: 1, b: 2 }), createHash('sha256').update('{"a":1,"b":2}').digest('hex'));
  assert.equal(contentSha256({ b: 2, a: 1 }), contentSha256({ a: 1, b: 2 }));
});

const content = {
  study: { name: 't', config_sha256: 'x', seed: 1, created: '2026', outcome: 'label', positive_class: 'CVT', n_training: 3, n_training_positive: 1 },
  threshold: 0.123456789012345,
  dlrn: { terms: ['dlr_signature'], intercept: -1.5, coefficients: [2.25] },
} as unknown as BundleContent;

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'dlrn-bundle-'));
}

test('a written bundle reads back with the same content and hash', () => {
  const dir = tmp();
  const b = makeBundle(content);
  writeBundle(join(dir, 'm.json'), b);
  const r = readBundle(join(dir, 'm.json'));
  assert.equal(r.sha256, b.sha256);
  assert.equal(r.format_version, BUNDLE_FORMAT_VERSION);
  assert.deepEqual(r.content, content);
});

test('an edited, truncated, foreign or newer bundle is refused with a clear BundleError', () => {
  const dir = tmp();
  const path = join(dir, 'm.json');
  writeBundle(path, makeBundle(content));
  const text = readFileSync(path, 'utf8');
  const expectBundleError = (t: string, re: RegExp) => assert.throws(() => parseBundle(t, 'm.json'), (e: unknown) => {
    assert.ok(e instanceof BundleError, String(e));
    assert.equal(e.code, 'E_BUNDLE');
    assert.match(e.message, re);
    return true;
  });
  expectBundleError(text.replace('"threshold":0.123456789012345', '"threshold":0.2'), /corrupted: its content does not match its SHA-256/);
  expectBundleError(text.slice(0, text.length - 40), /not valid JSON/);
  expectBundleError(text.replace('"format_version":1', '"format_version":2'), /unsupported format version.*Expected: format_version 1/);
  expectBundleError(text.replace('"dlrn-model-bundle"', '"other"'), /not a dlrn model bundle/);
  expectBundleError(JSON.stringify({ format: 'dlrn-model-bundle', format_version: 1 }), /incomplete/);
  writeFileSync(join(dir, 'bad.json'), '{');
  assert.throws(() => readBundle(join(dir, 'bad.json')), BundleError);
  assert.throws(() => readBundle(join(dir, 'absent.json')), /no such file/);
});
