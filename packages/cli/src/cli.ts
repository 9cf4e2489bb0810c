import { Command, CommanderError, Option } from 'commander';
import type { CliContext } from './cli-context.js';
import { isDebug, parseCliEnv } from './cli-env.js';
import { EXIT, type ExitCode, formatError } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { registerChallengeCommands } from './commands/challenge/challenge.commands.js';
import { loginCommand, logoutCommand, whoamiCommand } from './commands/login.command.js';
import { modelsCommand } from './commands/models.command.js';
import { runCommand } from './commands/run.command.js';
import { schemaCommand } from './commands/schema.command.js';
import { submissionCommand, submitCommand } from './commands/submit.command.js';
import { traceCommand } from './commands/trace.command.js';
import { validateCommand } from './commands/validate.command.js';
import { VERIFY_HELP, verifyCommand } from './commands/verify.command.js';

/**
 * Runs `reps <argv>` and returns the exit code: 0 ok, 1 the user's pipeline is wrong (or under
 * --fail-under), 2 misuse, IO or configuration errors. Never throws and never calls process.exit,
 * so tests drive the whole CLI in-process.
 */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.ok;
  try {
    // Parsed once, before any command, as configuration is on the server.
    const ctx: CliContext = { io, env: parseCliEnv(io.env) };
    const program = createProgram(ctx, (code) => {
      exitCode = code;
    });
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error);
    const { text, exitCode: code } = formatError(error, isDebug(io.env));
    io.err(text);
    return code;
  }
}

function createProgram(ctx: CliContext, setExit: (code: ExitCode) => void): Command {
  const { io } = ctx;
  const program = new Command('reps')
    .description(
      'Reps: build AI pipelines, run them on challenges, read their traces, submit them; author challenges.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      // One line with a code, like every other error; the hint stays on that line.
      outputError: (text, write) =>
        write(`reps: validation_failed: ${text.replace(/^error: /, '').trim()} (see reps --help)\n`),
    });
  const done = (run: Promise<ExitCode>) => run.then(setExit);

  program
    .command('validate')
    .description('check pipelines; prints file:line:col code message per problem')
    .argument('<file...>', 'pipeline files (YAML or JSON)')
    .option('--challenge <slug-or-dir>', "also check models against the challenge's allowed list")
    .action((files: string[], options) => done(validateCommand(files, options, ctx)));

  program
    .command('run')
    .description("grade a pipeline on a challenge's cases")
    .argument('<file>', 'pipeline file')
    .requiredOption('--challenge <slug-or-dir>', 'a slug under ./challenges/ or a challenge folder')
    .option('--cases <which>', 'public, hidden, or N (the first N public cases)', 'public')
    .option('--json', 'print the result as JSON on stdout (nothing else)')
    .option('--concurrency <n>', 'cases run at once (results do not depend on it)', '4')
    .option('--save-trace <dir>', 'where to save public traces', '.reps/traces')
    .option('--fail-under <pct>', 'exit 1 when correctness is below this (0-100)')
    .action((file: string, options) => done(runCommand(file, options, ctx)));

  program
    .command('trace')
    .description('print the timeline of a saved case trace')
    .argument('<case>', 'a case id (public-1) or a trace file')
    .option('--full', 'whole prompts and outputs')
    .option('--json', 'print the saved record as JSON')
    .addOption(new Option('--dir <dir>', 'folder of saved traces').default('.reps/traces'))
    .action((arg: string, options) => done(traceCommand(arg, options, ctx)));

  program
    .command('schema')
    .description('print the pipeline JSON Schema')
    .action(() => done(schemaCommand(ctx)));

  program
    .command('models')
    .description('print the simulated models and the configured providers')
    .option('--json', 'print as JSON')
    .action((options) => done(modelsCommand(options, ctx)));

  const urlOption = () =>
    new Option('--url <base>', 'the Reps server (default: REPS_URL, the saved login, http://127.0.0.1:3000)');

  program
    .command('login')
    .description('check an API token with the server and save it (config file, mode 600)')
    .requiredOption('--token <token>', 'a personal API token (reps_…), created under <url>/settings')
    .addOption(urlOption())
    .addHelpText(
      'after',
      '\nSaved to $XDG_CONFIG_HOME/reps/config.json (else ~/.config/reps/config.json).\nREPS_URL and REPS_TOKEN override the saved server and token.',
    )
    .action((options) => done(loginCommand(options, ctx)));

  program
    .command('logout')
    .description('forget the saved token (revoke it on the server to disable it)')
    .action(() => done(logoutCommand(ctx)));

  program
    .command('whoami')
    .description('the user behind the token in use')
    .addOption(urlOption())
    .option('--json', 'print as JSON')
    .action((options) => done(whoamiCommand(options, ctx)));

  program
    .command('submit')
    .description('submit a pipeline for grading on the hidden cases and follow it to the result')
    .argument('<file>', 'pipeline file')
    .requiredOption('--challenge <slug>', 'the challenge to submit to')
    .option('--no-wait', 'print the submission id and return at once')
    .option('--json', 'print the submission (SubmissionView) as JSON on stdout, nothing else')
    .addOption(urlOption())
    .action((file: string, options) => done(submitCommand(file, options, ctx)));

  program
    .command('submission')
    .description('show a submission (its result once graded)')
    .argument('<id>', 'the id reps submit printed')
    .option('--wait', 'follow it until it is graded')
    .option('--json', 'print the submission as JSON')
    .addOption(urlOption())
    .action((id: string, options) => done(submissionCommand(id, options, ctx)));

  program
    .command('verify')
    .description('check a proof-of-work record with the server that signed it')
    .argument('<verification-id>', 'as shown on a profile or by reps submit')
    .addOption(urlOption())
    .option('--json', 'print the signed record and the verdict as JSON')
    .addHelpText('after', VERIFY_HELP)
    .action((id: string, options) => done(verifyCommand(id, options, ctx)));

  registerChallengeCommands(program, ctx, done);

  return program;
}

/** Help and version are successes; anything else commander rejects is a usage error. */
function commanderExit(error: CommanderError): ExitCode {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0)
    return EXIT.ok;
  return EXIT.usage;
}
