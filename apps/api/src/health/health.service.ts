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
  /** How old the checks are: they run at most once a second, shared by every caller meanwhile. */
  checked_ms_ago: number;
}

type Checks = Pick<HealthReport, 'status' | 'down' | 'checks' | 'workers'>;

/** The HTTP status of a report: 503 while a service is down. */
export function healthStatus(report: HealthReport): number {
  return report.status === 'ok' ? 200 : 503;
}

const CHECK_TIMEOUT_MS = 2000;
/** A new check starts only when the last one started at least this long ago. */
const CHECK_EVERY_MS = 1000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    @InjectQueue(QUEUES.system) private readonly systemQueue: Queue,
  ) {}

  private last?: { started: number; checked: Promise<{ at: number; checks: Checks }> };

  /**
   * The services' state, checked at most once a second: under load every caller shares the one
   * check in flight or just made, so health never queues behind the database pool.
   */
  async report(): Promise<HealthReport> {
    const now = performance.now();
    if (!this.last || now - this.last.started >= CHECK_EVERY_MS) {
      const checked = this.check().then((checks) => ({ at: performance.now(), checks }));
      this.last = { started: now, checked };
    }
    const { at, checks } = await this.last.checked;
    return {
      ...checks,
      uptime_s: Math.round(process.uptime()),
      checked_ms_ago: Math.max(0, Math.round(performance.now() - at)),
    };
  }

  private async check(): Promise<Checks> {
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
