import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CatalogSource } from '@kuzet/contracts';

/**
 * Columns every catalog item table has (categories, agencies, systems, checks, maintenance
 * windows). Not an entity itself: TypeORM copies these columns into each subclass's table.
 */
export abstract class CatalogBaseEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column('text')
  source!: CatalogSource;

  /** Items are disabled, never deleted. */
  @Column('boolean')
  enabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Items addressed by a unique code and named in the three interface languages. */
export abstract class CatalogNamedEntity extends CatalogBaseEntity {
  @Column('text', { unique: true })
  code!: string;

  @Column('text', { name: 'name_kk' })
  nameKk!: string;

  @Column('text', { name: 'name_ru' })
  nameRu!: string;

  @Column('text', { name: 'name_en' })
  nameEn!: string;
}
