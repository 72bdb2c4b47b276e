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

/**
 * Agency alerts: alert intents (written by the incidents in their transactions) -> grouping and
 * escalation -> the outbox -> delivery through NOTIFICATION_CHANNELS; the delivery log over REST.
 * The channels (e-mail, webhooks, Telegram) come from NotificationChannelsModule; one that is not
 * configured fails its notifications as "not configured" (the delivery log says so).
 */
@Module({
  imports: [IncidentsModule, NotificationChannelsModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsUnitOfWork,
    NotificationsMetrics,
    AlertGrouperService,
    DeliveryWorkerService,
    DeliveryLogService,
    NotifierLoopService,
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
