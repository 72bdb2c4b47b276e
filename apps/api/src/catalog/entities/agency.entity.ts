import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgencyContact, CatalogSource } from '@kuzet/contracts';

@Entity({ name: 'agencies' })
export class AgencyEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column('text', { unique: true })
  code!: string;

  @Column('text', { name: 'name_kk' })
  nameKk!: string;

  @Column('text', { name: 'name_ru' })
  nameRu!: string;

  @Column('text', { name: 'name_en' })
  nameEn!: string;

  /** Where alerts go (e-mail, webhook, Telegram); read by notifications. */
  @Column('jsonb')
  contacts!: AgencyContact[];

  @Column('text')
  source!: CatalogSource;

  @Column('boolean')
  enabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
