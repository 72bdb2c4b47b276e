import { Column, Entity } from 'typeorm';
import { numericTransformer } from './column-transformers';
import { CatalogBaseEntity } from './catalog-base.entity';

/** One-off windows have starts_at/ends_at (UTC instants); recurring ones recurrence/start_time/duration_s. */
@Entity({ name: 'maintenance_windows' })
export class MaintenanceWindowEntity extends CatalogBaseEntity {
  @Column('text', { unique: true })
  code!: string;

  @Column('text', { name: 'title_kk' })
  titleKk!: string;

  @Column('text', { name: 'title_ru' })
  titleRu!: string;

  @Column('text', { name: 'title_en' })
  titleEn!: string;

  /** IANA zone in which start_time and the written one-off times are local. */
  @Column('text')
  timezone!: string;

  @Column('timestamptz', { name: 'starts_at', nullable: true })
  startsAt!: Date | null;

  @Column('timestamptz', { name: 'ends_at', nullable: true })
  endsAt!: Date | null;

  /** RFC 5545 RRULE subset, e.g. FREQ=WEEKLY;BYDAY=SU. */
  @Column('text', { nullable: true })
  recurrence!: string | null;

  /** Local "HH:MM" in timezone. */
  @Column('text', { name: 'start_time', nullable: true })
  startTime!: string | null;

  @Column('numeric', { name: 'duration_s', nullable: true, transformer: numericTransformer })
  durationS!: number | null;
}
