import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CatalogSource, SystemTier } from '@kuzet/contracts';
import { numericTransformer } from './column-transformers';

@Entity({ name: 'systems' })
export class SystemEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column('integer', { name: 'agency_id' })
  agencyId!: number;

  @Column('text', { unique: true })
  code!: string;

  @Column('text')
  tier!: SystemTier;

  @Column('boolean', { name: 'is_public' })
  isPublic!: boolean;

  @Column('text', { name: 'name_kk' })
  nameKk!: string;

  @Column('text', { name: 'name_ru' })
  nameRu!: string;

  @Column('text', { name: 'name_en' })
  nameEn!: string;

  @Column('integer', { name: 'category_id', nullable: true })
  categoryId!: number | null;

  /** Availability objective in percent; null means the platform default. */
  @Column('numeric', { name: 'slo_target', nullable: true, transformer: numericTransformer })
  sloTarget!: number | null;

  @Column('text')
  source!: CatalogSource;

  @Column('boolean')
  enabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
