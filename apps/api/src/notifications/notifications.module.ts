import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { IncidentsModule } from '../incidents/incidents.module';
import { AlertGrouperService } from './alert-grouper.service';
import { NotificationChannelsModule } from './channels/notification-channels.module';
import { DeliveryLogService } from './delivery-log.service';
import { DeliveryWorkerService } from './delivery-worker.service';
import { NotificationsController } from './http/notifications.controller';
import { ALERT_RENDERER, TemplateAlertRenderer } from './notification-renderer';
import { NotificationsMetrics } from './notifications-metrics';
import { DEFAULT_NOTIFICATIONS_OPTIONS, NOTIFICATIONS_OPTIONS } from './notifications.options';
import { NotificationsUnitOfWork } from './notifications-unit-of-work';
import { NotifierLoopService } from './notifier-loop.service';
import { TelegramController } from './http/telegram.controller';
import { AckTokenSource } from './telegram/ack-tokens';
import { TelegramAckService } from './telegram/telegram-ack.service';
import { TelegramBotClient } from './telegram/telegram-bot.client';
import { TelegramLinkService } from './telegram/telegram-link.service';
import { TelegramLinksRepository } from './telegram/telegram-links.repository';
import { TelegramSecretGuard } from './telegram/telegram-secret.guard';
import { TelegramUpdatesService } from './telegram/telegram-updates.service';

/**
 * Agency alerts: alert intents (written by the incidents in their transactions) -> grouping and
 * escalation -> the outbox -> delivery through NOTIFICATION_CHANNELS; the delivery log over REST;
 * Telegram's webhook (linking a Telegram user, the alerts' acknowledge button).
 * The channels (e-mail, webhooks, Telegram) come from NotificationChannelsModule; one that is not
 * configured fails its notifications as "not configured" (the delivery log says so).
 */
@Module({
  imports: [IncidentsModule, NotificationChannelsModule],
  controllers: [NotificationsController, TelegramController],
  providers: [
    NotificationsUnitOfWork,
    NotificationsMetrics,
    AlertGrouperService,
    DeliveryWorkerService,
    DeliveryLogService,
    NotifierLoopService,
    AckTokenSource,
    TelegramLinksRepository,
    TelegramBotClient,
    TelegramLinkService,
    TelegramAckService,
    TelegramUpdatesService,
    TelegramSecretGuard,
    { provide: ALERT_RENDERER, useClass: TemplateAlertRenderer },
    {
      provide: NOTIFICATIONS_OPTIONS,
      inject: [{ token: AppConfig, optional: true }],
      useFactory: (config?: AppConfig) => config?.notifications ?? DEFAULT_NOTIFICATIONS_OPTIONS,
    },
  ],
  exports: [NotifierLoopService, AlertGrouperService, DeliveryWorkerService, NOTIFICATIONS_OPTIONS],
})
export class NotificationsModule {}
