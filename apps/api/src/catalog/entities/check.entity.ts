import { Column, Entity } from 'typeorm';
import type { CheckKind, CheckRoleName } from '@kuzet/contracts';
import { numericTransformer } from './column-transformers';
import { CatalogBaseEntity } from './catalog-base.entity';

@Entity({ name: 'checks' })
export class CheckEntity extends CatalogBaseEntity {
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

  /** primary | diagnostic; null: the kind's default. */
  @Column('text', { nullable: true })
  role!: CheckRoleName | null;

  /** Heartbeat checks: the secret of /api/push/{token}. Kept across reloads. */
  @Column('text', { name: 'push_token', nullable: true, unique: true })
  pushToken!: string | null;
}
