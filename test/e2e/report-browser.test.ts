/// <reference lib="dom" />
// Opens a rendered report in headless Chromium without network access and checks that every figure renders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderReport } from '../../src/report/index.js';
import { fakeResults } from '../helpers/fake-results.js';
import { launchChromium } from '../helpers/browser.js';

test('the report opens offline in Chromium, every figure draws ink, and the PDF is made', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-report-e2e-'));
  writeFileSync(join(dir, 'results.json'), JSON.stringify(fakeResults(7)));
  const out = await renderReport(dir);
  assert.ok(out.pdf, out.pdfNote);
  const pdf = readFileSync(out.pdf!);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(statSync(out.pdf!).size > 20_000);

  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ offline: true, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (req) => { if (!req.url().startsWith('file:')) external.push(req.url()); });
    await page.goto(pathToFileURL(out.html).href);
    assert.deepEqual(external, [], 'the report requested network resources');
    const figures = await page.$$eval('figure.chart', (els) => els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-figure'), w: r.width, h: r.height, paths: el.querySelectorAll('svg path, svg rect, svg line').length };
    }));
    const ids = figures.map((f) => f.id);
    for (const id of ['roc-training', 'roc-external_test', 'calibration-external_test', 'dca-external_test', 'lasso-path-dlr', 'lasso-cv-dlr', 'coefficients-dlr']) assert.ok(ids.includes(id), `missing figure ${id}`);
    for (const f of figures) assert.ok(f.w > 200 && f.h > 80 && f.paths > 5, `figure ${f.id} did not lay out: ${JSON.stringify(f)}`);
    // Rasterise each SVG in the page and measure its ink: a blank or broken figure has (almost) none.
    const ink = await page.$$eval('figure.chart svg', async (svgs) => Promise.all(svgs.map(async (svg) => {
      const vb = (svg as SVGSVGElement).viewBox.baseVal;
      const w = vb.width, h = vb.height;
      const img = new Image();
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
      await img.decode();
      const c = document.createElement('canvas');
      c.width = w; c.height = h;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, w, h).data;
      let dark = 0, colour = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] + d[i + 1] + d[i + 2] < 600) dark++;
        if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) colour++;
      }
      return { dark: dark / (w * h), colour: colour / (w * h) };
    })));
    ink.forEach((k, i) => {
      assert.ok(k.dark > 0.01, `figure ${ids[i]} is almost blank (${k.dark})`);
      assert.ok(k.colour > 0.001, `figure ${ids[i]} has no coloured series (${k.colour})`);
    });
    const shot = await page.screenshot({ fullPage: true });
    writeFileSync(join(dir, 'report.png'), shot);
    assert.ok(shot.length > 50_000);
  } finally {
    await browser.close();
  }
});
