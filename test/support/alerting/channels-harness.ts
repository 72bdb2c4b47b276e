import { Test, type TestingModule } from '@nestjs/testing';
import { loadAppConfig } from '../../../apps/api/src/config/app-config';
import { ConfigModule } from '../../../apps/api/src/config/config.module';
import {
  NOTIFICATION_CHANNELS,
  type AlertContent,
  type AlertLanguage,
  type ChannelKind,
  type NotificationChannel,
  type OutgoingNotification,
} from '../../../apps/api/src/notifications/channels/notification-channel';
import { NotificationChannelsModule } from '../../../apps/api/src/notifications/channels/notification-channels.module';
import { renderAlert } from '../../../apps/api/src/notifications/templates/render-alert';

export interface ChannelsHarness {
  module: TestingModule;
  channel: (kind: ChannelKind) => NotificationChannel;
  close: () => Promise<void>;
}

/** The real channels as the app wires them (ConfigModule + NotificationChannelsModule), with env overrides. */
export async function startChannels(env: Record<string, string>): Promise<ChannelsHarness> {
  const config = loadAppConfig({}, env);
  const module = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), NotificationChannelsModule],
  }).compile();
  await module.init();
  const channels = module.get<NotificationChannel[]>(NOTIFICATION_CHANNELS);
  return {
    module,
    channel: (kind) => {
      const found = channels.find((c) => c.kind === kind);
      if (!found) throw new Error(`no ${kind} channel registered`);
      return found;
    },
    close: () => module.close(),
  };
}

/** A notification as the notifier hands it over: rendered for the channel and language. */
export function outgoing(
  content: AlertContent,
  channel: ChannelKind,
  language: AlertLanguage,
  idempotencyKey: string,
  ackToken?: string,
): OutgoingNotification {
  return { idempotencyKey, language, content, rendered: renderAlert(content, channel, language), ackToken };
}
