import { Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'maintenance_window_systems' })
export class MaintenanceWindowSystemEntity {
  @PrimaryColumn('integer', { name: 'window_id' })
  windowId!: number;

  @PrimaryColumn('integer', { name: 'system_id' })
  systemId!: number;
}
