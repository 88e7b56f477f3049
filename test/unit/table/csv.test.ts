import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, toCsv, recordsToCsv, parseNumberField } from '../../../src/table/csv.js';
import { InvalidInputError } from '../../../src/core/errors.js';

test('parses quotes, doubled quotes, CRLF and a BOM', () => {
  const t = parseCsv('\ufeffid,"na,me"\r\n1,"a ""b"""\r\n2,c\r\n');
  assert.deepEqual(t.header, ['id', 'na,me']);
  assert.deepEqual(t.rows, [['1', 'a "b"'], ['2', 'c']]);
});

test('ragged rows and unterminated quotes are clear errors', () => {
  assert.throws(() => parseCsv('a,b\n1\n', 'f.csv'), (e: unknown) => e instanceof InvalidInputError && /line 2/.test(e.message) && /f\.csv/.test(e.message));
  assert.throws(() => parseCsv('a\n"x\n'), InvalidInputError);
  assert.throws(() => parseCsv(''), InvalidInputError);
});

test('writes round-trip numbers and quotes strings when needed', () => {
  const text = toCsv(['a', 'b'], [[0.1 + 0.2, 'x,y'], [NaN, 'q"']]);
  assert.equal(text, 'a,b\n0.30000000000000004,"x,y"\nnan,"q"""\n');
  const back = parseCsv(text);
  assert.equal(parseNumberField(back.rows[0][0]), 0.1 + 0.2);
  assert.ok(Number.isNaN(parseNumberField(back.rows[1][0])));
  assert.equal(recordsToCsv([{ a: 1 }, { b: 2 }]), 'a,b\n1,\n,2\n');
});
