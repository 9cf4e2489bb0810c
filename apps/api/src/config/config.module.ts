import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type Config, ConfigError, parseConfig } from '@reps/shared';

/** Injection token of the typed configuration parsed once at boot. */
export const CONFIG = Symbol('CONFIG');

/**
 * Parses the environment once. A missing or bad variable stops the process with each variable's
 * name and what is wrong, and no stack trace: that is a user's mistake, not a crash.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`reps: invalid configuration\n  ${error.problems.join('\n  ')}\n`);
    process.exit(78); // EX_CONFIG
  }
}

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: Config): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] };
  }
}
