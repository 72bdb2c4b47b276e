import { Column, Entity } from 'typeorm';
import type { AgencyContact, NotificationPolicy } from '@kuzet/contracts';
import { CatalogNamedEntity } from './catalog-base.entity';

@Entity({ name: 'agencies' })
export class AgencyEntity extends CatalogNamedEntity {
  /** Where alerts go (e-mail, webhook, Telegram); read by notifications. */
  @Column('jsonb')
  contacts!: AgencyContact[];

  /** The agency's notification policy (validated; durations in seconds). */
  @Column('jsonb')
  notifications!: NotificationPolicy;
}
