import { Module } from '@nestjs/common';
import { ChannelClock } from './channel-clock';
import { EmailChannel } from './email.channel';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel';
import { TelegramChannel } from './telegram.channel';
import { WebhookChannel } from './webhook.channel';

/** The delivery channels, listed under NOTIFICATION_CHANNELS for the notifier. Needs ConfigModule. */
@Module({
  providers: [
    ChannelClock,
    EmailChannel,
    WebhookChannel,
    TelegramChannel,
    {
      provide: NOTIFICATION_CHANNELS,
      useFactory: (...channels: NotificationChannel[]): NotificationChannel[] => channels,
      inject: [EmailChannel, WebhookChannel, TelegramChannel],
    },
  ],
  exports: [NOTIFICATION_CHANNELS, EmailChannel, WebhookChannel, TelegramChannel, ChannelClock],
})
export class NotificationChannelsModule {}
