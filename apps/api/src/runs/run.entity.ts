import type { RunStatus } from '@reps/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A practice run on the public cases: full results and traces, never on a leaderboard. */
@Entity({ name: 'runs' })
export class Run {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'challenge_version_id', type: 'uuid' })
  challengeVersionId!: string;

  @Column({ type: 'text' })
  pipeline!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: RunStatus;

  @Column({ type: 'jsonb', nullable: true })
  result!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  error!: { code: string; message: string; issues?: unknown[] } | null;

  /** The author's skills as they were when this was sent (`name` and `name@version` → source). */
  @Column({ type: 'jsonb', default: {} })
  skills!: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
