import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportHtml, renderReport, readResults } from '../../../src/report/index.js';
import { fakeResults } from '../../helpers/fake-results.js';
import { BundleError, FileNotFoundError } from '../../../src/core/errors.js';

test('the report holds every section and figure, with no script and no external resource', () => {
  const r = fakeResults(3);
  const html = reportHtml(r, '<svg xmlns="http://www.w3.org/2000/svg"><text>nomo</text></svg>');
  for (const id of ['performance', 'cohorts', 'selection', 'models', 'roc', 'calibration', 'dca', 'tripod']) assert.match(html, new RegExp(`<section id="${id}"`));
  for (const fig of ['roc-training', 'roc-internal_test', 'roc-external_test', 'calibration-external_test', 'dca-external_test', 'lasso-path-dlr', 'lasso-cv-dlr', 'coefficients-dlr', 'nomogram']) {
    assert.match(html, new RegExp(`data-figure="${fig}"`), fig);
  }
  assert.doesNotMatch(html, /<script|<link |src="http|href="http/);
  // The main table shows the external DLRN AUC with its DeLong CI, as computed.
  const ext = r.models.dlrn!.cohorts.external_test!;
  assert.ok(html.includes(`${ext.auc.toFixed(3)} (${ext.auc_ci_lower.toFixed(3)}–${ext.auc_ci_upper.toFixed(3)})`));
});

test('renderReport writes report.html (and a PDF when Chromium is present); bad folders are clear errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-report-'));
  await assert.rejects(renderReport(dir), FileNotFoundError);
  writeFileSync(join(dir, 'results.json'), '{"format":"other"}');
  assert.throws(() => readResults(dir), BundleError);
  writeFileSync(join(dir, 'results.json'), JSON.stringify(fakeResults(4)));
  const out = await renderReport(dir, { pdf: false });
  assert.ok(readFileSync(out.html, 'utf8').startsWith('<!DOCTYPE html>'));
  assert.equal(out.pdf, null);
});
