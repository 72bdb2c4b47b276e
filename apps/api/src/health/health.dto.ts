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
}

class DetectorHealthDto {
  @ApiProperty({ description: 'false when the detector is more than 60 s behind' }) ok!: boolean;
  @ApiProperty({ description: 'age of the oldest result not evaluated yet, seconds (0 when idle)' }) lag_s!: number;
  @ApiProperty({ description: 'results waiting in memory for the detector' }) queued_rows!: number;
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
  @ApiProperty({ type: VersionsDto }) versions!: VersionsDto;
  @ApiProperty() uptime_s!: number;
}
