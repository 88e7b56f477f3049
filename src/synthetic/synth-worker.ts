// Worker thread of `writeSyntheticCohort`: renders and writes one planned case per item.
import { serveWorkerPool } from '../core/worker-pool.js';
import { type CaseMeasurement, writeCaseFiles } from './case-files.js';
import type { CasePlan } from './case-plan.js';

serveWorkerPool<CasePlan, CaseMeasurement>(async (init) => {
  const { dir } = init as { dir: string };
  return async (plan) => writeCaseFiles(plan, dir);
});
