import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CatalogApplySummary, CatalogSource } from '@kuzet/contracts';

/** One applied change of the catalog (a folder load that changed something, or a REST write). */
@Entity({ name: 'catalog_revisions' })
export class CatalogRevisionEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column('timestamptz', { name: 'applied_at', default: () => 'now()' })
  appliedAt!: Date;

  @Column('text')
  source!: CatalogSource;

  /** sha256 of the folder's files (folder) or of the request (api). */
  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @Column('jsonb')
  summary!: CatalogApplySummary;
}
