import type {
  AlertContent,
  AlertLanguage,
  ChannelKind,
  RenderedMessage,
} from '../channels/notification-channel';
import { buildAlertView } from './alert-view';
import { renderEmail } from './email.template';
import { renderTelegram } from './telegram.template';
import { renderText } from './text.template';

/** The message for one channel and language: the notifier calls this before handing it to a channel. */
export function renderAlert(
  content: AlertContent,
  channel: ChannelKind,
  language: AlertLanguage,
): RenderedMessage {
  const view = buildAlertView(content, language);
  switch (channel) {
    case 'email':
      return renderEmail(view, language);
    case 'telegram':
      return renderTelegram(view);
    case 'webhook':
      return { subject: view.subject, text: renderText(view) };
  }
}
