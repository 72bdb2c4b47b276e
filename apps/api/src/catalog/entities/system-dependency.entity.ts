import { Entity, PrimaryColumn } from 'typeorm';

/** system_id depends on depends_on_id: when the latter is down, the former's incidents are symptoms. */
@Entity({ name: 'system_dependencies' })
export class SystemDependencyEntity {
  @PrimaryColumn('integer', { name: 'system_id' })
  systemId!: number;

  @PrimaryColumn('integer', { name: 'depends_on_id' })
  dependsOnId!: number;
}
