import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A challenge's catalogue card; its content lives in versions. */
@Entity({ name: 'challenges' })
export class ChallengeRow {
  @PrimaryColumn({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  domain!: string;

  @Column({ type: 'text', array: true })
  skills!: string[];

  @Column({ type: 'int' })
  difficulty!: number;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'published_version', type: 'int', nullable: true })
  publishedVersion!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
