import { Injectable, Logger } from '@nestjs/common';
import { generateProbeToken, hashProbeToken, probeTokenMatches } from './probe-token-hash';
import { ProbeTokensRepository } from './probe-tokens.repository';

export interface CreatedProbeToken {
  id: number;
  region: string;
  name: string;
  /** Shown once; only its hash is stored. */
  token: string;
}

export interface ProbeTokenIdentity {
  tokenId: number;
  region: string;
  name: string;
}

/** Region-bound bearer tokens of probe agents (hashed at rest). create/revoke are the CLI's hooks. */
@Injectable()
export class ProbeTokensService {
  private readonly logger = new Logger('ProbeTokens');

  constructor(private readonly repository: ProbeTokensRepository) {}

  async create(region: string, name: string): Promise<CreatedProbeToken> {
    const token = generateProbeToken();
    const row = await this.repository.insert(region, name, hashProbeToken(token));
    this.logger.log({ event: 'probe_token.created', id: row.id, region, name });
    return { id: row.id, region: row.region, name: row.name, token };
  }

  /** The token's region and name, or undefined for an unknown or revoked one. */
  async verify(token: string): Promise<ProbeTokenIdentity | undefined> {
    if (!token) return undefined;
    const hash = hashProbeToken(token);
    const row = await this.repository.findActiveByHash(hash);
    // The lookup is by hash (an index probe); the compare below is constant-time regardless.
    if (!row || !probeTokenMatches(token, row.token_hash)) return undefined;
    return { tokenId: row.id, region: row.region, name: row.name };
  }

  async revoke(id: number): Promise<boolean> {
    const revoked = await this.repository.revoke(id);
    if (revoked) this.logger.log({ event: 'probe_token.revoked', id });
    return revoked;
  }

  list() {
    return this.repository.list();
  }
}
