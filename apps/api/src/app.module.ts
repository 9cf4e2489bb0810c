import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Config } from '@reps/shared';
import { AdminModule } from './admin/admin.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BootstrapService } from './bootstrap.service.js';
import { ChallengesModule } from './challenges/challenges.module.js';
import { CohortsModule } from './cohorts/cohorts.module.js';
import { HttpErrorsFilter } from './common/http-errors.filter.js';
import { LoggingModule } from './common/logging.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { InstructorModule } from './instructor/instructor.module.js';
import { QueueModule } from './jobs/queue.module.js';
import { LeaderboardsModule } from './leaderboards/leaderboards.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ModelKeysModule } from './model-keys/model-keys.module.js';
import { ModelKeysApiModule } from './model-keys/model-keys-api.module.js';
import { ModelsModule } from './models/models.module.js';
import { ProgressModule } from './progress/progress.module.js';
import { RedisModule } from './redis/redis.module.js';
import { RunsModule } from './runs/runs.module.js';
import { SkillsModule } from './skills/skills.module.js';
import { SolutionsModule } from './solutions/solutions.module.js';
import { SubmissionsModule } from './submissions/submissions.module.js';
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
        ModelsModule,
        ModelKeysModule,
        ModelKeysApiModule,
        SkillsModule,
        ChallengesModule,
        RunsModule,
        SubmissionsModule,
        LeaderboardsModule,
        ProgressModule,
        SolutionsModule,
        CohortsModule,
        InstructorModule,
        AdminModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpErrorsFilter }, BootstrapService],
    };
  }
}
