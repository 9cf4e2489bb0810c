import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Config } from '@reps/shared';
import { AuthModule } from './auth/auth.module.js';
import { BootstrapService } from './bootstrap.service.js';
import { HttpErrorsFilter } from './common/http-errors.filter.js';
import { LoggingModule } from './common/logging.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { QueueModule } from './jobs/queue.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { RedisModule } from './redis/redis.module.js';
import { UsersModule } from './users/users.module.js';

/** The HTTP API (main.ts). */
@Module({})
export class AppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        QueueModule,
        MetricsModule,
        HealthModule,
        UsersModule,
        AuthModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpErrorsFilter }, BootstrapService],
    };
  }
}
