import { ConfigError, parseConfig } from './config.js';

const valid = {
  DATABASE_URL: 'postgres://reps@127.0.0.1:5432/reps',
  REDIS_URL: 'redis://127.0.0.1:6379',
  REPS_HIDDEN_SEED: 'a-hidden-seed-of-some-length',
  REPS_SERVER_KEY: 'k'.repeat(32),
};

describe('parseConfig', () => {
  it('accepts a complete environment and applies defaults', () => {
    const config = parseConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.REPS_WORKER_CONCURRENCY).toBeUndefined();
    expect(config.REPS_SEED_DEMO).toBe(false);
    expect([config.REPS_CASE_WALL_MS, config.REPS_JOB_WALL_MS, config.REPS_GRADING_THREAD_MEMORY_MB]).toEqual(
      [30_000, 900_000, 512],
    );
  });

  it('refuses grading limits too small to grade anything', () => {
    expect(() => parseConfig({ ...valid, REPS_CASE_WALL_MS: '5' })).toThrow(/REPS_CASE_WALL_MS: /);
    expect(() => parseConfig({ ...valid, REPS_GRADING_THREAD_MEMORY_MB: 'lots' })).toThrow(
      /REPS_GRADING_THREAD_MEMORY_MB: /,
    );
  });

  it('names a missing variable', () => {
    const { DATABASE_URL: _omit, ...rest } = valid;
    expect(() => parseConfig(rest)).toThrow(/DATABASE_URL: is required but not set/);
  });

  it('treats an empty value as unset', () => {
    expect(() => parseConfig({ ...valid, REDIS_URL: '' })).toThrow(/REDIS_URL: is required/);
  });

  it('names every bad variable with the reason', () => {
    try {
      parseConfig({ ...valid, DATABASE_URL: 'mysql://x', PORT: '70000' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/DATABASE_URL: must be a URL starting with postgres:\/\//);
      expect(problems).toMatch(/PORT: /);
    }
  });
});

describe('production safety', () => {
  const base = valid;

  it('refuses the demo accounts under NODE_ENV=production, naming the variable', () => {
    expect(() => parseConfig({ ...base, NODE_ENV: 'production', REPS_SEED_DEMO: 'true' })).toThrow(
      /REPS_SEED_DEMO: .*refused when NODE_ENV=production/,
    );
    expect(parseConfig({ ...base, NODE_ENV: 'development', REPS_SEED_DEMO: 'true' }).REPS_SEED_DEMO).toBe(
      true,
    );
    expect(parseConfig({ ...base, NODE_ENV: 'production' }).REPS_SEED_DEMO).toBe(false);
  });

  it('trusts no proxy unless told how many hops', () => {
    expect(parseConfig(base).REPS_TRUST_PROXY).toBe(0);
    expect(parseConfig({ ...base, REPS_TRUST_PROXY: '1' }).REPS_TRUST_PROXY).toBe(1);
    expect(() => parseConfig({ ...base, REPS_METRICS_TOKEN: 'short' })).toThrow(/REPS_METRICS_TOKEN/);
  });
});
