import { Column, Entity } from 'typeorm';
import type { SystemTier } from '@kuzet/contracts';
import { numericTransformer } from './column-transformers';
import { CatalogNamedEntity } from './catalog-base.entity';

@Entity({ name: 'systems' })
export class SystemEntity extends CatalogNamedEntity {
  @Column('integer', { name: 'agency_id' })
  agencyId!: number;

  @Column('text')
  tier!: SystemTier;

  @Column('boolean', { name: 'is_public' })
  isPublic!: boolean;

  @Column('integer', { name: 'category_id', nullable: true })
  categoryId!: number | null;

  /** Availability objective in percent; null means the platform default. */
  @Column('numeric', { name: 'slo_target', nullable: true, transformer: numericTransformer })
  sloTarget!: number | null;

  /** Optional short name (tiles, wall display): all three languages or none. */
  @Column('text', { name: 'short_name_kk', nullable: true })
  shortNameKk!: string | null;

  @Column('text', { name: 'short_name_ru', nullable: true })
  shortNameRu!: string | null;

  @Column('text', { name: 'short_name_en', nullable: true })
  shortNameEn!: string | null;
}
