import { Inject, Injectable } from '@nestjs/common';
import { SQL_EXECUTOR, SqlExecutor } from '../../database/sql-executor';

export interface ProbeTokenRow {
  id: number;
  region: string;
  name: string;
  token_hash: string;
  created_at: Date;
  revoked_at: Date | null;
}

@Injectable()
export class ProbeTokensRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  async insert(region: string, name: string, tokenHash: string): Promise<ProbeTokenRow> {
    const rows = await this.db.query<ProbeTokenRow>(
      'INSERT INTO probe_tokens (region, name, token_hash) VALUES ($1, $2, $3) RETURNING *',
      [region, name, tokenHash],
    );
    return rows[0];
  }

  async findActiveByHash(tokenHash: string): Promise<ProbeTokenRow | undefined> {
    const rows = await this.db.query<ProbeTokenRow>(
      'SELECT * FROM probe_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [tokenHash],
    );
    return rows[0];
  }

  async list(): Promise<ProbeTokenRow[]> {
    return this.db.query<ProbeTokenRow>('SELECT * FROM probe_tokens ORDER BY id');
  }

  async revoke(id: number): Promise<boolean> {
    const rows = await this.db.query<{ id: number }>(
      'UPDATE probe_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [id],
    );
    return rows.length > 0;
  }
}
