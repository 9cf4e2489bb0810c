import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { QUEUES } from '../jobs/job-names.js';
import { RedisService } from '../redis/redis.module.js';

export interface ServiceCheck {
  status: 'up' | 'down';
  latency_ms: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  /** Names of the services that are down, empty when all are up. */
  down: string[];
  checks: { postgres: ServiceCheck; redis: ServiceCheck };
  /** Worker processes connected to the queues; informational, it does not make the API unhealthy. */
  workers: number | null;
  uptime_s: number;
}

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    @InjectQueue(QUEUES.system) private readonly systemQueue: Queue,
  ) {}

  async report(): Promise<HealthReport> {
    const [postgres, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.redis.client.ping()),
    ]);
    const workers = redis.status === 'up' ? await this.countWorkers() : null;
    const down = Object.entries({ postgres, redis })
      .filter(([, c]) => c.status === 'down')
      .map(([name]) => name);
    return {
      status: down.length === 0 ? 'ok' : 'unavailable',
      down,
      checks: { postgres, redis },
      workers,
      uptime_s: Math.round(process.uptime()),
    };
  }

  private async countWorkers(): Promise<number | null> {
    try {
      return await withTimeout(this.systemQueue.getWorkersCount(), CHECK_TIMEOUT_MS);
    } catch {
      return null;
    }
  }
}

async function check(probe: () => Promise<unknown>): Promise<ServiceCheck> {
  const started = performance.now();
  try {
    await withTimeout(probe(), CHECK_TIMEOUT_MS);
    return { status: 'up', latency_ms: elapsed(started) };
  } catch (error) {
    return { status: 'down', latency_ms: elapsed(started), error: (error as Error).message };
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
