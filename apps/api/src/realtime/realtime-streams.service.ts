import { Injectable, Optional } from '@nestjs/common';
import type { BoardEvent, PublicEvent } from '@kuzet/contracts';
import { AppConfig } from '../config/app-config';
import { EventStream } from './event-stream';

const DEFAULT_REPLAY_EVENTS = 10_000;

/** The two namespaces' event streams (epoch, sequence, replay buffer), one per process. */
@Injectable()
export class RealtimeStreams {
  readonly board: EventStream<BoardEvent>;
  readonly public: EventStream<PublicEvent>;

  constructor(@Optional() config?: AppConfig) {
    const size = config?.realtime.replayEvents ?? DEFAULT_REPLAY_EVENTS;
    this.board = new EventStream<BoardEvent>(size);
    this.public = new EventStream<PublicEvent>(size);
  }
}
