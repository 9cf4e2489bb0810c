import { type Command, Option } from 'commander';
import type { CliContext } from '../../cli-context.js';
import type { ExitCode } from '../../cli-error.js';
import { challengeBundleCommand } from './bundle.command.js';
import { challengeCasesCommand } from './cases.command.js';
import { challengeNewCommand } from './new.command.js';
import { challengeTestCommand } from './test.command.js';
import { challengeUploadCommand } from './upload.command.js';
import { challengeValidateCommand } from './validate.command.js';

/** `reps challenge …`: the authoring commands, for instructors writing challenges/<slug>/. */
export function registerChallengeCommands(
  program: Command,
  ctx: CliContext,
  done: (run: Promise<ExitCode>) => Promise<void>,
): void {
  const challenge = program
    .command('challenge')
    .description('author challenges: scaffold, validate, calibrate, inspect cases, bundle for upload');

  challenge
    .command('new')
    .description('scaffold a working challenge folder that passes `reps challenge validate`')
    .argument('<slug>', 'kebab-case, e.g. invoice-line-check')
    .option('--dir <dir>', 'the folder to create it in', 'challenges')
    .action((slug: string, options) => done(challengeNewCommand(slug, options, ctx)));

  challenge
    .command('validate')
    .description('check a challenge folder: manifest, generator determinism, public cases up to date')
    .argument('<dir>', 'a challenge folder, or a slug under ./challenges/')
    .option('--write-public-cases', 'regenerate public.cases.json first')
    .action((dir: string, options) => done(challengeValidateCommand(dir, options, ctx)));

  challenge
    .command('test')
    .description('grade the baseline and every reference on the hidden cases; check the calibration')
    .argument('<dir>', 'a challenge folder, or a slug under ./challenges/')
    .option('--json', 'print the calibration as JSON on stdout (nothing else)')
    .option('--secret <seed>', 'the hidden seed (default: REPS_HIDDEN_SEED, else the local default)')
    .option('--concurrency <n>', 'cases run at once (results do not depend on it)', '4')
    .addHelpText(
      'after',
      '\nThe calibration holds when baseline.pipeline.yaml scores below 50 and every reference*.pipeline.yaml\nat least 90 with no case over budget (README.md, "Authoring a challenge"). Exit 1 when it does not.',
    )
    .action((dir: string, options) => done(challengeTestCommand(dir, options, ctx)));

  challenge
    .command('cases')
    .description('print generated cases with their expected outputs and facts (for authors)')
    .argument('<dir>', 'a challenge folder, or a slug under ./challenges/')
    .addOption(new Option('--hidden', 'hidden cases instead of public ones (never share them)'))
    .option('--count <n>', 'how many (default: the manifest count)')
    .option('--json', 'print the cases as JSON')
    .action((dir: string, options) => done(challengeCasesCommand(dir, options, ctx)));

  challenge
    .command('bundle')
    .description(
      'bundle a validated challenge into one JSON upload file (generator and scorer bundled with esbuild)',
    )
    .argument('<dir>', 'a challenge folder, or a slug under ./challenges/')
    .option('--out <file>', 'where to write it (default: <slug>-v<version>.bundle.json; - for stdout)')
    .action((dir: string, options) => done(challengeBundleCommand(dir, options, ctx)));

  challenge
    .command('upload')
    .description(
      'upload a bundle to the server (instructors): it is calibrated there and published if it holds',
    )
    .argument('<bundle>', 'a file written by `reps challenge bundle`')
    .option('--url <url>', 'the Reps server (default: REPS_URL, the saved login, or http://127.0.0.1:3000)')
    .option('--no-wait', 'return once the server accepted it, without waiting for the calibration')
    .option('--json', 'print the version (status and calibration) as JSON')
    .action((file: string, options) => done(challengeUploadCommand(file, options, ctx)));
}
