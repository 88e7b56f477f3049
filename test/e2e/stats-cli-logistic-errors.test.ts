// Bad input through `dlrn stats logistic` (issue 4, acceptance 3): a label that is not binary, a
// constant predictor, missing values (error naming rows, or --na-drop with a count), fewer than 10
// events (events-per-variable warning), perfect separation, an unseen category in validation rows,
// and the dispatcher's help / unknown-analysis messages. Small synthetic tables in a temp folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDlrn } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'dlrn-stats-bad-'));

/** Writes a CSV of n rows: y alternates with some overlap in x; `edit` may change cells. */
function table(name: string, n: number, edit: (row: Record<string, string>, i: number) => void = () => {}): string {
  const header = ['id', 'y', 'x', 'k', 'grp'];
  const lines = [header.join(',')];
  for (let i = 0; i < n; i++) {
    const y = (i * 7) % 3 === 0 ? 1 : 0;
    const row: Record<string, string> = { id: String(i + 1), y: String(y), x: String(((i * 37) % 23) / 4 + y), k: '5', grp: ['a', 'b', 'c'][(Math.floor(i / 3) + i) % 3] };
    edit(row, i);
    lines.push(header.map((h) => row[h]).join(','));
  }
  const f = join(tmp, name);
  writeFileSync(f, lines.join('\n') + '\n');
  return f;
}

const logistic = (args: string[]) => runDlrn(['stats', 'logistic', ...args]);

test('a label that is not binary is an error listing the values and rows', async () => {
  const f = table('nonbinary.csv', 40, (r, i) => { if (i === 4 || i === 9) r.y = '2'; });
  const r = await logistic(['--data', f, '--label', 'y', '--predictors', 'x']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /label column "y" is not binary/);
  assert.match(r.stderr, /rows 5, 10/);
  assert.equal(r.stdout, '');
});

test('a constant predictor is an error naming it', async () => {
  const f = table('constant.csv', 40);
  const r = await logistic(['--data', f, '--label', 'y', '--predictors', 'x,k']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /constant column\(s\): k/);
});

test('missing values: an error naming the rows, or --na-drop with the count reported', async () => {
  const f = table('missing.csv', 60, (r, i) => { if (i === 2) r.x = 'NA'; if (i === 11) r.x = ''; });
  const bad = await logistic(['--data', f, '--label', 'y', '--predictors', 'x', '--json']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /2 rows with missing values: data rows 3, 12/);
  assert.match(bad.stderr, /--na-drop/);
  const ok = await logistic(['--data', f, '--label', 'y', '--predictors', 'x', '--na-drop', '--json', '--no-profile']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /dropped 2 training row/);
  const J = JSON.parse(ok.stdout);
  assert.equal(J.data.n_train, 58);
  assert.equal(J.data.na_dropped.train, 2);
  assert.ok(J.warnings.some((w: { code: string }) => w.code === 'W_NA_DROPPED'));
});

test('fewer than 10 events: a warning about events per variable, and the fit is still reported', async () => {
  const f = table('few.csv', 30, (r, i) => { r.y = [2, 9, 14, 21, 25, 28].includes(i) ? '1' : '0'; r.x = String((i % 11) + (r.y === '1' ? 3 : 0)); });
  const r = await logistic(['--data', f, '--label', 'y', '--predictors', 'x,grp', '--categorical', 'grp', '--json', '--no-profile']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning \[W_FEW_EVENTS\] only 6 events .* events per variable = 6\/3 = 2\.00/);
  const J = JSON.parse(r.stdout);
  assert.ok(J.warnings.some((w: { code: string }) => w.code === 'W_FEW_EVENTS'));
  assert.deepEqual(J.glm_train.terms, ['(Intercept)', 'x', 'grpb', 'grpc']);
});

test('perfect separation: an error naming the variable; --separation warn reports it instead', async () => {
  const f = table('separated.csv', 40, (r) => { r.x = String(Number(r.y) * 10 + (Number(r.id) % 5)); });
  const r = await logistic(['--data', f, '--label', 'y', '--predictors', 'x']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\[E_MODEL_FIT\] complete separation/);
  assert.match(r.stderr, /x \(\+∞\)/);
  const w = await logistic(['--data', f, '--label', 'y', '--predictors', 'x', '--separation', 'warn', '--json', '--no-profile']);
  assert.equal(w.code, 0, w.stderr);
  assert.match(w.stderr, /W_SEPARATION/);
  assert.ok(JSON.parse(w.stdout).warnings.some((x: { code: string }) => x.code === 'W_SEPARATION'));
});

test('a category absent from training is an error in the validation rows', async () => {
  const f = table('levels.csv', 60, (r, i) => { if (i >= 45) r.grp = i === 50 ? 'd' : 'a'; r.set = i >= 45 ? 'v' : 't'; });
  const g = join(tmp, 'levels-set.csv');
  const lines = (await import('node:fs')).readFileSync(f, 'utf8').trim().split('\n');
  writeFileSync(g, [lines[0] + ',set', ...lines.slice(1).map((l, i) => `${l},${i >= 45 ? 'v' : 't'}`)].join('\n') + '\n');
  const r = await logistic(['--data', g, '--label', 'y', '--predictors', 'x,grp', '--categorical', 'grp:a', '--validate-where', 'set=v', '--no-profile']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown level "d" of "grp"/);
});

test('dispatcher: analysis help, overview, unknown analysis', async () => {
  const h = await runDlrn(['stats', 'logistic', '--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /Usage: dlrn stats logistic/);
  assert.match(h.stdout, /--categorical COL\[:REF\]/);
  const o = await runDlrn(['stats', '--help']);
  assert.match(o.stdout, /Analyses:[\s\S]*logistic[\s\S]*icc/);
  const u = await runDlrn(['stats', 'anova']);
  assert.equal(u.code, 2);
  assert.match(u.stderr, /unknown analysis "anova"/);
});
