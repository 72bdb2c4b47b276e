import type { PublicStatus } from '@kuzet/contracts';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthModule } from '../../../../apps/api/src/auth/auth.module';
import { loadAppConfig } from '../../../../apps/api/src/config/app-config';
import { ConfigModule } from '../../../../apps/api/src/config/config.module';
import { IncidentsService } from '../../../../apps/api/src/incidents/incidents.service';
import { IncidentsUnitOfWork } from '../../../../apps/api/src/incidents/incidents-unit-of-work';
import { IncidentsModule } from '../../../../apps/api/src/incidents/incidents.module';
import { SystemGraphRepository } from '../../../../apps/api/src/incidents/system-graph.repository';
import { DeliveryWorkerService } from '../../../../apps/api/src/notifications/delivery-worker.service';
import { NotificationsModule } from '../../../../apps/api/src/notifications/notifications.module';
import { NotifierLoopService } from '../../../../apps/api/src/notifications/notifier-loop.service';
import { registerRequestRules } from '../../../../apps/api/src/request-rules/request-rules';
import { SubscriptionFanoutService } from '../../../../apps/api/src/subscriptions/subscription-fanout.service';
import { SubscriptionsModule } from '../../../../apps/api/src/subscriptions/subscriptions.module';

export const PUBLIC_URL = 'https://status.kuzet.test';

/**
 * Subscriptions, incidents and the notifier as the application mounts them (Fastify, /api, the
 * request rules, the session guard) over a migrated database, with the real e-mail channel
 * (KUZET_SMTP_URL) and the wall clock; no timers (tests call tick()).
 */
export class SubscriptionsHarness {
  private constructor(readonly app: NestFastifyApplication) {}

  static async create(databaseUrl: string, env: Record<string, string>): Promise<SubscriptionsHarness> {
    const config = loadAppConfig(
      {},
      {
        DATABASE_URL: databaseUrl,
        KUZET_DEMO: 'false',
        KUZET_LOG_LEVEL: 'silent',
        KUZET_NOTIFY_TICK_MS: '0',
        KUZET_PUBLIC_URL: PUBLIC_URL,
        KUZET_SMTP_FROM: 'Kuzet <status@kuzet.test>',
        ...env,
      },
    );
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ type: 'postgres', url: databaseUrl, synchronize: false, poolSize: 4 }),
        AuthModule,
        IncidentsModule,
        NotificationsModule,
        SubscriptionsModule,
      ],
    })
      .setLogger(false as never)
      .compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(
      // As the application does: X-Forwarded-For is believed only from KUZET_TRUST_PROXY.
      new FastifyAdapter({ trustProxy: config.trustProxy }),
      { logger: false },
    );
    app.setGlobalPrefix('api');
    registerRequestRules(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new SubscriptionsHarness(app);
  }

  /**
   * Fan-out of incident events, then notifier rounds until nothing is left to claim (a message
   * waits for the previous one about the same incident to the same recipient, one round later).
   */
  async tick(): Promise<void> {
    await this.app.get(SubscriptionFanoutService).runOnce();
    await this.app.get(NotifierLoopService).runOnce();
    while ((await this.app.get(DeliveryWorkerService).deliverDue()) > 0);
  }

  /** The detector's view of a system changing status now; returns the incident it opened or updated. */
  async setStatus(systemId: number, status: PublicStatus): Promise<number> {
    const graph = await this.app.get(SystemGraphRepository).load();
    const incidents = this.app.get(IncidentsService);
    const changes = await this.app.get(IncidentsUnitOfWork).run((tx) =>
      incidents.applySystemState(tx, graph, { system: graph.system(systemId)!, status, flapping: false, at: Date.now() }),
    );
    incidents.publish(changes);
    return changes[0].incident.id;
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

/** An agency and its systems; `public` marks the systems citizens see. */
export async function seedCatalog(
  ds: DataSource,
  agency: string,
  systems: { code: string; public: boolean }[],
): Promise<Record<string, number>> {
  const [a] = (await ds.query(
    `INSERT INTO agencies (code, name_kk, name_ru, name_en) VALUES ($1, $1 || ' мекемесі', $1 || ' ведомство', $1 || ' agency') RETURNING id`,
    [agency],
  )) as { id: number }[];
  const ids: Record<string, number> = {};
  for (const s of systems) {
    const [row] = (await ds.query(
      `INSERT INTO systems (agency_id, code, tier, is_public, name_kk, name_ru, name_en)
       VALUES ($1, $2, 'high', $3, $2 || ' порталы', $2 || ' портал', $2 || ' portal') RETURNING id`,
      [a.id, s.code, s.public],
    )) as { id: number }[];
    ids[s.code] = Number(row.id);
  }
  return ids;
}
