import { configSchema, describeConfigErrors } from '@reps/shared';
import { CliError } from './cli-error.js';

/**
 * The part of the environment the CLI reads, parsed once at start with the same validators as the
 * server's configuration (packages/shared config.ts), so a bad URL is reported the same way.
 */
const cliEnvSchema = configSchema
  .pick({
    REPS_OPENAI_BASE_URL: true,
    REPS_OPENAI_API_KEY: true,
    REPS_ANTHROPIC_BASE_URL: true,
    REPS_ANTHROPIC_API_KEY: true,
    REPS_HIDDEN_SEED: true,
  })
  .partial({ REPS_HIDDEN_SEED: true });

export interface CliEnv {
  openaiBaseUrl?: string;
  openaiApiKey?: string;
  anthropicBaseUrl?: string;
  anthropicApiKey?: string;
  hiddenSeed?: string;
  /** REPS_DEBUG=1: print stacks with errors. */
  debug: boolean;
}

export function parseCliEnv(env: Record<string, string | undefined>): CliEnv {
  const cleaned: Record<string, string> = {};
  // As on the server, `FOO=` in a shell means no FOO.
  for (const key of Object.keys(cliEnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const parsed = cliEnvSchema.safeParse(cleaned);
  if (!parsed.success) throw new CliError('invalid_config', describeConfigErrors(parsed.error).join('; '));
  const data = parsed.data;
  return {
    ...(data.REPS_OPENAI_BASE_URL ? { openaiBaseUrl: data.REPS_OPENAI_BASE_URL } : {}),
    ...(data.REPS_OPENAI_API_KEY ? { openaiApiKey: data.REPS_OPENAI_API_KEY } : {}),
    ...(data.REPS_ANTHROPIC_BASE_URL ? { anthropicBaseUrl: data.REPS_ANTHROPIC_BASE_URL } : {}),
    ...(data.REPS_ANTHROPIC_API_KEY ? { anthropicApiKey: data.REPS_ANTHROPIC_API_KEY } : {}),
    ...(data.REPS_HIDDEN_SEED ? { hiddenSeed: data.REPS_HIDDEN_SEED } : {}),
    debug: isDebug(env),
  };
}

/** Read apart from the schema so that even a bad configuration can be reported with its stack. */
export function isDebug(env: Record<string, string | undefined>): boolean {
  return env.REPS_DEBUG === '1' || env.REPS_DEBUG === 'true';
}
