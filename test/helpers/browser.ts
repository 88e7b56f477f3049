// Headless Debian Chromium driven by playwright-core (installed by .ci/run with apt-get; never downloaded).
import { chromium, type Browser } from 'playwright-core';
import { findChromium, HEADLESS_FLAGS } from '../../src/report/pdf.js';

/** Launches the system Chromium, or returns null when none is installed (tests then fail with a clear message). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium is not installed: run `apt-get install -y chromium` (done by .ci/run).');
  return chromium.launch({ executablePath, args: HEADLESS_FLAGS, headless: true });
}
