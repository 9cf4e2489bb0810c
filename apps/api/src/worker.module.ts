import { type DynamicModule, Module } from '@nestjs/common';
import type { Config } from '@reps/shared';
import { LoggingModule } from './common/logging.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { GradingWorkerModule } from './grading/grading-worker.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { QueueModule } from './jobs/queue.module.js';
import { ModelKeysModule } from './model-keys/model-keys.module.js';
import { ModelsModule } from './models/models.module.js';
import { RedisModule } from './redis/redis.module.js';
import { PingJob } from './system/ping.job.js';
import { SystemProcessor } from './system/system.processor.js';

/** The worker (worker.ts): no HTTP, BullMQ processors only. */
@Module({})
export class WorkerModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        JobsModule,
        DatabaseModule,
        RedisModule,
        QueueModule,
        ModelsModule,
        ModelKeysModule,
        GradingWorkerModule,
      ],
      providers: [SystemProcessor, PingJob],
    };
  }
}
