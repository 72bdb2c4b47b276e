import { ApiProperty } from '@nestjs/swagger';
import type { StorageMode } from '../database/storage-mode';

class StorageDto {
  @ApiProperty({ enum: ['timescaledb', 'postgresql'] }) mode!: StorageMode;
  @ApiProperty({ nullable: true, type: String, description: 'TimescaleDB extension version' }) timescaledb!: string | null;
}

class DatabaseHealthDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty() latency_ms!: number;
  @ApiProperty({ required: false }) error?: string;
  @ApiProperty({ description: 'when the database facts of this report were read (they are reused for up to a few seconds)' })
  checked_at!: string;
}

class DetectorHealthDto {
  @ApiProperty({ description: 'false when the detector is more than 60 s behind' }) ok!: boolean;
  @ApiProperty({ description: 'age of the oldest result not evaluated yet, seconds (0 when idle)' }) lag_s!: number;
  @ApiProperty({ description: 'results waiting in memory for the detector' }) queued_rows!: number;
}

class LeaderHealthDto {
  @ApiProperty({ description: 'false when no node holds the leader lock: nobody runs detection, sweeps and notifications' }) ok!: boolean;
  @ApiProperty({ description: 'this node is the leader' }) is_leader!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: "the leader's fencing term, when this node leads" }) term!: number | null;
}

class ProbingHealthDto {
  @ApiProperty({ description: 'false when probed checks exist but no result was stored for stall_after_s' }) ok!: boolean;
  @ApiProperty({ description: 'probed checks (enabled, not heartbeat)' }) checks!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'seconds since the latest stored result of a probed check' })
  last_result_age_s!: number | null;
  @ApiProperty({ description: 'max(3 x the smallest check interval, 60 s)' }) stall_after_s!: number;
}

class ProbeAgentHealthDto {
  @ApiProperty({ description: 'false while the embedded agent is overloaded or its worker thread is down' }) ok!: boolean;
  @ApiProperty({ nullable: true, type: String, enum: ['probe overloaded', 'probe worker down'] }) problem!: string | null;
  @ApiProperty({ enum: ['worker', 'inline'] }) mode!: 'worker' | 'inline';
  @ApiProperty({ description: 'false while the worker thread restarts after a crash' }) running!: boolean;
  @ApiProperty({ description: 'worker restarts since the process started' }) restarts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'why the worker last exited unexpectedly' }) last_exit!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'schedule lag p99 over the last minute (bucket upper bound), ms' })
  lag_p99_ms!: number | null;
  @ApiProperty({ description: 'skipped share of the runs planned in the last minute' }) skipped_share!: number;
  @ApiProperty({ description: 'runs started or skipped in the last minute' }) planned_last_minute!: number;
  @ApiProperty({ description: 'overloaded above this lag p99, ms' }) lag_p99_max_ms!: number;
  @ApiProperty({ description: 'overloaded above this skipped share' }) skipped_share_max!: number;
}

class BackgroundJobDto {
  @ApiProperty({ description: 'procedure:relation (TimescaleDB) or the process job name' }) name!: string;
  @ApiProperty({ description: 'false when the last run failed (or a process job is overdue)' }) ok!: boolean;
  @ApiProperty({ nullable: true, type: String }) last_run_at!: string | null;
  @ApiProperty({ nullable: true, type: String }) last_success_at!: string | null;
  @ApiProperty() failures!: number;
  @ApiProperty({ nullable: true, type: String }) last_error!: string | null;
}

class BackgroundJobsDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ enum: ['timescaledb', 'process'] }) source!: 'timescaledb' | 'process';
  @ApiProperty({ type: [BackgroundJobDto] }) jobs!: BackgroundJobDto[];
  @ApiProperty({ required: false }) error?: string;
}

class NotificationsHealthDto {
  @ApiProperty({ description: 'false when a due notification has waited longer than max_due_s' }) ok!: boolean;
  @ApiProperty({ description: 'notifications not delivered yet' }) unsent!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'seconds the oldest due notification has waited' })
  oldest_due_s!: number | null;
  @ApiProperty() max_due_s!: number;
}

class VersionsDto {
  @ApiProperty() kuzet!: string;
  @ApiProperty() node!: string;
  @ApiProperty({ nullable: true, type: String }) postgres!: string | null;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: StorageDto }) storage!: StorageDto;
  @ApiProperty({ type: DatabaseHealthDto }) database!: DatabaseHealthDto;
  @ApiProperty({ type: DetectorHealthDto, nullable: true, description: 'null where no detector runs' })
  detector!: DetectorHealthDto | null;
  @ApiProperty({ type: LeaderHealthDto, nullable: true, description: 'null where no leader election runs (a single-process test app)' })
  leader!: LeaderHealthDto | null;
  @ApiProperty({ type: ProbingHealthDto, nullable: true, description: 'null while the database does not answer' })
  probing!: ProbingHealthDto | null;
  @ApiProperty({ type: ProbeAgentHealthDto, nullable: true, description: 'the embedded probe agent; null where none runs on this node' })
  probe_agent!: ProbeAgentHealthDto | null;
  @ApiProperty({ type: BackgroundJobsDto, nullable: true, description: 'null while the database does not answer' })
  background_jobs!: BackgroundJobsDto | null;
  @ApiProperty({ type: NotificationsHealthDto, nullable: true, description: 'null while the database does not answer' })
  notifications!: NotificationsHealthDto | null;
  @ApiProperty({ type: VersionsDto }) versions!: VersionsDto;
  @ApiProperty() uptime_s!: number;
}
