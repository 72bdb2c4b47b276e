import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SubscriptionsController } from './http/subscriptions.controller';
import { SubscriptionFanoutService } from './subscription-fanout.service';
import { SubscriptionRateLimiter } from './subscription-rate-limiter';
import { SubscriptionTokens } from './subscription-tokens';
import { SubscriptionsService } from './subscriptions.service';
import { SubscriptionsUnitOfWork } from './subscriptions-unit-of-work';

/**
 * Public subscriptions (/api/public/v1/subscriptions): sign-up with e-mail double opt-in or a
 * webhook, confirmation, one-click unsubscribe, and the fan-out of public incident changes into
 * the notifier's outbox (delivered by its worker and channels). Needs AuthModule (global: the
 * rate-limit store) and AppConfig.
 */
@Module({
  imports: [IncidentsModule, NotificationsModule],
  controllers: [SubscriptionsController],
  providers: [SubscriptionsUnitOfWork, SubscriptionTokens, SubscriptionRateLimiter, SubscriptionsService, SubscriptionFanoutService],
  exports: [SubscriptionFanoutService],
})
export class SubscriptionsModule {}
