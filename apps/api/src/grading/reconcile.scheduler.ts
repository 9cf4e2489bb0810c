import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from '../jobs/job-names.js';

const EVERY_MS = 30_000;

/** Runs the reconciler when a worker starts and every 30 s (one schedule however many workers). */
@Injectable()
export class ReconcileScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.system) private readonly system: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.system.upsertJobScheduler(
      'reconcile',
      { every: EVERY_MS },
      { name: 'system.reconcile', opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
    await this.system.add('system.reconcile', {}, { removeOnComplete: 100, removeOnFail: 100 });
  }
}
