import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { IncidentsModule } from '../incidents/incidents.module';
import { AlertGrouperService } from './alert-grouper.service';
import { NOTIFICATION_CHANNELS } from './channels/notification-channel';
import { DeliveryLogService } from './delivery-log.service';
import { DeliveryWorkerService } from './delivery-worker.service';
import { NotificationsController } from './http/notifications.controller';
import { ALERT_RENDERER, PlainTextAlertRenderer } from './notification-renderer';
import { NotificationsMetrics } from './notifications-metrics';
import { DEFAULT_NOTIFICATIONS_OPTIONS, NOTIFICATIONS_OPTIONS } from './notifications.options';
import { NotificationsUnitOfWork } from './notifications-unit-of-work';
import { NotifierLoopService } from './notifier-loop.service';

/**
 * Agency alerts: alert intents (written by the incidents in their transactions) -> grouping and
 * escalation -> the outbox -> delivery through NOTIFICATION_CHANNELS; the delivery log over REST.
 * The channels (e-mail, webhooks, Telegram) are provided under NOTIFICATION_CHANNELS; with none,
 * notifications wait in the outbox and their log says so.
 */
@Module({
  imports: [IncidentsModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsUnitOfWork,
    NotificationsMetrics,
    AlertGrouperService,
    DeliveryWorkerService,
    DeliveryLogService,
    NotifierLoopService,
    { provide: ALERT_RENDERER, useClass: PlainTextAlertRenderer },
    { provide: NOTIFICATION_CHANNELS, useValue: [] },
    {
      provide: NOTIFICATIONS_OPTIONS,
      inject: [{ token: AppConfig, optional: true }],
      useFactory: (config?: AppConfig) => config?.notifications ?? DEFAULT_NOTIFICATIONS_OPTIONS,
    },
  ],
  exports: [NotifierLoopService, AlertGrouperService, DeliveryWorkerService],
})
export class NotificationsModule {}
