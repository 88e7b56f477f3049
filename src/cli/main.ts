import { readFileSync } from 'node:fs';
import { isDlrnError } from '../core/errors.js';
import { COMMANDS, type Command } from './command.js';

const VERSION_URL = new URL('../../package.json', import.meta.url);

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: dlrn <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `dlrn <command> --help` for the options of a command.',
  ].join('\n');
}

/**
 * One lazy loader per command: static `import()` calls, so each command's modules load only when it runs (the build
 * bundles each command into one file, see src/cli/build-bundle.mjs).
 */
const LOADERS: Readonly<Record<string, () => Promise<{ default: Command }>>> = {
  info: () => import('./commands/info.js'),
  extract: () => import('./commands/extract.js'),
  deep: () => import('./commands/deep.js'),
  stats: () => import('./commands/stats.js'),
  synth: () => import('./commands/synth.js'),
  study: () => import('./commands/study.js'),
  predict: () => import('./commands/predict.js'),
  demo: () => import('./commands/demo.js'),
};

async function loadCommand(name: string): Promise<Command | null> {
  if (!COMMANDS.some((c) => c.name === name) || !Object.hasOwn(LOADERS, name)) return null;
  return (await LOADERS[name]()).default;
}

/** Runs the CLI with the given arguments (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(JSON.parse(readFileSync(VERSION_URL, 'utf8')).version + '\n');
    return 0;
  }
  try {
    const cmd = await loadCommand(name);
    if (!cmd) {
      process.stderr.write(`dlrn: unknown or unavailable command "${name}".\n\n${usage()}\n`);
      return 2;
    }
    if (!cmd.handlesHelp && (rest.includes('--help') || rest.includes('-h'))) {
      process.stdout.write(cmd.help.trimEnd() + '\n');
      return 0;
    }
    return await cmd.run(rest);
  } catch (e) {
    if (isDlrnError(e)) {
      process.stderr.write(`dlrn ${name}: error [${e.code}] ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
