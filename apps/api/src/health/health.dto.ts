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

class VersionsDto {
  @ApiProperty() kuzet!: string;
  @ApiProperty() node!: string;
  @ApiProperty({ nullable: true, type: String }) postgres!: string | null;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: StorageDto }) storage!: StorageDto;
  @ApiProperty({ type: DatabaseHealthDto }) database!: DatabaseHealthDto;
  @ApiProperty({ type: VersionsDto }) versions!: VersionsDto;
  @ApiProperty() uptime_s!: number;
}
