import { Entity } from 'typeorm';
import { CatalogNamedEntity } from './catalog-base.entity';

/** A grouping of systems on the board (code and names only). */
@Entity({ name: 'categories' })
export class CategoryEntity extends CatalogNamedEntity {}
