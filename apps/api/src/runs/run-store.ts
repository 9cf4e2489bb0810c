import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Run } from './run.entity.js';

/** How a practice run ended, as the worker records it. */
export type RunEnd =
  | { status: 'done'; result: object }
  | { status: 'failed' | 'error'; error: NonNullable<Run['error']> };

/**
 * The one writer of the `runs` table (docs/architecture.md, "Who writes which table"): the API
 * creates runs, the worker moves them through their states by calling this.
 */
@Injectable()
export class RunStore {
  constructor(@InjectRepository(Run) private readonly runs: Repository<Run>) {}

  create(fields: Pick<Run, 'userId' | 'challengeVersionId' | 'pipeline' | 'skills'>): Promise<Run> {
    return this.runs.save(this.runs.create(fields));
  }

  byId(id: string): Promise<Run | null> {
    return this.runs.findOne({ where: { id } });
  }

  async markRunning(id: string): Promise<void> {
    await this.runs.update(id, { status: 'running' });
  }

  /** Records how a run ended; a run already final (a re-delivered job gave up late) stays as it is. */
  async finish(id: string, end: RunEnd): Promise<void> {
    // TypeORM's deep-partial type cannot follow the jsonb columns' types: they go in as objects.
    const values = end.status === 'done' ? { result: end.result } : { error: end.error as object };
    await this.runs.update(
      { id, status: In(['queued', 'running']) },
      { status: end.status, ...values, finishedAt: new Date() },
    );
  }
}
