// docs/study.md documents every config setting with the default the schema applies: its settings table is the
// output of describeSchema (what `dlrn study --schema` prints), so the documented defaults cannot drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeSchema, STUDY_SCHEMA } from '../../../src/study/index.js';
import { REPO_ROOT } from '../../helpers/paths.js';

test('docs/study.md holds the current settings table', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs/study.md'), 'utf8');
  const m = /<!-- schema:begin[^>]*-->\n([\s\S]*?)<!-- schema:end -->/.exec(doc);
  assert.ok(m, 'schema markers present');
  assert.equal(m[1], describeSchema(STUDY_SCHEMA));
});
