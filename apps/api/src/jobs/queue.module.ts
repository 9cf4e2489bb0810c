import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { Config } from '@reps/shared';
import { CONFIG } from '../config/config.module.js';
import { QUEUES } from './job-names.js';

const queues = Object.values(QUEUES).map((name) => BullModule.registerQueue({ name }));

/** BullMQ on Redis, shared by the API (producers) and the worker (processors). */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [CONFIG],
      useFactory: (config: Config) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: `${config.REPS_REDIS_PREFIX}:bull`,
      }),
    }),
    ...queues,
  ],
  exports: queues,
})
export class QueueModule {}
