import type { Challenge, ChallengeCase } from '@reps/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type VersionStatus = 'draft' | 'calibrating' | 'published' | 'rejected' | 'retired';

/** One immutable version of a challenge: what a leaderboard and a hidden set are tied to. */
@Entity({ name: 'challenge_versions' })
export class ChallengeVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  manifest!: Challenge;

  @Column({ type: 'text' })
  brief!: string;

  @Column({ name: 'generator_script', type: 'text' })
  generatorScript!: string;

  @Column({ name: 'scorer_script', type: 'text', nullable: true })
  scorerScript!: string | null;

  @Column({ name: 'reference_pipeline', type: 'text', nullable: true })
  referencePipeline!: string | null;

  @Column({ name: 'baseline_pipeline', type: 'text', nullable: true })
  baselinePipeline!: string | null;

  /** More passing references by name, beside referencePipeline. */
  @Column({ name: 'extra_references', type: 'jsonb', default: {} })
  extraReferences!: Record<string, string>;

  /** Public cases without their facts (the simulator's ground truth stays server-side). */
  @Column({ name: 'public_cases', type: 'jsonb' })
  publicCases!: Pick<ChallengeCase, 'id' | 'input' | 'expected'>[];

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ type: 'text' })
  source!: 'catalogue' | 'upload';

  @Column({ type: 'text', default: 'published' })
  status!: VersionStatus;

  @Column({ type: 'jsonb', nullable: true })
  calibration!: unknown;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
