import { z } from 'zod';

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .min(1, 'is empty')
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

const port = z.coerce.number().int('must be a whole number').min(1).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * The whole configuration of the API and the worker, parsed once at boot. Nothing else reads
 * process.env. Every variable is documented in the README's configuration table.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(3000),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  REDIS_URL: url(['redis:', 'rediss:']),
  /** Prefix of every Redis key Reps writes; lets several deployments (or test runs) share a Redis. */
  REPS_REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]+$/i, 'letters, digits, : _ - only')
    .default('reps'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Pretty, human-readable logs (for a terminal); JSON lines otherwise. */
  LOG_PRETTY: bool.default(false),
  /** Seed of the hidden test cases: HMAC(REPS_HIDDEN_SEED, `<slug>:<version>`). Never share it. */
  REPS_HIDDEN_SEED: z.string().min(16, 'must be at least 16 characters'),
  /** Key that signs proof-of-work records and session tokens. */
  REPS_SERVER_KEY: z.string().min(32, 'must be at least 32 characters'),
  /** Folder(s) of the challenge catalogue, loaded at start; several are separated by `:`. */
  REPS_CHALLENGES_DIR: z.string().default('challenges'),
  /** Folder of the built web app the API serves; empty to serve none. */
  REPS_WEB_DIST: z.string().default('apps/web/dist'),
  /** Create the demo instructor and learner at start. */
  REPS_SEED_DEMO: bool.default(false),
  /** Accounts one client address may create per hour. */
  REPS_REGISTRATIONS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /**
   * Reverse proxies in front of the API whose X-Forwarded-For is trusted (Express's hop count); 0,
   * the default, trusts none, so a client cannot pick the address it is counted under.
   */
  REPS_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Jobs one worker process runs at once, of each queue (gradings, practice runs). Unset: the
   * machine's cores, at least 2 (workerConcurrency in the API): grading with simulated models is
   * CPU-bound, so more at once only adds threads; raise it when gradings mostly wait on real models.
   */
  REPS_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  /** Cases of one grading run at once (they overlap on model calls; the result does not depend on it). */
  REPS_CASE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /**
   * Wall-clock cap of one case of a grading or practice run, measured with the case running alone
   * in its grading thread (and of checking the pipeline); past it the case ends as sandbox_limit.
   */
  REPS_CASE_WALL_MS: z.coerce.number().int('must be a whole number').min(100).default(30_000),
  /** Wall-clock cap of one grading job (a submission's cases, or a practice run's); past it the unfinished cases end as timeout. */
  REPS_JOB_WALL_MS: z.coerce
    .number()
    .int('must be a whole number')
    .min(1000)
    .default(15 * 60_000),
  /** Heap (MB) of the thread that runs one grading job; a case that exhausts it alone ends as sandbox_limit. */
  REPS_GRADING_THREAD_MEMORY_MB: z.coerce
    .number()
    .int('must be a whole number')
    .min(64)
    .max(65_536)
    .default(512),
  /**
   * Threads one grading spreads its cases over, each with REPS_GRADING_THREAD_MEMORY_MB (the result
   * does not depend on it). The worker gives a grading at most the machine's cores, and fewer when
   * its other gradings already keep them busy.
   */
  REPS_GRADING_THREADS: z.coerce.number().int('must be a whole number').min(1).max(64).default(2),
  /**
   * Wall-clock cap of checking one pipeline, skill or challenge manifest in the API (in a thread
   * of its own, off the request thread); past it the request gets 503 (the server may only be busy).
   */
  REPS_CHECK_WALL_MS: z.coerce.number().int('must be a whole number').min(100).default(5_000),
  /** Threads of each API process that check pipelines; requests beyond them (and 64 waiting) get 429, as does a second check of one user while their first runs. */
  REPS_CHECK_THREADS: z.coerce.number().int('must be a whole number').min(1).max(64).default(1),
  /** Writes (POST, PATCH, DELETE) one user or address may make per minute. */
  REPS_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Practice runs a learner may start per minute. */
  REPS_RUNS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /**
   * How often each worker looks for submissions, runs and uploads left without a live job (after a
   * crash or a Redis that lost its data) and puts them on the queue again.
   */
  REPS_RECONCILE_EVERY_MS: z.coerce.number().int('must be a whole number').min(1000).default(30_000),
  /**
   * The worker's CPU priority as a Unix nice value (0 normal, 19 lowest), inherited by its grading
   * threads, so grading on the same machine never starves the API.
   */
  REPS_WORKER_NICE: z.coerce.number().int('must be a whole number').min(0).max(19).default(10),
  /** How long SIGTERM waits for in-flight requests and jobs before forcing exit. */
  REPS_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  REPS_OPENAI_BASE_URL: url(['http:', 'https:']).optional(),
  REPS_OPENAI_API_KEY: z.string().optional(),
  REPS_ANTHROPIC_BASE_URL: url(['http:', 'https:']).default('https://api.anthropic.com'),
  REPS_ANTHROPIC_API_KEY: z.string().optional(),
  /**
   * Bearer token /metrics asks for. Unset, /metrics answers only callers on the same host
   * (loopback), so a public deployment does not publish its internals.
   */
  REPS_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type Config = z.infer<typeof configSchema>;

/** One line per bad variable: `DATABASE_URL: must be a URL starting with postgres://`. */
export function describeConfigErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(config)');
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return `${name}: ${missing ? 'is required but not set' : issue.message}`;
  });
}

/**
 * Parses the environment. Empty strings count as unset, so `FOO=` in a shell behaves like no FOO.
 * Throws a ConfigError naming each bad variable.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const result = configSchema.safeParse(cleaned);
  if (!result.success) throw new ConfigError(describeConfigErrors(result.error));
  if (result.data.NODE_ENV === 'production' && result.data.REPS_SEED_DEMO)
    throw new ConfigError([
      'REPS_SEED_DEMO: the demo accounts have published passwords; they are refused when NODE_ENV=production',
    ]);
  return result.data;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
