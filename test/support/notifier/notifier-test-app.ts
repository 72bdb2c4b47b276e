import type { PublicStatus } from '@kuzet/contracts';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthModule } from '../../../apps/api/src/auth/auth.module';
import { loadAppConfig } from '../../../apps/api/src/config/app-config';
import { ConfigModule } from '../../../apps/api/src/config/config.module';
import { DetectionClock } from '../../../apps/api/src/detection/detection-clock';
import { IncidentsService } from '../../../apps/api/src/incidents/incidents.service';
import { IncidentsUnitOfWork } from '../../../apps/api/src/incidents/incidents-unit-of-work';
import { IncidentsModule } from '../../../apps/api/src/incidents/incidents.module';
import { INCIDENTS_OPTIONS } from '../../../apps/api/src/incidents/incidents.options';
import { SystemGraphRepository } from '../../../apps/api/src/incidents/system-graph.repository';
import { FakeClock } from '../../../apps/api/src/incidents/testing/fake-incidents';
import { NOTIFICATION_CHANNELS } from '../../../apps/api/src/notifications/channels/notification-channel';
import { NotificationsModule } from '../../../apps/api/src/notifications/notifications.module';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from '../../../apps/api/src/notifications/notifications.options';
import { NotifierLoopService } from '../../../apps/api/src/notifications/notifier-loop.service';
import { LoopbackWebhookChannel } from './loopback-webhook-channel';

export const T0 = Date.UTC(2026, 0, 5, 4, 0, 0);
export const S = (n: number): number => T0 + n * 1000;
export const COOLDOWN_MS = 60_000;

/** The wall clock, in the harness's clock slot (for processes that run on real time). */
export class WallClock extends FakeClock {
  override now(): number {
    return Date.now();
  }
}

export const TEST_NOTIFY_OPTIONS: NotificationsOptions = {
  tickMs: 0,
  leaseMs: 60_000,
  batchSize: 50,
  giveUpAfterMs: 3_600_000,
  backoff: { baseMs: 1000, maxMs: 20_000 },
  publicUrl: 'https://kuzet.test',
  webhookSecrets: [],
};

/** Environment for the harness's AppConfig; realChannels: the app's own channels, configured by it. */
export interface HarnessWiring {
  env?: Record<string, string>;
  realChannels?: boolean;
}

/**
 * Incidents + notifier as the application mounts them (Fastify, /api, sign-in guards) over a
 * migrated database, with a fake clock, no timers unless options.tickMs (tests call tick()), and
 * the loopback webhook sender as the only channel unless `wiring.realChannels`.
 */
export class NotifierHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly clock: FakeClock,
  ) {}

  static async create(
    databaseUrl: string,
    clock: FakeClock,
    options: NotificationsOptions = TEST_NOTIFY_OPTIONS,
    wiring: HarnessWiring = {},
  ): Promise<NotifierHarness> {
    const config = loadAppConfig(
      {},
      { DATABASE_URL: databaseUrl, KUZET_DEMO: 'false', KUZET_LOG_LEVEL: 'silent', ...wiring.env },
    );
    const builder = Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ type: 'postgres', url: databaseUrl, synchronize: false, poolSize: 4 }),
        IncidentsModule,
        NotificationsModule,
        AuthModule,
      ],
    })
      .overrideProvider(DetectionClock)
      .useValue(clock)
      .overrideProvider(INCIDENTS_OPTIONS)
      .useValue({ cooldownMs: COOLDOWN_MS, sweepIntervalMs: 0 })
      .overrideProvider(NOTIFICATIONS_OPTIONS)
      .useValue({ catalogEnv: config.catalogEnv, ...options });
    if (!wiring.realChannels) builder.overrideProvider(NOTIFICATION_CHANNELS).useValue([new LoopbackWebhookChannel()]);
    const moduleRef = await builder.setLogger(false as never).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app.setGlobalPrefix('api');
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new NotifierHarness(app, clock);
  }

  /** One notifier round at the clock's time. */
  async tick(): Promise<void> {
    await this.app.get(NotifierLoopService).runOnce();
  }

  /** Moves the clock to `at` and runs a notifier round. */
  async tickAt(at: number): Promise<void> {
    this.clock.t = at;
    await this.tick();
  }

  /** The detector's view of a system changing status (in one transaction, as the detector does). */
  async setStatus(systemId: number, status: PublicStatus, at: number): Promise<void> {
    this.clock.t = Math.max(this.clock.t, at);
    const graph = await this.app.get(SystemGraphRepository).load();
    const incidents = this.app.get(IncidentsService);
    const changes = await this.app.get(IncidentsUnitOfWork).run((tx) =>
      incidents.applySystemState(tx, graph, { system: graph.system(systemId)!, status, flapping: false, at }),
    );
    incidents.publish(changes);
  }

  /** Resolves every recovered incident whose cooldown has passed by `at`. */
  async sweepAt(at: number): Promise<void> {
    this.clock.t = at;
    await this.app.get(IncidentsService).sweep();
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

export interface AgencySeed {
  code: string;
  contacts: Record<string, unknown>[];
  notifications?: Record<string, unknown>;
}

/** Inserts agencies (contacts and policy as the catalog stores them) and systems; returns ids by code. */
export async function seed(
  ds: DataSource,
  agencies: AgencySeed[],
  systems: { code: string; agency: string; tier?: string; dependsOn?: string[] }[],
): Promise<{ agencies: Record<string, number>; systems: Record<string, number> }> {
  const ids = { agencies: {} as Record<string, number>, systems: {} as Record<string, number> };
  for (const a of agencies) {
    const rows = (await ds.query(
      `INSERT INTO agencies (code, name_kk, name_ru, name_en, contacts, notifications)
       VALUES ($1, $1 || '-kk', $1 || '-ru', $1, $2::jsonb, $3::jsonb) RETURNING id`,
      [a.code, JSON.stringify(a.contacts), JSON.stringify(a.notifications ?? {})],
    )) as { id: number }[];
    ids.agencies[a.code] = Number(rows[0].id);
  }
  for (const s of systems) {
    const rows = (await ds.query(
      `INSERT INTO systems (agency_id, code, tier, name_kk, name_ru, name_en)
       VALUES ($1, $2, $3, $2 || ' kk', $2 || ' ru', $2) RETURNING id`,
      [ids.agencies[s.agency], s.code, s.tier ?? 'high'],
    )) as { id: number }[];
    ids.systems[s.code] = Number(rows[0].id);
  }
  for (const s of systems)
    for (const parent of s.dependsOn ?? [])
      await ds.query('INSERT INTO system_dependencies (system_id, depends_on_id) VALUES ($1, $2)', [
        ids.systems[s.code],
        ids.systems[parent],
      ]);
  return ids;
}

export const email = (address: string, name?: string, language = 'ru') => ({
  kind: 'email',
  address,
  language,
  ...(name ? { name } : {}),
});

export const telegram = (chatId: string, name?: string, language = 'ru') => ({
  kind: 'telegram',
  chat_id: chatId,
  language,
  ...(name ? { name } : {}),
});

export const webhook = (url: string, name?: string, language = 'ru') => ({
  kind: 'webhook',
  url,
  language,
  ...(name ? { name } : {}),
});
