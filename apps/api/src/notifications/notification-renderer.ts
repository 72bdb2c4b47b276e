import { Injectable } from '@nestjs/common';
import type { AlertContent, AlertLanguage, ChannelKind, RenderedMessage } from './channels/notification-channel';
import { renderAlert } from './templates/render-alert';

/** Turns what a message is about into its text for one channel and language (the templates). */
export interface AlertRenderer {
  render(content: AlertContent, channel: ChannelKind, language: AlertLanguage): RenderedMessage;
}

/** Nest injection token for the AlertRenderer. */
export const ALERT_RENDERER = Symbol('ALERT_RENDERER');

/** The templates (one per channel and language: templates/render-alert.ts). */
@Injectable()
export class TemplateAlertRenderer implements AlertRenderer {
  render(content: AlertContent, channel: ChannelKind, language: AlertLanguage): RenderedMessage {
    return renderAlert(content, channel, language);
  }
}
