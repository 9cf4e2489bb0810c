import { availableParallelism, homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { configSchema, describeConfigErrors } from '@reps/shared';
import { z } from 'zod';
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
    REPS_CASE_WALL_MS: true,
    REPS_JOB_WALL_MS: true,
    REPS_GRADING_THREAD_MEMORY_MB: true,
    REPS_GRADING_THREADS: true,
  })
  .partial({ REPS_HIDDEN_SEED: true })
  .extend({
    /** The Reps server `reps login`, `submit` and `verify` talk to; overrides the config file. */
    REPS_URL: z
      .string()
      .refine((v) => /^https?:\/\/[^\s/]/.test(v) && URL.canParse(v), {
        message: 'must be a URL starting with http:// or https://',
      })
      .optional(),
    /** A personal API token (`reps_…`); overrides the config file. */
    REPS_TOKEN: z.string().trim().min(1).optional(),
  });

export interface CliEnv {
  openaiBaseUrl?: string;
  openaiApiKey?: string;
  anthropicBaseUrl?: string;
  anthropicApiKey?: string;
  hiddenSeed?: string;
  /** The caps of a grading thread, as on the server (REPS_CASE_WALL_MS and friends; same defaults). */
  limits: { caseWallMs: number; jobWallMs: number; threadMemoryMb: number; threads: number };
  /** REPS_URL: the server, over the one saved by `reps login`. */
  apiUrl?: string;
  /** REPS_TOKEN: an API token, over the one saved by `reps login`. */
  apiToken?: string;
  /** Where `reps login` keeps its config: $XDG_CONFIG_HOME/reps, else ~/.config/reps. */
  configDir: string;
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
    limits: {
      caseWallMs: data.REPS_CASE_WALL_MS,
      jobWallMs: data.REPS_JOB_WALL_MS,
      threadMemoryMb: data.REPS_GRADING_THREAD_MEMORY_MB,
      threads: Math.min(data.REPS_GRADING_THREADS, availableParallelism()),
    },
    ...(data.REPS_URL ? { apiUrl: data.REPS_URL } : {}),
    ...(data.REPS_TOKEN ? { apiToken: data.REPS_TOKEN } : {}),
    configDir: configDir(env),
    debug: isDebug(env),
  };
}

/** The XDG base directory rule: a relative XDG_CONFIG_HOME is ignored, as the spec says. */
function configDir(env: Record<string, string | undefined>): string {
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'reps');
  return join(env.HOME || homedir(), '.config', 'reps');
}

/** Read apart from the schema so that even a bad configuration can be reported with its stack. */
export function isDebug(env: Record<string, string | undefined>): boolean {
  return env.REPS_DEBUG === '1' || env.REPS_DEBUG === 'true';
}
