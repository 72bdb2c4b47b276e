import { Injectable } from '@nestjs/common';
import { ProbingClock } from '../probing-clock';
import { UnknownPushTokenError } from '../probing.errors';
import { HeartbeatRepository } from './heartbeat.repository';

@Injectable()
export class PushService {
  constructor(
    private readonly repository: HeartbeatRepository,
    private readonly clock: ProbingClock,
  ) {}

  /** @throws UnknownPushTokenError when no enabled heartbeat check has the token */
  async beat(token: string): Promise<number> {
    if (!/^[A-Za-z0-9_-]{8,200}$/.test(token)) throw new UnknownPushTokenError();
    const checkId = await this.repository.recordBeat(token, new Date(this.clock.now()));
    if (checkId === undefined) throw new UnknownPushTokenError();
    return checkId;
  }
}
