import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import { createApp } from '../../../../apps/api/src/bootstrap';
import { loadAppConfig } from '../../../../apps/api/src/config/app-config';
import { DetectorService } from '../../../../apps/api/src/detection/detector.service';
import { IncidentsService } from '../../../../apps/api/src/incidents/incidents.service';
import { ResultsStream } from '../../../../apps/api/src/ingest/results-stream';
import { RealtimeIoAdapter } from '../../../../apps/api/src/realtime/realtime-io.adapter';
import { RealtimePublisher } from '../../../../apps/api/src/realtime/realtime-publisher.service';
import { CheckOutcome } from '../../../../apps/api/src/timeseries/check-outcome';
import type { CheckResultRow } from '../../../../apps/api/src/timeseries/check-result';
import { freePort } from '../../../support/free-port';

export interface RealtimeTestApp {
  app: NestFastifyApplication;
  base: string;
  /** Feeds check results through the real pipeline (detector -> statuses, incidents -> events). */
  feed(rows: CheckResultRow[]): Promise<void>;
  incidents: IncidentsService;
  /** Resolves once every change so far has been emitted to the sockets. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole API application (createApp, as main.ts builds it: Fastify, socket.io adapter, every
 * module) listening on 127.0.0.1:<free port>, on a migrated database, demo and embedded probe off.
 */
export async function startRealtimeApp(
  databaseUrl: string,
  settings: Record<string, string> = {},
  redisKey?: string,
): Promise<RealtimeTestApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kuzet-realtime-it-'));
  const config = loadAppConfig(process.env, {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    KUZET_DATA_DIR: dataDir,
    KUZET_DEMO: 'false',
    KUZET_EMBEDDED_AGENT: 'false',
    KUZET_CATALOG_WATCH: 'false',
    KUZET_INCIDENT_SWEEP_S: '0',
    KUZET_LOG_LEVEL: 'silent',
    ...settings,
  });
  const app = await createApp(config);
  // Same adapter as production, with a channel prefix of this run's own (Redis is shared).
  if (redisKey)
    app.useWebSocketAdapter(new RealtimeIoAdapter(app, { redisUrl: config.realtime.redisUrl, redisKey }));
  await app.listen(port, '127.0.0.1');
  const publisher = app.get(RealtimePublisher);
  const detector = app.get(DetectorService);
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    incidents: app.get(IncidentsService),
    async feed(rows) {
      app.get(ResultsStream).publish(rows);
      await detector.idle();
      await publisher.idle();
    },
    settled: () => publisher.idle(),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Seeded {
  systemIds: Record<string, number>;
  checkIds: Record<string, number>;
}

/**
 * Agencies nit and mju; systems gateway (nit, public), portal (nit, not public), registry (mju,
 * public); one http check each.
 */
export async function seedRealtimeCatalog(ds: DataSource): Promise<Seeded> {
  const one = async (sql: string, params: unknown[]) =>
    Number(((await ds.query(sql, params)) as { id: number }[])[0].id);
  const agencyIds: Record<string, number> = {};
  for (const code of ['nit', 'mju'])
    agencyIds[code] = await one(
      `INSERT INTO agencies (code, name_kk, name_ru, name_en) VALUES ($1, $1 || '-kk', $1 || '-ru', $1 || '-en') RETURNING id`,
      [code],
    );
  const systemIds: Record<string, number> = {};
  const checkIds: Record<string, number> = {};
  for (const [code, agency, isPublic] of [
    ['gateway', 'nit', true],
    ['portal', 'nit', false],
    ['registry', 'mju', true],
  ] as const) {
    systemIds[code] = await one(
      `INSERT INTO systems (agency_id, code, tier, is_public, name_kk, name_ru, name_en)
       VALUES ($1, $2, 'critical', $3, $2 || ' kk', $2 || ' ru', $2) RETURNING id`,
      [agencyIds[agency], code, isPublic],
    );
    checkIds[code] = await one(
      `INSERT INTO checks (system_id, code, key, kind, target, interval_s, timeout_s, regions)
       VALUES ($1, 'web', $2, 'http', 'https://10.20.30.40/internal-health', 30, 10, '{almaty}') RETURNING id`,
      [systemIds[code], `${code}/web`],
    );
  }
  return { systemIds, checkIds };
}

/** Two failures in a row (the detector's default threshold) at real time, so the system goes down. */
export function outage(checkId: number, startMs = Date.now() - 60_000): CheckResultRow[] {
  return [0, 30].map((s) => ({
    time: new Date(startMs + s * 1000),
    checkId,
    region: 'almaty',
    outcome: CheckOutcome.Down,
    latencyMs: null,
    statusCode: null,
    errorClass: 'connect_refused' as never,
  }));
}

/** A sequenced event as it arrives. */
export interface Received {
  type: string;
  epoch: string;
  seq: number;
  at: string;
  data: Record<string, unknown> & { id?: number; system?: string; agency?: string };
}

const EVENT_TYPES = [
  'incident.opened',
  'incident.updated',
  'incident.resolved',
  'system.status',
  'results.summary',
  'score.updated',
];

/** A socket.io client (websocket only, no auto-reconnect) that records every event it gets. */
export class TestClient {
  readonly socket: Socket;
  readonly events: Received[] = [];
  private waiters: { until: (e: Received[]) => boolean; resolve: () => void }[] = [];

  constructor(
    base: string,
    namespace: string,
    headers: Record<string, string> = {},
    transports: ('websocket' | 'polling')[] = ['websocket'],
  ) {
    this.socket = io(`${base}${namespace}`, {
      path: '/socket.io',
      transports,
      reconnection: false,
      forceNew: true,
      autoConnect: false,
      extraHeaders: headers,
    });
    for (const type of EVENT_TYPES)
      this.socket.on(type, (event: Received) => {
        this.events.push(event);
        this.waiters = this.waiters.filter((w) => (w.until(this.events) ? (w.resolve(), false) : true));
      });
  }

  /** Connects; rejects with the server's connect_error message. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
      this.socket.connect();
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read both answer shapes
  sync(request: { epoch?: string; last_seq?: number } = {}): Promise<any> {
    return this.socket.timeout(20_000).emitWithAck('sync', request);
  }

  /** Waits until the events satisfy `until`; fails (naming what it got) after a generous 20 s. */
  waitFor(until: (events: Received[]) => boolean, what = 'events'): Promise<void> {
    if (until(this.events)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        const got = this.events.map((e) => `${e.seq}:${e.type}:${e.data.system ?? e.data.agency ?? ''}`);
        reject(new Error(`never got ${what}; got ${JSON.stringify(got)}`));
      }, 20_000);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ until, resolve: done });
    });
  }

  ofType(type: string): Received[] {
    return this.events.filter((e) => e.type === type);
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Waits until a socket is disconnected by the server (or times out with Jest). */
export function disconnected(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    if (!socket.connected) return resolve('already');
    socket.once('disconnect', (reason) => resolve(reason));
  });
}
