import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CatalogSource, CheckKind } from '@kuzet/contracts';
import { numericTransformer } from './column-transformers';

@Entity({ name: 'checks' })
export class CheckEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column('integer', { name: 'system_id' })
  systemId!: number;

  @Column('text')
  code!: string;

  /** "<system code>/<check code>", unique. */
  @Column('text', { unique: true })
  key!: string;

  @Column('text')
  kind!: CheckKind;

  /** URL, host:port or DNS name by kind; null for heartbeat. */
  @Column('text', { nullable: true })
  target!: string | null;

  @Column('numeric', { name: 'interval_s', transformer: numericTransformer })
  intervalS!: number;

  @Column('numeric', { name: 'timeout_s', transformer: numericTransformer })
  timeoutS!: number;

  @Column('text', { array: true })
  regions!: string[];

  @Column('jsonb')
  conditions!: string[];

  @Column('jsonb')
  thresholds!: Record<string, unknown>;

  @Column('jsonb')
  options!: Record<string, unknown>;

  /** Heartbeat checks: the secret of /api/push/{token}. Kept across reloads. */
  @Column('text', { name: 'push_token', nullable: true, unique: true })
  pushToken!: string | null;

  @Column('text')
  source!: CatalogSource;

  @Column('boolean')
  enabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
